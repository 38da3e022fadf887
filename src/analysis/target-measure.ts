/**
 * The optimiser's per-trial measure: the chain's shortfall (units or % of demand, as the result has it)
 * or one country's makers pooled. A country's shortfall % in a trial is 100 x the sum of its makers'
 * units short / the sum of their demand in that trial: each maker's % weighted by its demand, the
 * maker-country view of byMaker (for a country with one maker, exactly that maker's % of byMaker).
 */
import type { CompiledModel } from '../engine/compiled-model.ts';
import type { StrategyPartial } from '../engine/result.ts';
import type { OptimiseTarget } from '../model/schema.ts';

/** Maker positions (in model.makers) of the target's country; null for the chain. */
export function targetMakers(target: OptimiseTarget, model: CompiledModel): number[] | null {
  if (target.of === undefined || target.of === 'chain') return null;
  const country = target.of.country;
  const out: number[] = [];
  model.makers.forEach((node, k) => {
    if (model.nodeCountry[node] === country) out.push(k);
  });
  return out;
}

/** The measure of each trial of one strategy's partial, in trial order. */
export function trialMeasure(target: OptimiseTarget, model: CompiledModel, part: StrategyPartial): Float64Array {
  const pct = (target.measure ?? 'shortfallPct') === 'shortfallPct';
  const makers = targetMakers(target, model);
  if (makers === null) return Float64Array.from(pct ? part.outcomes.shortfallPct : part.outcomes.shortfall);
  const trials = part.makerTrials;
  if (!trials) throw new Error('a country target needs the per-trial maker outcomes: compile the run with makerTrials');
  const M = model.makers.length;
  const n = part.outcomes.shortfall.length;
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let units = 0;
    let demand = 0;
    for (const k of makers) {
      units += trials.shortfall[r * M + k];
      demand += trials.demand[r * M + k];
    }
    out[r] = pct ? (demand > 0 ? (100 * units) / demand : 0) : units;
  }
  return out;
}
