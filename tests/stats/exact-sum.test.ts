/** The exact accumulator: correctly rounded, and the same whatever the order or the split. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fsum } from 'd3';
import { exactAdd, exactMerge, exactSum, exactTotal, exactValue } from '../../src/stats/exact-sum.ts';

describe('exact sum', () => {
  it('gives the correctly rounded sum where a plain loop does not', () => {
    expect(exactTotal([1e100, 1, -1e100])).toBe(1);
    expect(exactTotal(Array(10).fill(0.1))).toBe(1);
    // Python: math.fsum([1e16, 1., 1e-16]) == 10000000000000002.0 (the tie broken by the tiny part)
    expect(exactTotal([1e16, 1, 1e-16])).toBe(10000000000000002);
    expect(exactTotal([1e16, 1])).toBe(1e16); // a tie rounds to even
    expect(exactTotal([])).toBe(0);
  });

  it('agrees with d3-array\'s fsum on random values with heavy cancellation', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e20, max: 1e20, noNaN: true }), { maxLength: 60 }), (xs) => {
        const withCancellation = [...xs, ...xs.map((x) => -x * 0.999999), 1e-7, 3e15];
        expect(Object.is(exactTotal(withCancellation), fsum(withCancellation) + 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same double for any order and any split merged in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer(),
        (xs, parts, seed) => {
          const whole = exactTotal(xs);
          const shuffled = [...xs].sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13));
          expect(exactTotal(shuffled)).toBe(whole);
          const sums = Array.from({ length: parts }, exactSum);
          shuffled.forEach((x, i) => exactAdd(sums[i % parts], x));
          const merged = exactSum();
          for (const s of sums.reverse()) exactMerge(merged, s);
          expect(exactValue(merged)).toBe(whole);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('canonical form', () => {
  it('is the same data for any order and split, and keeps the value', async () => {
    const { exactCanonical } = await import('../../src/stats/exact-sum.ts');
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { maxLength: 50 }), fc.integer({ min: 1, max: 5 }), (xs, parts) => {
        const whole = exactSum();
        xs.forEach((x) => exactAdd(whole, x));
        const sums = Array.from({ length: parts }, exactSum);
        [...xs].reverse().forEach((x, i) => exactAdd(sums[i % parts], x));
        const merged = exactSum();
        for (const s of sums) exactMerge(merged, s);
        expect(exactCanonical(merged)).toEqual(exactCanonical(whole));
        expect(exactValue(exactCanonical(whole))).toBe(exactValue(whole));
      }),
      { numRuns: 300 },
    );
  });
});
