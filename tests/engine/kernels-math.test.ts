import { describe, expect, it } from 'vitest';
import { kernelMemory } from '../../src/engine/kernels.ts';
import { exp, log } from '../../src/random/portable-math.ts';
import { normalQuantile } from '../../src/random/normal-quantile.ts';
import seedrandom from 'seedrandom';

// The kernels' exp, log and normal quantile must give the JavaScript's bits (the engine's numbers may not
// depend on which of the two computed a draw): compared exactly, on random inputs over every range the
// engine meets and on the edge cases.
const { kernels } = kernelMemory(64);
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
});
