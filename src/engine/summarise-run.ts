/** From the merged partial of a whole run to the result object of model.md section 7. */
import type { Scenario } from '../model/schema.ts';
import { scenarioHash } from '../model/scenario-hash.ts';
import { bandsFromBins } from '../stats/bands.ts';
import { dependence } from '../stats/dependence.ts';
import { frontierFlags } from '../stats/frontier.ts';
import { stageIndicators } from '../stats/indicators.ts';
import { pairedComparison } from '../stats/paired.ts';
import { mean, meanWithCiFromSums, summarise } from '../stats/summary.ts';
import { binnedQuantile } from '../stats/binned-quantile.ts';
import { summariseTtr } from '../stats/time-to-recover.ts';
import type { CompiledRun } from './compile-run.ts';
import { nominalNetwork } from './nominal-network.ts';
import { histogramEdges, histogramCounts } from '../stats/histogram.ts';
import { exactValue } from '../stats/exact-sum.ts';
import { flowSeries } from '../stats/flow-bands.ts';
import { LEDGER_ACCOUNTS, type Ledger } from './result.ts';
import { MAKER_PCT_BINS, type Attribution, type MakerMetrics, type MakerPartial, type PartialResult, type RunResult, type StrategyPartial, type StrategyResult } from './result.ts';
import type { CompiledModel } from './compiled-model.ts';

/** Builds the run result; `merged` covers every trial (mergePartials). */
export function summariseRun(scenario: Scenario, run: CompiledRun, merged: PartialResult): RunResult {
  const base = run.models[0];
  const pct = merged.strategies.map((s) => s.outcomes.shortfallPct);
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
        substituted: exactValue(s.substituted) / o.shortfall.length,
        byMaker: makerMetrics(model, s.makers, o.shortfall.length),
      },
      bands: { fulfilment: bandsFromBins(s.bins, model.periods, run.trials) },
      shortfallHistogram: histogramCounts(o.shortfall, edges),
      attribution: attribution(s, run),
      ledger: Object.fromEntries(LEDGER_ACCOUNTS.map((a) => [a, exactValue(s.ledger[a]) / run.trials])) as Ledger,
      ...(s.flowBins && model.flowPlan ? { flows: flowSeries(model.flowPlan, s.flowBins, model.periods, run.trials) } : {}),
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

/**
 * Each maker's own shortfall from its exact sums and bins: mean units, mean % of its own demand with its
 * 95% interval (sd from the exact sums of % and %^2), P95 to 0.01 of a point (the lower edge of its bin)
 * and P(any).
 */
function makerMetrics(model: CompiledModel, makers: MakerPartial, n: number): Record<string, MakerMetrics> {
  const out: Record<string, MakerMetrics> = {};
  model.makers.forEach((node, k) => {
    const { mean: m, ci95 } = meanWithCiFromSums(exactValue(makers.pct[k]), exactValue(makers.pctSquares[k]), n);
    out[model.nodeIds[node]] = {
      name: model.nodeNames[node],
      country: model.nodeCountry[node],
      shortfall: exactValue(makers.shortfall[k]) / n,
      shortfallPct: { mean: m, ci95, p95: binnedQuantile(makers.pctBins.subarray(k * MAKER_PCT_BINS, (k + 1) * MAKER_PCT_BINS), n, 0.95) / 100 },
      probShortfall: makers.short[k] / n,
    };
  });
  return out;
}
