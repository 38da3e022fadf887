/**
 * Dependence (model.md section 5): for each maker country and for `all` makers, the share of
 * their supply at each stage from each country, traced upstream through the nominal mixes.
 *
 * Choices where model.md is silent:
 * - Groups: `all` first, then each maker country in alphabetical order; stages extraction,
 *   processing, manufacturing. No makers: no groups ({}).
 * - Weights: a maker's weight in its group is its planned demand in period 0 over the group's
 *   total; makers missing from `plannedDemand0` count as 0. A group whose total is 0 (or not
 *   finite) weights its makers equally.
 * - Manufacturing: the makers' own countries. Processing: the countries of the makers' direct
 *   sources, by share. Extraction: each source's share is traced upstream, divided by the
 *   yield of every processing node it passes (a missing yield is 1), down to extraction and
 *   exploration nodes, which count under extraction with their country (exploration projects
 *   at their nominal share, whatever their success probability). Chains of processing nodes are
 *   followed too, although section 1 does not allow them.
 * - Amounts are aggregated over the group's makers first and then normalised to sum to 1 at
 *   each stage, so the extraction shares are shares of the material mined for the group.
 * - Material that cannot be traced (a node without sources, an unknown id) is left out before
 *   normalising; a stage where nothing is traced has no shares and no over65.
 * - Countries with a zero share are omitted; shares and over65 are in alphabetical order.
 * - over65: share strictly above 0.65, other than the group's own country (any country for `all`).
 */
import type { DependenceCell } from '../engine/result.ts';
import type { ScenarioNode } from '../model/schema.ts';

export const DEPENDENCE_STAGES = ['extraction', 'processing', 'manufacturing'] as const;
export type DependenceStage = (typeof DEPENDENCE_STAGES)[number];

/** The group of all makers. */
export const ALL_MAKERS = 'all';

/** The EU Critical Raw Materials Act benchmark: at most 65% from any single third country. */
export const CRMA_CAP = 0.65;

/** The fields of a scenario node the tracing reads. */
export type DependenceNode = Pick<ScenarioNode, 'id' | 'stage' | 'country' | 'yield' | 'sources'>;

type Amounts = Map<string, number>;

const add = (m: Amounts, country: string, x: number): void => {
  m.set(country, (m.get(country) ?? 0) + x);
};

/** Adds `amount` of node `id`'s output to `acc` by country of the mine or project it comes from. */
function traceToExtraction(
  byId: ReadonlyMap<string, DependenceNode>,
  id: string,
  amount: number,
  acc: Amounts,
  path: Set<string>,
): void {
  const node = byId.get(id);
  if (!node) return;
  if (node.stage === 'extraction' || node.stage === 'exploration') {
    add(acc, node.country, amount);
    return;
  }
  if (path.has(id)) throw new Error(`dependence: sourcing cycle through ${id}`);
  path.add(id);
  const perOutput = amount / (node.yield ?? 1);
  for (const s of node.sources ?? []) traceToExtraction(byId, s.from, perOutput * s.share, acc, path);
  path.delete(id);
}

/** A maker's supply per unit of its output, by stage and country. */
function makerProfile(byId: ReadonlyMap<string, DependenceNode>, maker: DependenceNode): Record<DependenceStage, Amounts> {
  const processing: Amounts = new Map();
  const extraction: Amounts = new Map();
  for (const s of maker.sources ?? []) {
    const source = byId.get(s.from);
    if (source) add(processing, source.country, s.share);
  }
  traceToExtraction(byId, maker.id, 1, extraction, new Set());
  return { extraction, processing, manufacturing: new Map([[maker.country, 1]]) };
}

function cell(amounts: Amounts, ownCountry: string | null): DependenceCell {
  let total = 0;
  for (const x of amounts.values()) total += x;
  const shares: Record<string, number> = {};
  const over65: string[] = [];
  if (!(total > 0)) return { shares, over65 };
  for (const c of [...amounts.keys()].sort()) {
    const share = amounts.get(c)! / total;
    if (!(share > 0)) continue;
    shares[c] = share;
    if (share > CRMA_CAP && c !== ownCountry) over65.push(c);
  }
  return { shares, over65 };
}

function groupCells(
  makers: readonly DependenceNode[],
  profiles: ReadonlyMap<string, Record<DependenceStage, Amounts>>,
  plannedDemand0: Readonly<Record<string, number>>,
  ownCountry: string | null,
): Record<DependenceStage, DependenceCell> {
  const demand = makers.map((m) => plannedDemand0[m.id] ?? 0);
  let total = 0;
  for (const d of demand) total += d;
  const weights = total > 0 && Number.isFinite(total) ? demand.map((d) => d / total) : makers.map(() => 1 / makers.length);
  const out = {} as Record<DependenceStage, DependenceCell>;
  for (const stage of DEPENDENCE_STAGES) {
    const amounts: Amounts = new Map();
    makers.forEach((m, i) => {
      if (!(weights[i] > 0)) return;
      for (const [c, x] of profiles.get(m.id)![stage]) add(amounts, c, weights[i] * x);
    });
    out[stage] = cell(amounts, ownCountry);
  }
  return out;
}

/** Dependence cells by group (`all`, then each maker country) and stage, weighted by planned demand in period 0. */
export function dependence(
  nodes: readonly DependenceNode[],
  plannedDemand0: Readonly<Record<string, number>>,
): Record<string, Record<DependenceStage, DependenceCell>> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const makers = nodes.filter((n) => n.stage === 'manufacturing');
  if (makers.length === 0) return {};
  const profiles = new Map(makers.map((m) => [m.id, makerProfile(byId, m)]));
  const result: Record<string, Record<DependenceStage, DependenceCell>> = {
    [ALL_MAKERS]: groupCells(makers, profiles, plannedDemand0, null),
  };
  for (const country of [...new Set(makers.map((m) => m.country))].sort()) {
    result[country] = groupCells(
      makers.filter((m) => m.country === country),
      profiles,
      plannedDemand0,
      country,
    );
  }
  return result;
}
