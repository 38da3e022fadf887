/**
 * Makers' shortfall by country: each country's makers pooled into one figure, the share of their
 * demand they could not meet. A country with several makers gets the demand-weighted mean of its
 * makers' figures, which is the pooled share when demand is as planned (sum of shortfall over sum of
 * demand); its interval is the same weighted mean of the makers' interval ends, at least as wide as
 * the pooled figure's own interval (the spread of a weighted sum is at most the weighted sum of the
 * spreads), so it never claims more precision than the run has.
 */

/** One maker's figures, as a run's result gives them per strategy. */
export interface MakerShortfall {
  country: string;
  shortfallPct: { mean: number; ci95: [number, number]; p95: number };
}

export interface CountryShortfall {
  country: string;
  /** the makers pooled, by id, in the order given */
  makers: string[];
  /** % of the country's makers' demand, with its 95% interval (see above) */
  mean: number;
  ci95: [number, number];
  /** the demand-weighted mean of the makers' P95: a guide, not the P95 of the pooled figure */
  p95: number;
}

/**
 * Pools makers by country with weights `weight(makerId)` (their planned demand); a country whose
 * makers all weigh 0 (or have no weight) pools them equally. Countries in order of first appearance.
 */
export function countryShortfall(byMaker: Record<string, MakerShortfall>, weight: (makerId: string) => number | undefined): CountryShortfall[] {
  const groups = new Map<string, string[]>();
  for (const [id, m] of Object.entries(byMaker)) {
    const ids = groups.get(m.country) ?? [];
    ids.push(id);
    groups.set(m.country, ids);
  }
  return [...groups].map(([country, ids]) => {
    const raw = ids.map((id) => Math.max(0, weight(id) ?? 0));
    const total = raw.reduce((a, b) => a + b, 0);
    const w = total > 0 ? raw.map((x) => x / total) : ids.map(() => 1 / ids.length);
    const pooled = (f: (m: MakerShortfall) => number) => ids.reduce((sum, id, k) => sum + w[k] * f(byMaker[id]), 0);
    return {
      country,
      makers: ids,
      mean: pooled((m) => m.shortfallPct.mean),
      ci95: [pooled((m) => m.shortfallPct.ci95[0]), pooled((m) => m.shortfallPct.ci95[1])],
      p95: pooled((m) => m.shortfallPct.p95),
    };
  });
}

/** The country with the largest mean shortfall %, or null when there is none above 0. */
export function worstCountry(countries: CountryShortfall[]): CountryShortfall | null {
  let worst: CountryShortfall | null = null;
  for (const c of countries) if (c.mean > 0 && (!worst || c.mean > worst.mean)) worst = c;
  return worst;
}
