import { describe, expect, it } from 'vitest';
import { frontierFlags } from '../../src/stats/frontier.ts';

describe('frontierFlags', () => {
  it('keeps points no other point dominates, ties included', () => {
    const points = [
      { cost: 10, shortfall: 5 }, // tied with the next: neither dominates the other
      { cost: 10, shortfall: 5 },
      { cost: 10, shortfall: 6 }, // same cost, more shortfall
      { cost: 5, shortfall: 8 },
      { cost: 20, shortfall: 5 }, // same shortfall, more cost
      { cost: 30, shortfall: 1 },
      { cost: 31, shortfall: 2 }, // worse on both
    ];
    expect(frontierFlags(points)).toEqual([true, true, false, true, false, true, false]);
  });

  it('puts a single point on the frontier', () => {
    expect(frontierFlags([{ cost: 1, shortfall: 1 }])).toEqual([true]);
    expect(frontierFlags([])).toEqual([]);
  });
});
