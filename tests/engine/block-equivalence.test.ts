/**
 * The block engine against the straightforward one-trial-at-a-time implementation it replaced
 * (tests/engine/reference/), trial for trial and bit for bit, over random scenarios and strategies, the
 * example scenario and the benchmark's chain; and a block of many lanes against the same trials one by one.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { compileModel } from '../../src/engine/compile.ts';
import { createBlock } from '../../src/engine/block.ts';
import { setLane, simulateBlock } from '../../src/engine/simulate-block.ts';
import { createOutcome, createTrace, laneOutcome, simulateTrial, type TrialOutcome } from '../../src/engine/simulate-trial.ts';
import { createTrialState } from '../../src/engine/trial-state.ts';
import type { Scenario, Strategy } from '../../src/model/schema.ts';
import { syntheticScenario } from '../../bench/synthetic-scenario.ts';
import * as reference from './reference/reference-trial.ts';
import { createTrialState as createReferenceState } from './reference/reference-state.ts';
import { randomScenario, randomStrategy } from './random-scenario.ts';

const example = JSON.parse(readFileSync(new URL('../fixtures/example-scenario.json', import.meta.url), 'utf8')) as Scenario;

/** Trials 0..trials-1 of the scenario under the strategy, through both engines, compared outcome by outcome and trace by trace. */
function compareWithReference(scenario: Scenario, strategy: Strategy | null, seed: number | string, trials: number, quiet = false) {
  const model = compileModel(scenario, strategy);
  const state = createTrialState(model);
  const refState = createReferenceState(model);
  for (let trial = 0; trial < trials; trial++) {
    const ours = createOutcome();
    const theirs = reference.createOutcome();
    const traceOurs = createTrace(model);
    const traceTheirs = reference.createTrace(model);
    simulateTrial(model, state, { seed, trial, trace: traceOurs, quiet }, ours);
    reference.simulateTrial(model, refState, { seed, trial, trace: traceTheirs, quiet }, theirs);
    expect(ours).toEqual(theirs);
    for (const key of Object.keys(traceTheirs) as (keyof typeof traceTheirs)[]) {
      const a = traceOurs[key];
      const b = traceTheirs[key];
      for (let i = 0; i < b.length; i++) if (!Object.is(a[i], b[i])) throw new Error(`trace ${key}[${i}] of trial ${trial}: ${a[i]} != ${b[i]}`);
    }
    expect(Array.from(state.fulfilment.subarray(0, model.periods))).toEqual(Array.from(refState.fulfilment));
  }
}

describe('the block engine gives the reference engine\'s numbers bit for bit', () => {
  it('over random scenarios, baseline and random strategies', () => {
    fc.assert(
      fc.property(fc.integer(), fc.boolean(), (seed, withLevers) => {
        const scenario = randomScenario(seed, { projects: true });
        compareWithReference(scenario, withLevers ? randomStrategy(seed, scenario) : null, seed, 4);
      }),
      { numRuns: 150 },
    );
  });

  it('on the example scenario (every lever kind) and the benchmark chain, every strategy', () => {
    for (const scenario of [example, syntheticScenario()]) {
      for (const strategy of [null, ...(scenario.strategies ?? [])]) compareWithReference(scenario, strategy, 'blocks', 6);
      compareWithReference(scenario, null, 'quiet', 1, true);
    }
  });
});

describe('a block of lanes', () => {
  it('gives each lane the numbers of its trial alone, masks, quiet lanes and cut links included', () => {
    for (const scenario of [example, syntheticScenario()]) {
      for (const strategy of [null, ...(scenario.strategies ?? [])]) {
        const model = compileModel(scenario, strategy);
        const K = model.disruptionCount;
        const lanes = Array.from({ length: 11 }, (_, b) => ({
          trial: 3 + b * 2,
          quiet: b === 4,
          cutLink: b === 5 ? 0 : -1,
          mask: b >= 6 ? Array.from({ length: K }, (_, k) => (k === b % K ? 1 : 0)) : null,
        }));
        const block = createBlock(model, 16);
        block.seed = 'lanes';
        block.n = lanes.length;
        lanes.forEach((lane, b) => setLane(block, b, lane.trial, lane));
        simulateBlock(block);
        const single = createTrialState(model);
        lanes.forEach((lane, b) => {
          const alone = createOutcome();
          simulateTrial(model, single, { seed: 'lanes', trial: lane.trial, quiet: lane.quiet, cutLink: lane.cutLink, mask: lane.mask ? Uint8Array.from(lane.mask) : null }, alone);
          const inBlock: TrialOutcome = createOutcome();
          laneOutcome(block, b, inBlock);
          expect(inBlock).toEqual(alone);
        });
      }
    }
  });
});
