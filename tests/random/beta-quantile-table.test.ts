/** The tabulated beta quantile against stdlib's own, over beta-PERT's parameters and the whole of [0, 1]. */
import { describe, expect, it } from 'vitest';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { betaQuantileFast } from '../../src/random/beta-quantile-table.ts';

describe('tabulated beta quantile', () => {
  it('agrees with stdlib within 1e-11 for beta-PERT shapes (alpha, beta in [1, 5]), at the ends too', () => {
    const shapes: [number, number][] = [[1, 1], [1, 5], [5, 1], [2.2, 3.7], [1.4, 4.6], [3, 3], [1.0001, 4.9999], [4.2, 1.8], [1.8, 3.2]];
    const us: number[] = [0, 0.5, 1 - 2 ** -53];
    for (let i = 1; i < 4000; i++) us.push(i / 4000);
    for (let e = 1; e <= 15; e++) us.push(10 ** -e, 1 - 10 ** -e, 0.5 - 10 ** -e, 0.5 + 10 ** -e);
    for (const [a, b] of shapes) {
      let worst = 0;
      for (const u of us) worst = Math.max(worst, Math.abs(betaQuantileFast(u, a, b) - betaQuantile(u, a, b)));
      expect(worst, `beta(${a}, ${b})`).toBeLessThan(1e-11);
    }
  });

  it('is monotone in u', () => {
    let last = -1;
    for (let i = 0; i <= 20000; i++) {
      const x = betaQuantileFast(i / 20000, 2.6, 1.9);
      expect(x).toBeGreaterThanOrEqual(last);
      last = x;
    }
  });
});
