/** From the merged partial of a whole run to the result object of model.md section 7. */
import type { Scenario } from '../model/schema.ts';
import { scenarioHash } from '../model/scenario-hash.ts';
import { bandsFromBins } from '../stats/bands.ts';
import { dependence } from '../stats/dependence.ts';
import { frontierFlags } from '../stats/frontier.ts';
import { stageIndicators } from '../stats/indicators.ts';
import { pairedComparison } from '../stats/paired.ts';
import { mean, meanWithCi, summarise } from '../stats/summary.ts';
import { quantileSorted } from '../stats/quantile.ts';
import { summariseTtr } from '../stats/time-to-recover.ts';
import type { CompiledRun } from './compile-run.ts';
import { nominalNetwork } from './nominal-network.ts';
import { histogramEdges, histogramCounts } from '../stats/histogram.ts';
import { exactValue } from '../stats/exact-sum.ts';
import { LEDGER_ACCOUNTS, type Ledger } from './result.ts';
import type { Attribution, MakerMetrics, PartialResult, RunResult, StrategyPartial, StrategyResult, TrialOutcomes } from './result.ts';
import type { CompiledModel } from './compiled-model.ts';

/** Builds the run result; `merged` covers every trial (mergePartials). */
export function summariseRun(scenario: Scenario, run: CompiledRun, merged: PartialResult): RunResult {
  const base = run.models[0];
  const pct = merged.strategies.map(shortfallPct);
  const edges = histogramEdges(merged.strategies.map((s) => s.outcomes.shortfall));
  const strategies: StrategyResult[] = merged.strategies.map((s, k) => {
    const model = run.models[k];
    const o = s.outcomes;
    let withShortfall = 0;
    for (let i = 0; i < o.shortfall.length; i++) if (o.shortfall[i] > 0) withShortfall++;
    return {
      id: model.strategyId,
      name: model.strategyName,
      metrics: {
        shortfall: summarise(o.shortfall),
        shortfallPct: summarise(pct[k]),
        cost: summarise(o.cost),
        probShortfall: withShortfall / o.shortfall.length,
        worstFulfilment: summarise(o.worstFulfilment),
        ttr: summariseTtr(o.ttr, o.ttrStatus),
        tts: s.tts ?? {},
        substituted: mean(o.substituted),
        byMaker: makerMetrics(model, o),
      },
      bands: { fulfilment: bandsFromBins(s.bins, model.periods, run.trials) },
      shortfallHistogram: histogramCounts(o.shortfall, edges),
      attribution: attribution(s, run),
      ledger: Object.fromEntries(LEDGER_ACCOUNTS.map((a) => [a, exactValue(s.ledger[a]) / run.trials])) as Ledger,
    };
  });
  const frontier = frontierFlags(strategies.map((s) => ({ cost: s.metrics.cost.mean, shortfall: s.metrics.shortfall.mean })));
  const b = merged.strategies[0].outcomes;
  strategies.forEach((st, k) => {
    if (k === 0) return;
    const o = merged.strategies[k].outcomes;
    st.vsBaseline = {
      ...pairedComparison({
        baseShortfall: b.shortfall,
        stratShortfall: o.shortfall,
        baseShortfallPct: pct[0],
        stratShortfallPct: pct[k],
        demand: b.demand,
        baseCostMean: strategies[0].metrics.cost.mean,
        stratCostMean: st.metrics.cost.mean,
      }),
      onFrontier: frontier[k],
    };
  });
  const plannedDemand0: Record<string, number> = {};
  base.makers.forEach((m, k) => (plannedDemand0[base.nodeIds[m]] = base.demandPlan[k * base.planWidth + base.planOffset]));
  return {
    scenario: { id: scenario.id, hash: scenarioHash(scenario) },
    trials: run.trials,
    seed: run.seed,
    periods: base.periods,
    periodsPerYear: base.periodsPerYear,
    unit: scenario.unit,
    currency: scenario.currency ?? 'USD',
    indicators: stageIndicators(scenario.nodes),
    dependence: dependence(scenario.nodes, plannedDemand0),
    strategies,
    shortfallEdges: edges,
    network: nominalNetwork(scenario, base, run.seed),
  };
}

/** Per-trial shortfall as a percentage of that trial's demand (0 when demand is 0). */
function shortfallPct(s: StrategyPartial): Float64Array {
  const { shortfall, demand } = s.outcomes;
  return Float64Array.from(shortfall, (x, i) => (demand[i] > 0 ? (100 * x) / demand[i] : 0));
}

/** Attribution of model.md section 5: parts that add up to the mean shortfall of the attribution trials. */
function attribution(s: StrategyPartial, run: CompiledRun): Attribution {
  const n = s.attribution.none.length;
  if (n === 0) return { trials: 0, structural: 0, interaction: 0, byDisruption: {} };
  const all = mean(s.outcomes.shortfall.subarray(0, n));
  const structural = mean(s.attribution.none);
  const byDisruption: Record<string, number> = {};
  let parts = structural;
  run.disruptionIds.forEach((id, k) => {
    const w = s.attribution.without[k];
    const diff = Float64Array.from(w, (x, i) => s.outcomes.shortfall[i] - x);
    byDisruption[id] = mean(diff);
    parts += byDisruption[id];
  });
  return { trials: n, structural, interaction: all - parts, byDisruption };
}

/** Each maker's own shortfall: mean units, mean % of its own demand per trial with its 95% interval, P95 and P(any). */
function makerMetrics(model: CompiledModel, o: TrialOutcomes): Record<string, MakerMetrics> {
  const M = model.makers.length;
  const n = o.shortfall.length;
  const out: Record<string, MakerMetrics> = {};
  model.makers.forEach((node, k) => {
    const units = new Float64Array(n);
    const pct = new Float64Array(n);
    let short = 0;
    for (let i = 0; i < n; i++) {
      units[i] = o.makerShortfall[i * M + k];
      const d = o.makerDemand[i * M + k];
      pct[i] = d > 0 ? (100 * units[i]) / d : 0;
      if (units[i] > 0) short++;
    }
    const { mean: m, ci95 } = meanWithCi(pct);
    out[model.nodeIds[node]] = {
      name: model.nodeNames[node],
      country: model.nodeCountry[node],
      shortfall: mean(units),
      shortfallPct: { mean: m, ci95, p95: quantileSorted(Float64Array.from(pct).sort(), 0.95) },
      probShortfall: short / n,
    };
  });
  return out;
}
