/** A scenario's assumptions in words for the report: distributions, disruption targets and occurrence, levers. */
import type { Disruption, DisruptionTarget, Distribution, Lever } from '../model/schema.ts';

/** A plain number, trimmed to at most 4 significant digits with thousands separators: 250000 -> "250,000". */
export function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return x.toLocaleString('en-US', { maximumSignificantDigits: Math.max(4, String(Math.round(Math.abs(x))).length) });
}

/** A fraction 0..1 as a percentage: 0.25 -> "25%". */
export const pct = (f: number): string => `${num(f * 100)}%`;

/** A duration in months: "1 month", "18 months", "PERT (min 1, mode 3, max 9) months". */
export function monthsText(d: Distribution): string {
  const one = d === 1 || (typeof d === 'object' && 'fixed' in d && d.fixed === 1);
  return one ? '1 month' : `${distributionText(d)} months`;
}

/** A number or distribution of the scenario format, with `fmt` for its values: "PERT(18, 24, 36)". */
export function distributionText(d: Distribution, fmt: (x: number) => string = num): string {
  if (typeof d === 'number') return fmt(d);
  if ('fixed' in d) return fmt(d.fixed);
  if ('uniform' in d) return `uniform ${fmt(d.uniform[0])} to ${fmt(d.uniform[1])}`;
  if ('triangular' in d) return `triangular (min ${fmt(d.triangular[0])}, mode ${fmt(d.triangular[1])}, max ${fmt(d.triangular[2])})`;
  if ('pert' in d) return `PERT (min ${fmt(d.pert[0])}, mode ${fmt(d.pert[1])}, max ${fmt(d.pert[2])})`;
  if ('normal' in d) return `normal (mean ${fmt(d.normal[0])}, sd ${fmt(d.normal[1])})`;
  if ('lognormal' in d) return `lognormal, 90% between ${fmt(d.lognormal.p5)} and ${fmt(d.lognormal.p95)}`;
  if ('exponential' in d) return `exponential, mean ${fmt(d.exponential)}`;
  if ('bernoulli' in d) return `1 with probability ${num(d.bernoulli)}, else 0`;
  const total = d.discrete.reduce((s, [, w]) => s + w, 0);
  return `one of ${d.discrete.map(([v, w]) => `${fmt(v)} (${pct(total > 0 ? w / total : 0)})`).join(', ')}`;
}

/** What a disruption hits: "processing in CN, exports only". */
export function targetText(t: DisruptionTarget): string {
  if ('node' in t) return `node ${t.node}`;
  if ('route' in t) return `route ${t.route}`;
  if ('demand' in t) return `demand at ${t.nodes ? t.nodes.join(', ') : 'every maker'}`;
  if ('country' in t) return `${t.stages ? t.stages.join(', ') : 'every stage'} in ${t.country}${t.exportsOnly ? ', exports to other countries only' : ''}`;
  return `nodes ${t.nodes.join(', ')}`;
}

/** When a disruption happens: a scripted start, a rate, a yearly probability or a common cause. */
export function occurrenceText(d: Disruption): string {
  if (d.start !== undefined) return `starts at month ${distributionText(d.start)}`;
  if (d.ratePerYear !== undefined) return `${num(d.ratePerYear)} a year on average (Poisson)`;
  if (d.probabilityPerYear !== undefined) return `probability ${pct(d.probabilityPerYear)} a year`;
  if (d.correlatedWith) return `with probability ${pct(d.correlatedWith.probability)} each time ${d.correlatedWith.id} starts`;
  return '–';
}

/** How hard a disruption hits: the fraction lost, or the change in demand, and any extra transit. */
export function impactText(d: Disruption): string {
  const parts: string[] = [];
  if (d.severity !== undefined) parts.push(`loses ${distributionText(d.severity, pct)}`);
  if (d.change !== undefined) parts.push(`demand changes by ${distributionText(d.change, (x) => `${x > 0 ? '+' : ''}${pct(x)}`)}`);
  if (d.addedTransitMonths !== undefined) parts.push(`adds ${monthsText(d.addedTransitMonths)} of transit`);
  return parts.join('; ') || '–';
}

/** A disruption's duration and recovery in months. */
export function durationText(d: Disruption): string {
  const recovery = d.recoveryMonths ? `, then ${monthsText(d.recoveryMonths)} of recovery` : '';
  return `${monthsText(d.duration)}${recovery}`;
}

const list = (ids: string[]) => ids.join(', ');
const months = (m: number | undefined, what: string) => (m ? `, ${what} ${monthsText(m)}` : '');

/** One lever in a sentence: "stockpile at maker-gb: 3 months of demand, refilled 20 a month". */
export function leverText(lever: Lever, unit: string, currency = 'USD'): string {
  if ('stockpile' in lever) {
    const s = lever.stockpile;
    const where = s.nodes ? list(s.nodes) : s.stage ? `every ${s.stage} node` : 'every maker';
    const size = [s.units !== undefined && `${num(s.units)} ${unit}`, s.months !== undefined && `${num(s.months)} months of supply`].filter(Boolean).join(' or ');
    const refill = s.refillPerMonth !== undefined ? `, refilled up to ${num(s.refillPerMonth)} ${unit} a month` : '';
    const holding = s.holdingCostPerUnitYear !== undefined ? `, holding cost ${currency} ${num(s.holdingCostPerUnitYear)} per ${unit} a year` : '';
    return `Stockpile at ${where}: ${size || 'size not set'}${refill}${holding}`;
  }
  if ('diversify' in lever) {
    const d = lever.diversify;
    const from = d.fromNode ? `from ${d.fromNode}` : d.fromCountry ? `from ${d.fromCountry}` : 'from its sources';
    return `Diversify ${d.node}: move ${pct(d.fraction)} of its supply ${from} to ${list(d.to)}${months(d.qualificationMonths, 'qualification')}${months(d.transitMonths, 'transit')}${d.route ? `, via ${d.route}` : ''}`;
  }
  if ('flexibility' in lever) {
    const f = lever.flexibility;
    return `Flexible sourcing at ${f.stage}: up to ${pct(f.fraction)} of an unmet supply asked of other sources${months(f.delayMonths, 'after')}`;
  }
  if ('recycling' in lever) {
    const r = lever.recycling;
    return `Recycling into ${list(r.nodes)}: ${distributionText(r.rate, pct)} of what makers deliver${months(r.lagMonths, 'lag')}${months(r.rampMonths, 'ramp-up')}`;
  }
  if ('substitution' in lever) {
    const s = lever.substitution;
    return `Substitution at ${list(s.nodes)}: up to ${pct(s.fraction)} of demand substituted${months(s.delayMonths, 'after shortfall lasts')}`;
  }
  const c = lever.newCapacity;
  const nodes = c.nodes.map((n) => `${n.name ?? n.id} (${n.stage}, ${n.country}, ${num(n.capacity)} ${unit}/year)`).join(', ');
  return `New capacity: ${nodes}, commissioned after ${monthsText(c.commissioningMonths)}`;
}
