/**
 * seedrandom's alea generator (Baagøe's algorithm, as `seedrandom.alea(seed)` seeds and steps it), with its
 * state in a Float64Array: four numbers (s0, s1, s2, c) a stream, so a block of trials keeps every stream of
 * every trial in one typed array and a draw is a few loads and stores, no closure call. A test checks it
 * against seedrandom's own alea, draw for draw.
 */

/** Values per stream in a state array: s0, s1, s2, c. */
export const ALEA_STRIDE = 4;

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Writes the initial state of `seedrandom.alea(seed)` at `offset` of `state`. */
export function aleaSeed(state: Float64Array, offset: number, seed: string): void {
  // Baagøe's Mash hash, as seedrandom's lib/alea.js runs it: one hash state n over the three ' ' and the
  // seed. Kept in a local, not a closure: a closure's n is boxed on every character, which made seeding
  // each lane of each trial the largest source of garbage in a run.
  let n = 0xefc8249d;
  n = mash(n, ' ');
  let s0 = (n >>> 0) * TWO_POW_MINUS_32;
  n = mash(n, ' ');
  let s1 = (n >>> 0) * TWO_POW_MINUS_32;
  n = mash(n, ' ');
  let s2 = (n >>> 0) * TWO_POW_MINUS_32;
  n = mash(n, seed);
  s0 -= (n >>> 0) * TWO_POW_MINUS_32;
  if (s0 < 0) s0 += 1;
  n = mash(n, seed);
  s1 -= (n >>> 0) * TWO_POW_MINUS_32;
  if (s1 < 0) s1 += 1;
  n = mash(n, seed);
  s2 -= (n >>> 0) * TWO_POW_MINUS_32;
  if (s2 < 0) s2 += 1;
  state[offset] = s0;
  state[offset + 1] = s1;
  state[offset + 2] = s2;
  state[offset + 3] = 1;
}

/** Mash's state after hashing `data` from state n. */
function mash(n: number, data: string): number {
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000;
  }
  return n;
}

/** The next uniform in [0, 1) of the stream at `offset` (advances it). */
export function aleaNext(state: Float64Array, offset: number): number {
  const t = 2091639 * state[offset] + state[offset + 3] * TWO_POW_MINUS_32;
  state[offset] = state[offset + 1];
  state[offset + 1] = state[offset + 2];
  const c = t | 0;
  state[offset + 3] = c;
  return (state[offset + 2] = t - c);
}
