/** The only import of seedrandom: every random draw of a run comes from a generator made here. */
import seedrandom from 'seedrandom';

/** A source of uniforms in [0, 1). */
export type Rng = () => number;

/** A generator seeded with a string, e.g. `42:17:disruptions` (model.md section 5); seedrandom's default ARC4. */
export const createRng = (seed: string): Rng => seedrandom(seed) as Rng;

/** The seed strings of trial i's streams (model.md section 5). */
export const streamSeed = {
  disruptions: (seed: string | number, trial: number) => `${seed}:${trial}:disruptions`,
  world: (seed: string | number, trial: number) => `${seed}:${trial}:world`,
  lever: (seed: string | number, trial: number, lever: number) => `${seed}:${trial}:levers:${lever}`,
};
