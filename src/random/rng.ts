/**
 * Every random draw of a run comes from a stream made here: seedrandom's alea (model.md section 5), through
 * the typed-array port in alea.ts, which a test holds to seedrandom's own, draw for draw.
 */
import { aleaNext, aleaSeed } from './alea.ts';

/** A source of uniforms in [0, 1). */
export type Rng = () => number;

/** The stream `seedrandom.alea(seed)` as a function, for draws outside the block loop (and for tests). */
export function createRng(seed: string): Rng {
  const state = new Float64Array(4);
  aleaSeed(state, 0, seed);
  return () => aleaNext(state, 0);
}

/** The seed strings of trial i's streams (model.md section 5). */
export const streamSeed = {
  disruptions: (seed: string | number, trial: number) => `${seed}:${trial}:disruptions`,
  world: (seed: string | number, trial: number) => `${seed}:${trial}:world`,
  lever: (seed: string | number, trial: number, lever: number) => `${seed}:${trial}:levers:${lever}`,
  /** a stress test's start of its cut, shared by every target (issue 12) */
  stress: (seed: string | number, trial: number) => `${seed}:${trial}:stress`,
};
