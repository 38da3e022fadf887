/**
 * The benchmark's floor: the least work a trial loop over the same nodes x periods x trials could do, one
 * draw of the engine's own generator and a few arithmetic operations per node-period. The engine's speed
 * over this floor says how much of its time goes to the model rather than to merely visiting every cell.
 */
import { createRng, streamSeed } from '../src/random/rng.ts';

export interface FloorTiming {
  seconds: number;
  nodePeriodsPerSecond: number;
  /** printed so the loop's work cannot be optimised away */
  checksum: number;
}

/** Times the floor loop over `capacity.length` nodes, `periods` periods and `trials` trials, one generator per trial. */
export function timeFloorLoop(capacity: Float64Array, periods: number, trials: number, seed: string | number): FloorTiming {
  const start = performance.now();
  const checksum = floorLoop(capacity, periods, trials, seed);
  const seconds = (performance.now() - start) / 1000;
  return { seconds, nodePeriodsPerSecond: (capacity.length * periods * trials) / seconds, checksum };
}

function floorLoop(capacity: Float64Array, periods: number, trials: number, seed: string | number): number {
  const n = capacity.length;
  const level = new Float64Array(n);
  let checksum = 0;
  for (let i = 0; i < trials; i++) {
    // Seeded like the engine's world stream of trial i, so generator set-up costs the same.
    const rng = createRng(streamSeed.world(seed, i));
    level.fill(0);
    for (let t = 0; t < periods; t++) {
      for (let k = 0; k < n; k++) {
        const next = level[k] + capacity[k] * (rng() - 0.5);
        level[k] = next > 0 ? next : 0;
      }
    }
    for (let k = 0; k < n; k++) checksum += level[k];
  }
  return checksum;
}
