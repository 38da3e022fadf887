/** The typed-array alea port against seedrandom's own alea, draw for draw (model.md section 5). */
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { ALEA_STRIDE, aleaNext, aleaSeed } from '../../src/random/alea.ts';
import { createRng, streamSeed } from '../../src/random/rng.ts';

describe('alea', () => {
  it('gives seedrandom.alea\'s uniforms bit for bit, for the engine\'s seed strings and odd ones', () => {
    const seeds = [
      streamSeed.world(1, 0), streamSeed.disruptions('scenario seed', 123456), streamSeed.lever(-7.5, 99, 3),
      '', ' ', 'ünïcødé ∑ 🚢', 'a'.repeat(500),
    ];
    for (const seed of seeds) {
      const reference = seedrandom.alea(seed);
      const ours = createRng(seed);
      for (let i = 0; i < 5000; i++) expect(ours()).toBe(reference());
    }
  });

  it('keeps many streams side by side in one array without them touching', () => {
    const lanes = 5;
    const state = new Float64Array(lanes * ALEA_STRIDE);
    for (let b = 0; b < lanes; b++) aleaSeed(state, b * ALEA_STRIDE, streamSeed.world(2, b));
    const references = Array.from({ length: lanes }, (_, b) => seedrandom.alea(streamSeed.world(2, b)));
    for (let i = 0; i < 1000; i++) {
      for (let b = lanes - 1; b >= 0; b--) expect(aleaNext(state, b * ALEA_STRIDE)).toBe(references[b]());
    }
  });
});
