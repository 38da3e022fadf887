/** Invariants of the levers and of the later tiers over random scenarios and strategies (fast-check). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileModel } from '../../src/engine/compile.ts';
import { createTrialState } from '../../src/engine/trial-state.ts';
import { createOutcome, createTrace, simulateTrial, type TrialOutcome, type TrialTrace } from '../../src/engine/simulate-trial.ts';
import type { Scenario, Strategy } from '../../src/model/schema.ts';
import { validateScenario } from '../../src/model/validate.ts';
import { randomScenario, randomStrategy } from './random-scenario.ts';

const TRIALS = 4;

/** Runs trials 0..TRIALS-1 of the scenario under the strategy (null: baseline), handing each trial's trace and outcome to `check`. */
function eachTrial(scenario: Scenario, strategy: Strategy | null, seed: number, check: (trace: TrialTrace, out: TrialOutcome, trial: number) => void) {
  const v = validateScenario({ ...scenario, strategies: strategy ? [strategy] : [] });
  if (!v.ok) throw new Error(`generated scenario is invalid: ${JSON.stringify(v.issues)}`);
  const model = compileModel(scenario, strategy);
  const state = createTrialState(model);
  for (let trial = 0; trial < TRIALS; trial++) {
    const trace = createTrace(model);
    const out = createOutcome();
    simulateTrial(model, state, { seed, trial, trace }, out);
    check(trace, out, trial);
  }
  return model;
}

const scenarios = fc.integer().map((seed) => ({ seed, scenario: randomScenario(seed, { projects: true }) }));

describe('levers and tiers over random scenarios', () => {
  it('a lever sized to do nothing leaves every trial\'s material outcomes identical to the baseline\'s', () => {
    fc.assert(
      fc.property(scenarios, ({ seed, scenario }) => {
        const base: { trace: TrialTrace; out: TrialOutcome }[] = [];
        eachTrial(scenario, null, seed, (trace, out) => base.push({ trace, out: structuredClone(out) }));
        eachTrial(scenario, randomStrategy(seed, scenario, true), seed, (trace, out, trial) => {
          const b = base[trial];
          expect(out.shortfall).toBe(b.out.shortfall);
          expect(out.demand).toBe(b.out.demand);
          expect(out.ledger).toEqual(b.out.ledger);
          for (const key of ['shipped', 'makerDelivered', 'makerShortfall', 'inventory', 'linkCarried'] as const) {
            expect(Array.from(trace[key])).toEqual(Array.from(b.trace[key]));
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('a cut link never carries more in a period, over all tiers, than a_l(t) x its unscaled tier-1 ask', () => {
    fc.assert(
      fc.property(scenarios, ({ seed, scenario }) => {
        const strategy = randomStrategy(seed, scenario);
        const model = compileModel(scenario, strategy);
        const H = model.periods;
        eachTrial(scenario, strategy, seed, (trace) => {
          for (let i = 0; i < trace.linkCarried.length; i++) {
            const a = trace.linkAvailability[i];
            if (a === 1) continue;
            const allowed = a * trace.linkAsk[i];
            if (trace.linkCarried[i] > allowed * (1 + 1e-9) + 1e-9) {
              throw new Error(`link ${Math.floor(i / H)} in period ${i % H}: carried ${trace.linkCarried[i]} > a_l ${a} x ask ${trace.linkAsk[i]}`);
            }
          }
        });
      }),
      { numRuns: 80 },
    );
  });

  it('no inventory or stockpile ever goes below 0, and the balance closes to 1e-9 of the throughput in every trial', () => {
    fc.assert(
      fc.property(scenarios, fc.boolean(), ({ seed, scenario }, withLevers) => {
        eachTrial(scenario, withLevers ? randomStrategy(seed, scenario) : null, seed, (trace, out) => {
          for (const key of ['inventory', 'stock'] as const) {
            const low = trace[key].findIndex((x) => !(x >= 0));
            if (low >= 0) throw new Error(`${key} is ${trace[key][low]} at index ${low}`);
          }
          const l = out.ledger;
          const inflow = l.extracted + l.recycled + l.opening + l.inTransitStart;
          const outflow = l.delivered + l.closing + l.inTransitEnd + l.yieldLoss + l.excess;
          expect(Math.abs(inflow - outflow)).toBeLessThanOrEqual(1e-9 * Math.max(1, inflow));
          expect(l.excess).toBeGreaterThanOrEqual(0);
        });
      }),
      { numRuns: 120 },
    );
  });
});
