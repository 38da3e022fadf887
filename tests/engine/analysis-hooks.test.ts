/** What analyses need of the engine: a stress cut in a lane, a pinned draw that still takes its uniform, per-maker series. */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/compile.ts';
import { createBlock, keepMakerSeries } from '../../src/engine/block.ts';
import { setLane, simulateBlock } from '../../src/engine/simulate-block.ts';
import { compileDist, pinDist, quantile } from '../../src/random/distributions.ts';
import { createRng, streamSeed } from '../../src/random/rng.ts';
import { createOutcome, laneOutcome, simulateTrial } from '../../src/engine/simulate-trial.ts';
import { createTrialState } from '../../src/engine/trial-state.ts';
import { singleChain } from './builders.ts';

const D = 100;

describe('stress cuts', () => {
  it('cut a node at severity 1 for D periods from a start drawn on the stress stream, the same for every target', () => {
    const s = singleChain({ horizonMonths: 24 });
    const model = compileModel(s, null, { stress: { targets: [{ node: 'mine' }, { node: 'ref' }, { country: 'GB' }], months: 3 } });
    const block = createBlock(model, 8);
    keepMakerSeries(block);
    block.seed = 'stress';
    block.n = 4;
    for (let b = 0; b < 4; b++) setLane(block, b, 5, { stress: b - 1 });
    simulateBlock(block);
    const span = 24 - 3 + 1;
    const start = Math.floor(createRng(streamSeed.stress('stress', 5))() * span);
    const out = createOutcome();
    laneOutcome(block, 0, out);
    expect(out.shortfall).toBe(0);
    for (let b = 1; b < 4; b++) {
      expect(block.laneStressStart[b]).toBe(start);
      laneOutcome(block, b, out);
      // capacity = demand and no inventory: each target's cut loses exactly D a period for 3 periods
      expect(out.shortfall).toBeCloseTo(3 * D, 9);
      for (let t = 0; t < 24; t++) {
        const delivered = block.makerDeliveredSeries[(b * block.M + 0) * block.H + t];
        expect(delivered).toBeCloseTo(t >= start && t < start + 3 ? 0 : D, 9);
      }
    }
  });
});

describe('pinned draws', () => {
  it('return their value and take the uniform the original would, so no other draw moves', () => {
    const d = compileDist({ uniform: [2, 8] });
    const pinned = pinDist(d, quantile(d, 0.9));
    expect(quantile(pinned, 0.1)).toBeCloseTo(7.4, 12);
    const s = singleChain({ horizonMonths: 24, disruptions: [{ id: 'o', target: { node: 'mine' }, ratePerYear: 3, duration: { uniform: [1, 4] }, severity: { uniform: [0.2, 1] } }] });
    s.nodes[2].demandNoise = { normal: [1, 0.1] };
    const model = compileModel(s, null);
    const state = createTrialState(model);
    const base = createOutcome();
    simulateTrial(model, state, { seed: 2, trial: 1 }, base);
    const starts = [...state.events[0].start.subarray(0, state.events[0].count)];
    // the severity pinned at its P90 for every event: the same events start when they did
    model.disruptions[0].magnitude = pinDist(model.disruptions[0].magnitude, 0.92);
    const pinnedRun = createOutcome();
    simulateTrial(model, state, { seed: 2, trial: 1 }, pinnedRun);
    expect([...state.events[0].start.subarray(0, state.events[0].count)]).toEqual(starts);
    expect([...state.events[0].magnitude.subarray(0, state.events[0].count)].every((m) => m === 0.92)).toBe(true);
    expect(pinnedRun.demand).toBe(base.demand);
  });
});
