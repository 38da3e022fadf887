/** Invariants of the engine over random valid scenarios (fast-check). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileModel } from '../../src/engine/compile.ts';
import { createTrialState } from '../../src/engine/trial-state.ts';
import { createOutcome, createTrace, simulateTrial } from '../../src/engine/simulate-trial.ts';
import { validateScenario } from '../../src/model/validate.ts';
import { randomScenario } from './random-scenario.ts';

const TOL = 1e-9;

function runTrials(seed: number, options: Parameters<typeof randomScenario>[1], trials: number, check: (ctx: ReturnType<typeof context>, trial: number) => void) {
  const scenario = randomScenario(seed, options);
  const v = validateScenario(scenario);
  if (!v.ok) throw new Error(`generated scenario is invalid: ${JSON.stringify(v.issues)}`);
  const ctx = context(scenario);
  for (let trial = 0; trial < trials; trial++) {
    simulateTrial(ctx.model, ctx.state, { seed, trial, trace: ctx.trace }, ctx.out);
    check(ctx, trial);
  }
}

function context(scenario: ReturnType<typeof randomScenario>) {
  const model = compileModel(scenario);
  return { scenario, model, state: createTrialState(model), trace: createTrace(model), out: createOutcome() };
}

describe('engine invariants over random scenarios', () => {
  it('fulfilment stays in 0..1, shortfall is never negative, no node ships more than it may', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        runTrials(seed, { projects: true }, 5, ({ model, state, trace, out }) => {
          const H = model.periods;
          expect(out.shortfall).toBeGreaterThanOrEqual(0);
          for (let t = 0; t < H; t++) {
            expect(state.fulfilment[t]).toBeGreaterThanOrEqual(0);
            expect(state.fulfilment[t]).toBeLessThanOrEqual(1 + TOL);
          }
          for (let i = 0; i < model.nodeIds.length; i++) {
            for (let t = 0; t < H; t++) {
              const cap = trace.capacity[i * H + t];
              expect(trace.shipped[i * H + t]).toBeLessThanOrEqual(cap * (1 + TOL) + TOL);
            }
          }
          model.makers.forEach((_, k) => {
            for (let t = 0; t < H; t++) {
              const d = trace.makerDemand[k * H + t];
              const del = trace.makerDelivered[k * H + t];
              expect(del).toBeGreaterThanOrEqual(0);
              expect(del).toBeLessThanOrEqual(d * (1 + TOL) + TOL);
            }
          });
        });
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the material balance of model.md section 2 in every trial', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        runTrials(seed, { projects: true }, 5, ({ out }) => {
          const l = out.ledger;
          const lhs = l.extracted + l.recycled + l.opening + l.inTransitStart;
          const rhs = l.delivered + l.closing + l.inTransitEnd + l.yieldLoss + l.excess;
          expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(1e-9 * Math.max(1, lhs));
          expect(l.excess).toBeGreaterThanOrEqual(-1e-9 * Math.max(1, lhs));
        });
      }),
      { numRuns: 60 },
    );
  });

  it('an undisrupted, noise-free chain with spare capacity loses nothing', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        runTrials(seed, { quiet: true, spare: true }, 2, ({ out }) => {
          expect(out.shortfall).toBe(0);
        });
      }),
      { numRuns: 60 },
    );
  });
});
