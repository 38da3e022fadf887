/**
 * The tornado's figures from a merged sensitivity partial: for each input, the change in mean shortfall
 * between its low and high settings (paired trial by trial, with its 95% interval), each setting against
 * the scenario as it is, and the change in P95 with a paired bootstrap interval; ranked by the size of the
 * swing. Each input's figures depend on its own runs and a bootstrap seeded by the run's seed alone, so
 * the inputs may be planned and simulated in any order and give the same numbers.
 */
import type { Scenario } from '../model/schema.ts';
import { scenarioHash } from '../model/scenario-hash.ts';
import { createRng } from '../random/rng.ts';
import { pairedQuantileDifferenceCi } from '../stats/bootstrap.ts';
import { quantileSorted } from '../stats/quantile.ts';
import { meanWithCi } from '../stats/summary.ts';
import type { SensitivityPartial } from './sensitivity-chunk.ts';
import type { SensitivityPlan } from './sensitivity-plan.ts';
import type { InputSensitivity, SensitivityResult, StrategySensitivity } from './sensitivity-result.ts';
import { compareIds } from './stress-targets.ts';

/** Paired bootstrap resamples for each P95 interval. */
export const BOOTSTRAP_RESAMPLES = 200;

const p95 = (values: Float64Array): number => quantileSorted(Float64Array.from(values).sort(), 0.95);
const change = (a: Float64Array, b: Float64Array) => {
  const m = meanWithCi(Float64Array.from(b, (x, i) => x - a[i]));
  return { mean: m.mean, ci95: m.ci95 };
};

/** The sensitivity result. */
export function summariseSensitivity(scenario: Scenario, plan: SensitivityPlan, merged: SensitivityPartial): SensitivityResult {
  const strategies = [...plan.strategies]
    // the baseline first, then the chosen strategy, whatever the plan's order
    .sort((a, b) => (a.id === 'baseline' ? -1 : b.id === 'baseline' ? 1 : compareIds(a.id, b.id)))
    .map((s): StrategySensitivity => {
      const center = merged.shortfall[s.center];
      const base = meanWithCi(center);
      const inputs = plan.inputs
        .filter((p) => p.strategyId === s.id)
        .map((p): Omit<InputSensitivity, 'rank'> => {
          const lo = merged.shortfall[p.low];
          const hi = merged.shortfall[p.high];
          const { id, name, unit, kind, setting, base: value, low, high } = p.input;
          // the same resamples for every input: a bootstrap stream seeded by the run's seed alone
          const uniform = createRng(`${plan.seed}:sensitivity:bootstrap`);
          const p95Low = p95(lo);
          const p95High = p95(hi);
          return {
            id, name, unit, kind, setting, base: value, low, high,
            atLow: { mean: meanWithCi(lo).mean, p95: p95Low },
            atHigh: { mean: meanWithCi(hi).mean, p95: p95High },
            lowChange: change(center, lo),
            highChange: change(center, hi),
            swing: change(lo, hi),
            p95Swing: { value: p95High - p95Low, ci95: pairedQuantileDifferenceCi(lo, hi, 0.95, BOOTSTRAP_RESAMPLES, uniform) },
          };
        })
        .sort((a, b) => Math.abs(b.swing.mean) - Math.abs(a.swing.mean) || compareIds(a.id, b.id))
        .map((x, i) => ({ rank: i + 1, ...x }));
      return {
        id: s.id,
        name: s.name,
        base: { mean: base.mean, ci95: base.ci95, p95: p95(center) },
        inputs,
        skipped: plan.skipped.filter((x) => x.strategyId === s.id).map(({ id, reason }) => ({ id, reason })).sort((a, b) => compareIds(a.id, b.id)),
      };
    });
  return {
    kind: 'sensitivity',
    scenario: { id: scenario.id, hash: scenarioHash(scenario) },
    trials: plan.trials,
    seed: plan.seed,
    unit: scenario.unit,
    resamples: BOOTSTRAP_RESAMPLES,
    strategies,
  };
}
