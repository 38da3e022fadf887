/**
 * An exact, order-independent sum of doubles (Shewchuk's expansion, as in Python's math.fsum and
 * d3-array's Adder): the running total is kept as non-overlapping partials, so it loses nothing, and
 * is rounded once at the end, correctly (ties to even). Any split of the values, added in any order and
 * merged, gives the same final double: this is what lets chunk, worker and shard sums merge bit for bit.
 *
 * Written here rather than taken from d3-array because its Adder can neither expose nor merge its state,
 * which is the whole point of a partial result; tests check it against d3's fsum.
 */

/** The state of a sum: its partials, smallest magnitude first. Plain data, cloneable and mergeable. */
export interface ExactSum {
  partials: number[];
}

/** An empty sum. */
export function exactSum(): ExactSum {
  return { partials: [] };
}

/** Adds x to the sum in place (exactly: nothing is rounded away). Non-finite values poison it as they would a plain sum. */
export function exactAdd(sum: ExactSum, x: number): void {
  const p = sum.partials;
  let i = 0;
  for (let j = 0; j < p.length; j++) {
    const y = p[j];
    const hi = x + y;
    const lo = Math.abs(x) < Math.abs(y) ? x - (hi - y) : y - (hi - x);
    if (lo !== 0) p[i++] = lo;
    x = hi;
  }
  // Written in place: shrinking the array to 0 and pushing would let V8 drop its store and allocate a new
  // one, on every add of a 0 (many ledger accounts are 0 in most trials), and that garbage showed in the profile.
  if (i === p.length) p.push(x);
  else {
    p[i] = x;
    if (p.length !== i + 1) p.length = i + 1;
  }
}

/** Adds every partial of `from` into `into` (exact, so merging in any order gives the same value). */
export function exactMerge(into: ExactSum, from: ExactSum): void {
  for (const x of from.partials) exactAdd(into, x);
}

/** The sum, correctly rounded to the nearest double (ties to even), as Python's fsum rounds it. */
export function exactValue(sum: ExactSum): number {
  const p = sum.partials;
  let n = p.length;
  if (n === 0) return 0;
  let hi = p[--n];
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = p[--n];
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // Half-way case: the rest of the partials say which way to round the tie.
  if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

/**
 * The same sum in a canonical form: its correctly rounded value, then the rounded value of what is left,
 * and so on. Two sums of the same numbers, added in any order or split, have equal canonical partials,
 * so merged partial results compare equal as data, not only in value.
 */
export function exactCanonical(sum: ExactSum): ExactSum {
  const rest: ExactSum = { partials: [...sum.partials] };
  const parts: number[] = [];
  for (;;) {
    const v = exactValue(rest);
    if (v === 0 || !Number.isFinite(v)) {
      if (v !== 0 || parts.length === 0) parts.push(v);
      break;
    }
    parts.push(v);
    exactAdd(rest, -v);
  }
  return { partials: parts.reverse() };
}

/** The exact sum of a list of values, correctly rounded. */
export function exactTotal(values: ArrayLike<number>): number {
  const s = exactSum();
  for (let i = 0; i < values.length; i++) exactAdd(s, values[i]);
  return exactValue(s);
}
