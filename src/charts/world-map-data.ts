/** What the world map draws from its data: the stage, each country's share of it, the flows that cross a border, and a country's figures. */
import type { ChainStage, CountryFlow, WorldMapData } from './data-types.ts';
import { countryLabel } from './country-names.ts';
import { formatShare, withUnit } from './format.ts';

export interface CountryShare {
  country: string;
  /** units per year */
  capacity: number;
  /** fraction 0..1 of the stage's capacity */
  share: number;
}

/** The stage asked for if the data has it, else the most concentrated one (highest HHI of capacity), else null. */
export function pickStage(data: WorldMapData, stage?: ChainStage): ChainStage | null {
  if (stage && data.stages.some((s) => s.stage === stage)) return stage;
  let best: { stage: ChainStage; hhi: number } | null = null;
  for (const s of data.stages) {
    const hhi = countryShares(data, s.stage).reduce((sum, c) => sum + c.share * c.share, 0);
    if (!best || hhi > best.hhi) best = { stage: s.stage, hhi };
  }
  return best?.stage ?? null;
}

/** Each country's share of the stage's capacity, largest first; countries without capacity are left out. */
export function countryShares(data: WorldMapData, stage: ChainStage | null): CountryShare[] {
  const countries = data.stages.find((s) => s.stage === stage)?.countries ?? [];
  const byCountry = new Map<string, number>();
  for (const c of countries) byCountry.set(c.country, (byCountry.get(c.country) ?? 0) + c.capacity);
  const total = [...byCountry.values()].reduce((a, b) => a + b, 0);
  if (total <= 0) return [];
  return [...byCountry]
    .filter(([, capacity]) => capacity > 0)
    .map(([country, capacity]) => ({ country, capacity, share: capacity / total }))
    .sort((a, b) => b.share - a.share || a.country.localeCompare(b.country));
}

/** The flows the map draws as arcs: across a border and above zero, one per country pair, route and stage. */
export function drawnFlows(data: WorldMapData): CountryFlow[] {
  const byKey = new Map<string, CountryFlow>();
  for (const f of data.flows) {
    if (f.from === f.to || !(f.value > 0)) continue;
    const key = [f.from, f.to, f.route ?? '', f.stage ?? ''].join('|');
    const seen = byKey.get(key);
    if (seen) seen.value += f.value;
    else byKey.set(key, { ...f });
  }
  return [...byKey.values()];
}

/** A country's figures for its hover: share and capacity at the stage, what it ships and receives, what hits it. */
export function countryText(data: WorldMapData, stage: ChainStage | null, code: string): string {
  const share = countryShares(data, stage).find((s) => s.country === code);
  const lines = [countryLabel(code)];
  if (stage) lines.push(share ? `${formatShare(share.share)} of ${stage} capacity (${withUnit(share.capacity, data.unit)} a year)` : `no ${stage} capacity`);
  const out = data.flows.filter((f) => f.from === code && f.to !== code).reduce((a, f) => a + f.value, 0);
  const into = data.flows.filter((f) => f.to === code && f.from !== code).reduce((a, f) => a + f.value, 0);
  const home = data.flows.filter((f) => f.from === code && f.to === code).reduce((a, f) => a + f.value, 0);
  if (out > 0) lines.push(`ships ${withUnit(out, data.unit)} a year abroad`);
  if (into > 0) lines.push(`receives ${withUnit(into, data.unit)} a year from abroad`);
  if (home > 0) lines.push(`${withUnit(home, data.unit)} a year within the country`);
  const hits = data.targets.filter((t) => t.countries.includes(code));
  if (hits.length > 0) lines.push(`disruptions: ${hits.map((t) => (t.kind === 'demand' ? `${t.name} (demand)` : t.name)).join('; ')}`);
  return lines.join('\n');
}
