/** Each sampler against its closed-form mean (within 4 standard errors) and, where simple, its quantiles. */
import { describe, expect, it } from 'vitest';
import { compileDist, distMean, poisson, quantile as inverseCdf, sample } from '../../src/random/distributions.ts';
import { createRng } from '../../src/random/rng.ts';
import type { Distribution } from '../../src/model/schema.ts';

const N = 20_000;

function draws(d: Distribution, seed = 'dist'): Float64Array {
  const rng = createRng(seed);
  const c = compileDist(d);
  return Float64Array.from({ length: N }, () => sample(c, rng));
}

function meanSe(x: Float64Array): [number, number] {
  let s = 0;
  for (const v of x) s += v;
  const m = s / x.length;
  let q = 0;
  for (const v of x) q += (v - m) ** 2;
  return [m, Math.sqrt(q / (x.length - 1) / x.length)];
}

const quantile = (x: Float64Array, q: number) => Float64Array.from(x).sort()[Math.floor(q * (x.length - 1))];

describe('distributions', () => {
  const cases: [string, Distribution, number][] = [
    ['uniform', { uniform: [2, 8] }, 5],
    ['triangular', { triangular: [1, 2, 6] }, 3],
    ['pert', { pert: [18, 24, 36] }, (18 + 4 * 24 + 36) / 6],
    ['pert skewed', { pert: [0, 0.1, 1] }, (0 + 0.4 + 1) / 6],
    ['normal', { normal: [1, 0.05] }, 1],
    ['exponential', { exponential: 6 }, 6],
    ['bernoulli', { bernoulli: 0.3 }, 0.3],
    ['discrete', { discrete: [[0.1, 1], [0.3, 3]] }, 0.25],
    ['lognormal', { lognormal: { p5: 2, p95: 12 } }, Math.exp(Math.log(24) / 2 + (Math.log(6) / (2 * 1.6448536269514722)) ** 2 / 2)],
  ];
  for (const [name, d, expected] of cases) {
    it(`${name} has mean ${expected.toFixed(4)} (closed form, and distMean agrees)`, () => {
      const [m, se] = meanSe(draws(d));
      expect(Math.abs(m - expected)).toBeLessThan(4 * se);
      expect(distMean(compileDist(d))).toBeCloseTo(expected, 10);
    });
  }

  it('lognormal given as a 90% interval puts 5% below p5 and 5% above p95', () => {
    const x = draws({ lognormal: { p5: 2, p95: 12 } }, 'ln');
    // binomial sd of a 5% share over 20,000 draws is 0.0015; allow 4 of them
    expect(Math.abs(x.filter((v) => v < 2).length / N - 0.05)).toBeLessThan(0.006);
    expect(Math.abs(x.filter((v) => v > 12).length / N - 0.05)).toBeLessThan(0.006);
  });

  it('triangular and PERT stay within their bounds; fixed takes no draw', () => {
    const t = draws({ triangular: [1, 2, 6] });
    expect(Math.min(...t)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...t)).toBeLessThanOrEqual(6);
    const rng = createRng('fixed');
    const before = createRng('fixed')();
    expect(sample(compileDist({ fixed: 3 }), rng)).toBe(3);
    expect(sample(compileDist(4), rng)).toBe(4);
    expect(rng()).toBe(before);
    expect(quantile(t, 0.5)).toBeGreaterThan(1);
  });

  it('every kind but fixed takes exactly one uniform, whatever its parameters (inverse CDF)', () => {
    const kinds: Distribution[] = [
      ...cases.map(([, d]) => d),
      { pert: [0, 0.99, 1] }, { pert: [5, 5, 50] }, { normal: [0, 1e6] }, { lognormal: { p5: 1e-6, p95: 1e6 } },
      { exponential: 1e-9 }, { discrete: [[1, 0], [2, 0], [3, 1]] }, { triangular: [0, 0, 1] },
    ];
    for (const d of kinds) {
      const c = compileDist(d);
      for (let trial = 0; trial < 50; trial++) {
        const rng = createRng(`count:${trial}`);
        const next = createRng(`count:${trial}`);
        const u = next();
        expect(sample(c, rng)).toBe(inverseCdf(c, u));
        expect(rng()).toBe(next());
      }
    }
  });

  it('beta-PERT puts its mode where it should: P(X <= mode) from the beta CDF, 0 and 1 at the ends', () => {
    const c = compileDist({ pert: [10, 20, 60] });
    expect(inverseCdf(c, 0)).toBe(10);
    expect(inverseCdf(c, 1 - 2 ** -53)).toBeLessThanOrEqual(60);
    const x = draws({ pert: [10, 20, 60] }, 'mode');
    // alpha = 1 + 4 x 10/50 = 1.8, beta = 3.2: the mode of Beta(1.8, 3.2) is 0.8/3 = 0.2667 -> 23.3
    const below = x.filter((v) => v <= 23.333333).length / N;
    expect(below).toBeGreaterThan(0.3);
    expect(below).toBeLessThan(0.5);
  });

  it('the same stream gives the same value', () => {
    for (const [, d] of cases) expect(draws(d, 'again')).toEqual(draws(d, 'again'));
  });

  it('poisson has mean lambda and takes exactly one uniform per draw', () => {
    for (const lambda of [0.01, 0.5, 3]) {
      const rng = createRng(`p${lambda}`);
      const x = Float64Array.from({ length: N }, () => poisson(rng, lambda));
      const [m, se] = meanSe(x);
      expect(Math.abs(m - lambda)).toBeLessThan(4 * Math.max(se, Math.sqrt(lambda / N)));
      const a = createRng('one');
      const b = createRng('one');
      poisson(a, lambda);
      b();
      expect(a()).toBe(b());
    }
  });
});
