import { describe, expect, it } from 'vitest';
import { kernelMemory } from '../../src/engine/kernels.ts';
import { exp, log } from '../../src/random/portable-math.ts';
import { normalQuantile } from '../../src/random/normal-quantile.ts';
import { DistKind, quantilesInPlace, type CompiledDist } from '../../src/random/distributions.ts';
import { BETA_TABLE_NUMBERS, betaQuantileFast, betaQuantilesInPlace, writeBetaTable } from '../../src/random/beta-quantile-table.ts';
import seedrandom from 'seedrandom';

// The kernels' exp, log and normal quantile must give the JavaScript's bits (the engine's numbers may not
// depend on which of the two computed a draw): compared exactly, on random inputs over every range the
// engine meets and on the edge cases.
const { kernels, buffer } = kernelMemory(8 * 4096);
const row = new Float64Array(buffer, 0, 4096);
const rng = seedrandom('kernels-math');
const mismatches = (f: (x: number) => number, g: (x: number) => number, inputs: number[]) =>
  inputs.filter((x) => !Object.is(f(x), g(x))).slice(0, 5).map((x) => ({ x, wasm: f(x), js: g(x) }));
const edges = [0, -0, 1, -1, Infinity, -Infinity, NaN, Number.MIN_VALUE, Number.MAX_VALUE, 2 ** -1022, 2 ** -1074 * 3, 0.5, 2, 1 - 2 ** -53, 1 + 2 ** -52];

describe('the kernels\' math, bit for bit', () => {
  it('exp: 300,000 inputs over (-750, 715), near 0 and near the over- and underflow bounds', () => {
    const inputs = [...edges, 709.782712893384, 709.78271289338397, -745.1332191019411, -745.13321910194122, -708.4, -708.39641853226408, -720, -744.9, 2 ** -28, -(2 ** -28), 2 ** -29];
    for (let i = 0; i < 100_000; i++) inputs.push(-750 + 1465 * rng(), (rng() - 0.5) * 40, (rng() - 0.5) * 2 ** -20);
    expect(mismatches(kernels.exp, exp, inputs)).toEqual([]);
  });

  it('log: 300,000 inputs over (0, 1), across every exponent and among subnormals', () => {
    const inputs = [...edges, -2, 1 + 2 ** -20, 1 - 2 ** -20];
    for (let i = 0; i < 100_000; i++) inputs.push(rng(), rng() * 2 ** Math.floor(rng() * 2098 - 1074), rng() * 2 ** -1022);
    expect(mismatches(kernels.ln, log, inputs)).toEqual([]);
  });

  it('the normal quantile: 200,000 uniforms, the tails and the ends', () => {
    const inputs = [...edges.filter((x) => x >= 0 && x <= 1), 0.075, 0.925, 0.0749999, 0.925001, 1e-300, 1 - 1e-16, 1e-20];
    for (let i = 0; i < 100_000; i++) inputs.push(rng(), rng() * 1e-6);
    expect(mismatches(kernels.normalQuantile, normalQuantile, inputs)).toEqual([]);
  });

  // The two-lane forms, on rows of the memory: pairs of a lane in range and a lane out of it (or central
  // and tail) take the lane-by-lane path, pairs of two in range the vector one; both must give exp's bits.
  const rowMismatches = (inputs: number[], run: (n: number) => void, js: (x: number) => number) => {
    const bad: { x: number; wasm: number; js: number }[] = [];
    for (let from = 0; from < inputs.length; from += row.length) {
      const part = inputs.slice(from, from + row.length);
      row.set(part);
      run(part.length);
      part.forEach((x, i) => { if (!Object.is(row[i], js(x)) && bad.length < 5) bad.push({ x, wasm: row[i], js: js(x) }); });
    }
    return bad;
  };

  it('exp over lane pairs: 200,000 inputs, in range, out of range and mixed in a pair', () => {
    const inputs = [...edges, 709, 709.5, -708, -708.5, 2 ** -28, -(2 ** -28), 2 ** -29, 1e-300];
    for (let i = 0; i < 100_000; i++) inputs.push((rng() - 0.5) * 60, rng() < 0.01 ? -750 + 1465 * rng() : (rng() - 0.5) * 2 ** -25);
    if (inputs.length % 2) inputs.push(0.25);
    expect(rowMismatches(inputs, (n) => kernels.expRow(0, n), exp)).toEqual([]);
  });

  it('normal and lognormal noise over lane pairs: the JavaScript quantiles\' bits', () => {
    const inputs: number[] = [0, 1, 0.5, 0.075, 0.925, 1e-300];
    for (let i = 0; i < 100_000; i++) inputs.push(rng());
    if (inputs.length % 2) inputs.push(0.3);
    for (const [kind, p] of [[DistKind.Normal, [1, 0.05]], [DistKind.Lognormal, [-0.02, 0.06]], [DistKind.Lognormal, [3.2, 0.9]]] as const) {
      const dist: CompiledDist = { kind, p: [...p] };
      const js = (u: number) => { const v = Float64Array.of(u); quantilesInPlace(dist, v, 1); return v[0]; };
      expect(rowMismatches(inputs, (n) => kernels.normalQuantiles(0, p[0], p[1], kind === DistKind.Lognormal, n), js)).toEqual([]);
    }
  });

  it('beta-PERT noise from the table in memory: betaQuantilesInPlace\'s bits, end intervals left to stdlib', () => {
    // The table after the row of uniforms, the flags after the table.
    const n = 2048;
    const tableAt = n;
    const flagsAt = n + BETA_TABLE_NUMBERS;
    const flags = new Float64Array(buffer, 8 * flagsAt, n);
    for (const [lo, hi, alpha, beta] of [[0.9, 1.1, 3, 3], [24, 60, 2.333, 3.667], [1, 8, 1.571, 5.429]]) {
      const t = writeBetaTable(alpha, beta, new Float64Array(buffer, 8 * tableAt, BETA_TABLE_NUMBERS));
      const us = Array.from({ length: n }, (_, i) => (i < 8 ? [0, 0.5, 1e-9, 1 - 1e-12, 0.25, 0.75, 1e-4, 1 - 1e-4][i] : rng()));
      row.set(us);
      const anyEnd = kernels.pertQuantiles(0, tableAt, t.invAlpha, t.invBeta, t.stepLower, t.stepUpper, lo, hi, flagsAt, n);
      const expected = Float64Array.from(us);
      betaQuantilesInPlace(expected, n, alpha, beta, lo, hi);
      const got = Array.from(row.subarray(0, n), (v, i) => (flags[i] === 1 ? lo + (hi - lo) * betaQuantileFast(v, alpha, beta) : v));
      expect(anyEnd).toBe(1);
      expect(got.filter((v, i) => !Object.is(v, expected[i])).length).toBe(0);
      expect(flags.filter((f) => f === 1).length).toBeLessThan(20);
    }
  });
});
