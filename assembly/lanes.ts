// Loads and stores of the block's heap, addressed as the engine addresses it: by element index (8 bytes
// an element) from the start of the memory, lanes in pairs. Lane pairs are safe because a block's lane
// stride B is even (block.ts), so the pair past an odd n stays in the same row and only touches a lane
// that nothing reads.

/** Two lanes of the heap from element index i. */
@inline export function get2(i: i32): v128 {
  return v128.load(<usize>i << 3);
}

/** Writes two lanes of the heap at element index i. */
@inline export function set2(i: i32, v: v128): void {
  v128.store(<usize>i << 3, v);
}

/** The engine's EPS (src/engine/block.ts): a need or a miss at most this is none. */
export const EPS: f64 = 1e-12;

/** Adds v to two lanes of the heap at element index i. */
@inline export function addTo(i: i32, v: v128): void {
  v128.store(<usize>i << 3, f64x2.add(v128.load(<usize>i << 3), v));
}

/** Adds v to the lanes of the two at element index i where the mask is set (the others keep their bits). */
@inline export function addWhere(i: i32, mask: v128, v: v128): void {
  const old = v128.load(<usize>i << 3);
  v128.store(<usize>i << 3, v128.bitselect(f64x2.add(old, v), old, mask));
}

/** Writes x to two lanes at sc where it is above EPS, 0 elsewhere; whether a lane of the first n (pairs from b) is above. */
@inline export function keepAboveEps(sc: i32, x: v128, b: i32, n: i32): bool {
  const m = f64x2.gt(x, f64x2.splat(EPS));
  v128.store(<usize>sc << 3, v128.bitselect(x, f64x2.splat(0), m));
  return anyIn(m, b, n);
}

/** new where the mask is set, old elsewhere (bit for bit: a lane left alone keeps even the sign of a zero). */
@inline export function pick(mask: v128, next: v128, old: v128): v128 {
  return v128.bitselect(next, old, mask);
}

/** Whether a lane of the first n (pairs from b) is set in the mask; the pair past an odd n counts its first lane only. */
@inline export function anyIn(mask: v128, b: i32, n: i32): bool {
  return v128.any_true(b + 1 == n ? v128.and(mask, i64x2(-1, 0)) : mask);
}

/** A mask of the two lanes whose Int32 count (element index i of the memory, 4 bytes an element) is 0. */
@inline export function intZero2(i: i32): v128 {
  return i64x2.extend_low_i32x4_s(i32x4.eq(v128.load64_zero(<usize>i << 2), i32x4.splat(0)));
}

/** A mask of the two lanes whose Int32 (element index i of the memory) is at most t. */
@inline export function intAtMost2(i: i32, t: i32): v128 {
  return i64x2.extend_low_i32x4_s(i32x4.le_s(v128.load64_zero(<usize>i << 2), i32x4.splat(t)));
}
