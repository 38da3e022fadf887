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

/** new where the mask is set, old elsewhere (bit for bit: a lane left alone keeps even the sign of a zero). */
@inline export function pick(mask: v128, next: v128, old: v128): v128 {
  return v128.bitselect(next, old, mask);
}
