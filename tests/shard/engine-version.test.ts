/**
 * The engine's version in a partial result's identity means something only if it changes when the
 * numbers do: this fingerprints every number and array of a small run of the example scenario and of
 * gallium (levers of every kind, attribution, a demand expression where the scenario has one), and
 * holds the fingerprint recorded for the current ENGINE_NUMBERS. A change to the engine that changes
 * any of them, or the partial result's shape, fails here until ENGINE_NUMBERS is bumped and its
 * fingerprint recorded: then partials of the old engine are refused by a merge instead of mixed in.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compileRun } from '../../src/engine/compile-run.ts';
import { simulateChunk } from '../../src/engine/simulate-chunk.ts';
import { parseScenarioTextAsync } from '../../src/model/validate.ts';
import { ENGINE_NUMBERS, engineVersion } from '../../src/shard/engine-version.ts';
import { flattenTree } from '../../src/shard/value-tree.ts';
import { version } from '../../package.json';

/** The fingerprint of each value of ENGINE_NUMBERS; add a line when you bump it, never edit an old one. */
const RECORDED: Record<number, string> = {
  1: 'ad4e42e739bd38e55d0356eda06b84568cec001391e017c41277f42b271e7a78',
  // beta-PERT through a table of stdlib's quantile; stress cuts' links cuttable in every block
  2: '18f5dc471119c993d45914a1e1874fa5d9ac34479e8cebb0715df56d3501364e',
  // the table read at w = exp(log(u) / alpha) rather than stdlib's pow(u, 1 / alpha)
  3: '925e4d30528d4911b22856bb20f33e73f06d7e5e20c2a4cb3ed664352c117367',
};

/** sha256 of a partial result's skeleton and of the bytes of every number and array in it. */
function fingerprint(value: unknown): string {
  const { skeleton, leaves } = flattenTree(value);
  const hash = createHash('sha256').update(JSON.stringify(skeleton));
  for (const leaf of leaves) hash.update(`${leaf.path} ${leaf.type}\n`).update(new Uint8Array(leaf.values.buffer, leaf.values.byteOffset, leaf.values.byteLength));
  return hash.digest('hex');
}

describe('the engine version', () => {
  it('is the package version with the engine numbers counter', () => {
    expect(engineVersion()).toBe(`${version}+numbers.${ENGINE_NUMBERS}`);
  });

  it('changes when the numbers do: the fingerprint of a small run is the one recorded for ENGINE_NUMBERS', { timeout: 60_000 }, async () => {
    const parts: unknown[] = [];
    for (const file of ['../fixtures/example-scenario.json', '../../scenarios/gallium.json']) {
      const validation = await parseScenarioTextAsync(readFileSync(new URL(file, import.meta.url), 'utf8'));
      if (!validation.ok) throw new Error(`${file} is not valid`);
      const run = compileRun(validation.scenario, { trials: 24, seed: 'engine-numbers' });
      parts.push(simulateChunk(run, 0, 24));
    }
    const actual = fingerprint(parts);
    expect(
      actual,
      `the engine's numbers (or its partial result's shape) changed: bump ENGINE_NUMBERS in src/shard/engine-version.ts to ${ENGINE_NUMBERS + 1} and record ${actual} for it here`,
    ).toBe(RECORDED[ENGINE_NUMBERS]);
  });
});
