/**
 * From a run's result and its scenario to the data of every chart. The one place that knows
 * both sides: the app, the report and the command line all call it, and the charts stay free of
 * engine types.
 */
import type { RunResult, StrategyResult } from '../engine/result.ts';
import type { Scenario } from '../model/schema.ts';
import { CRMA_CAP } from '../stats/dependence.ts';
import { frontierFlags } from '../stats/frontier.ts';
import { disruptionWindows } from './disruption-windows.ts';
import { replayData } from './replay-data.ts';
import type {
  AttributionData,
  AttributionPart,
  ChainStage,
  ChartDataMap,
  ComparisonData,
  ComparisonPoint,
  DependenceBar,
  FulfilmentData,
  ShortfallData,
  StageConcentration,
  ValueChainData,
  ValueChainNode,
  WorldMapData,
} from '../charts/data-types.ts';

export { disruptionWindows } from './disruption-windows.ts';

const CHAIN_STAGES: ChainStage[] = ['extraction', 'processing', 'manufacturing'];
const ALL_GROUP = 'all';

/** The data of every chart for one run of one scenario. */
export function chartData(result: RunResult, scenario: Scenario): ChartDataMap {
  return {
    valueChain: valueChainData(result),
    worldMap: worldMapData(result, scenario),
    fulfilment: fulfilmentData(result, scenario),
    shortfall: shortfallData(result),
    comparison: comparisonData(result),
    attribution: attributionData(result, scenario),
    replay: replayData(result, scenario),
  };
}

/** The baseline network's first-year flows, each column's concentration and the makers' dependence. */
export function valueChainData(result: RunResult): ValueChainData {
  const outflow = new Map<string, number>();
  for (const l of result.network.links) outflow.set(l.source, (outflow.get(l.source) ?? 0) + l.value);
  // an exploration project that ships nothing in the first year is not yet part of the chain
  const nodes: ValueChainNode[] = result.network.nodes
    .filter((n) => n.stage !== 'exploration' || (outflow.get(n.id) ?? 0) > 0)
    .map((n) => ({ id: n.id, name: n.name, stage: n.stage as ValueChainNode['stage'], country: n.country, capacity: n.capacity }));
  const kept = new Set(nodes.map((n) => n.id));
  return {
    unit: result.unit,
    nodes,
    links: result.network.links.filter((l) => kept.has(l.source) && kept.has(l.target)).map((l) => ({ ...l })),
    stages: stageConcentrations(result),
    dependence: dependenceBars(result),
    benchmark: CRMA_CAP,
  };
}

function stageConcentrations(result: RunResult): StageConcentration[] {
  return CHAIN_STAGES.filter((stage) => result.indicators[stage]).map((stage) => {
    const { hhi, topCountry, topShare } = result.indicators[stage];
    return { stage, hhi, topCountry, topShare };
  });
}

/** Per maker group and stage, the largest share from one country other than the group's own (any for 'all'). */
function dependenceBars(result: RunResult): DependenceBar[] {
  const bars: DependenceBar[] = [];
  const groups = Object.keys(result.dependence).sort((a, b) => (a === ALL_GROUP ? -1 : b === ALL_GROUP ? 1 : a.localeCompare(b)));
  for (const group of groups) {
    for (const stage of CHAIN_STAGES) {
      const cell = result.dependence[group][stage];
      if (!cell) continue;
      let top: { country: string; share: number } | null = null;
      for (const [country, share] of Object.entries(cell.shares)) {
        if (group !== ALL_GROUP && country === group) continue;
        if (!top || share > top.share) top = { country, share };
      }
      if (top) bars.push({ group, stage, ...top });
    }
  }
  return bars;
}

/**
 * The world map's data: capacity by country at each chain stage (exploration projects that ship in the
 * first year count as extraction, as in the value chain), the first-year flows of the baseline summed
 * country to country (by route and by the stage they leave), and what each disruption hits.
 */
export function worldMapData(result: RunResult, scenario: Scenario): WorldMapData {
  const outflow = new Map<string, number>();
  for (const l of result.network.links) outflow.set(l.source, (outflow.get(l.source) ?? 0) + l.value);
  const nodes = new Map(result.network.nodes.map((n) => [n.id, n]));
  const columnOf = (stage: string, id: string): ChainStage | null =>
    stage === 'exploration' ? ((outflow.get(id) ?? 0) > 0 ? 'extraction' : null) : (stage as ChainStage);
  const stages = CHAIN_STAGES.map((stage) => {
    const byCountry = new Map<string, number>();
    for (const n of result.network.nodes) if (columnOf(n.stage, n.id) === stage) byCountry.set(n.country, (byCountry.get(n.country) ?? 0) + n.capacity);
    return { stage, countries: [...byCountry].map(([country, capacity]) => ({ country, capacity })) };
  }).filter((s) => s.countries.length > 0);
  // the route of a link is on its buyer's source entry
  const routeOf = new Map<string, string>();
  for (const n of scenario.nodes) for (const src of n.sources ?? []) if (src.route) routeOf.set(`${src.from}>${n.id}`, src.route);
  const flows = new Map<string, WorldMapData['flows'][number]>();
  for (const l of result.network.links) {
    const [from, to] = [nodes.get(l.source), nodes.get(l.target)];
    if (!from || !to || !(l.value > 0)) continue;
    const route = routeOf.get(`${l.source}>${l.target}`);
    const stage = columnOf(from.stage, from.id) ?? 'extraction';
    const key = [from.country, to.country, route ?? '', stage].join('|');
    const seen = flows.get(key);
    if (seen) seen.value += l.value;
    else flows.set(key, { from: from.country, to: to.country, value: l.value, stage, ...(route ? { route } : {}) });
  }
  return {
    unit: result.unit,
    stages,
    flows: [...flows.values()],
    flowsAre: 'first-year flows of the undisrupted baseline',
    routes: (scenario.routes ?? []).map((r) => ({ id: r.id, name: r.name ?? r.id })),
    targets: mapTargets(scenario),
  };
}

/** Each disruption's target as countries and routes; node targets count as their node's country. */
function mapTargets(scenario: Scenario): WorldMapData['targets'] {
  const countryOf = new Map(scenario.nodes.map((n) => [n.id, n.country]));
  const makers = scenario.nodes.filter((n) => n.stage === 'manufacturing').map((n) => n.id);
  const countriesOf = (ids: string[]) => [...new Set(ids.map((id) => countryOf.get(id)).filter((c): c is string => c !== undefined))];
  return (scenario.disruptions ?? []).map((d) => {
    const t = d.target;
    const base = { id: d.id, name: d.name ?? d.id };
    if ('demand' in t) return { ...base, kind: 'demand' as const, countries: countriesOf(t.nodes ?? makers), routes: [] };
    if ('route' in t) return { ...base, kind: 'supply' as const, countries: [], routes: [t.route] };
    if ('country' in t) return { ...base, kind: 'supply' as const, countries: [t.country], routes: [] };
    return { ...base, kind: 'supply' as const, countries: countriesOf('node' in t ? [t.node] : t.nodes), routes: [] };
  });
}

/** Fulfilment quantiles in percent per period, and the scripted disruptions' windows. */
export function fulfilmentData(result: RunResult, scenario: Scenario): FulfilmentData {
  const periodMonths = 12 / result.periodsPerYear;
  return {
    horizonMonths: result.periods * periodMonths,
    periodMonths,
    strategies: result.strategies.map((s) => ({
      id: s.id,
      name: s.name,
      points: s.bands.fulfilment.map(([p5, p25, p50, p75, p95], t) => ({
        month: t * periodMonths,
        p5: percent(p5),
        p25: percent(p25),
        p50: percent(p50),
        p75: percent(p75),
        p95: percent(p95),
      })),
    })),
    windows: disruptionWindows(scenario),
  };
}

// Band quantiles are whole thousandths; rounding keeps 0.983 as 98.3 rather than 98.29999999999998.
const percent = (f: number): number => Math.round(f * 1e5) / 1e3;


/** Each strategy's histogram of total shortfall per trial over the run's shared edges, with P50, P95 and CVaR 95%. */
export function shortfallData(result: RunResult): ShortfallData {
  return {
    unit: result.unit,
    trials: result.trials,
    edges: [...result.shortfallEdges],
    strategies: result.strategies.map((s) => ({
      id: s.id,
      name: s.name,
      counts: [...s.shortfallHistogram],
      p50: s.metrics.shortfall.p50,
      p95: s.metrics.shortfall.p95,
      cvar95: s.metrics.shortfall.cvar95,
      mean: s.metrics.shortfall.mean,
    })),
  };
}

/** Paired differences with the baseline, and mean cost against shortfall avoided with the frontier. */
export function comparisonData(result: RunResult): ComparisonData {
  const baseline = result.strategies[0];
  const flags = frontierFlags(result.strategies.map((s) => ({ cost: s.metrics.cost.mean, shortfall: s.metrics.shortfall.mean })));
  return {
    unit: result.unit,
    currency: result.currency,
    strategies: result.strategies.map((s, i) => comparisonPoint(s, i === 0, baseline, flags[i])),
  };
}

function comparisonPoint(s: StrategyResult, isBaseline: boolean, baseline: StrategyResult, frontier: boolean): ComparisonPoint {
  const vs = isBaseline ? undefined : s.vsBaseline;
  return {
    id: s.id,
    name: s.name,
    baseline: isBaseline,
    meanCost: s.metrics.cost.mean,
    meanShortfall: s.metrics.shortfall.mean,
    difference: vs ? { mean: vs.shortfall.mean, lo: vs.shortfall.ci95[0], hi: vs.shortfall.ci95[1] } : null,
    avoided: isBaseline ? 0 : baseline.metrics.shortfall.mean - s.metrics.shortfall.mean,
    onFrontier: vs ? vs.onFrontier : frontier,
  };
}

/** Each strategy's mean shortfall split into disruptions (scenario order), the structural part and the interaction. */
export function attributionData(result: RunResult, scenario: Scenario): AttributionData {
  const names = new Map((scenario.disruptions ?? []).map((d) => [d.id, d.name ?? d.id]));
  const order = (scenario.disruptions ?? []).map((d) => d.id);
  return {
    unit: result.unit,
    strategies: result.strategies.map((s) => {
      const by = s.attribution.byDisruption;
      // scenario order first, then any id the scenario does not list (none expected), so nothing is dropped
      const ids = [...order.filter((id) => id in by), ...Object.keys(by).filter((id) => !names.has(id))];
      const parts: AttributionPart[] = [
        ...ids.map((id) => ({ id, name: names.get(id) ?? id, kind: 'disruption' as const, value: by[id] })),
        { id: 'structural', name: 'Structural (no disruptions)', kind: 'structural', value: s.attribution.structural },
        { id: 'interaction', name: 'Interaction between disruptions', kind: 'interaction', value: s.attribution.interaction },
      ];
      return { id: s.id, name: s.name, trials: s.attribution.trials, parts };
    }),
  };
}
