/**
 * The engine's version in a partial result's identity: partials merge only when they were simulated by
 * engines that give the same numbers. The package version alone would let two builds of one version
 * with different numbers merge, so a counter of the engine's numbers travels with it.
 */
import { version } from '../../package.json';

/**
 * Bumped whenever a change anywhere in the engine (src/engine, src/random, src/stats as far as
 * partial results go) changes any number simulated for the same scenario, seed and trials.
 * tests/shard/engine-version.test.ts holds a fingerprint of the numbers recorded with this value and
 * fails, saying so, when the numbers change and it does not.
 */
export const ENGINE_NUMBERS = 3;

/** "<package version>+numbers.<ENGINE_NUMBERS>": what partial results must share to be merged. */
export function engineVersion(): string {
  return `${version}+numbers.${ENGINE_NUMBERS}`;
}
