/**
 * Shards merged by hand, in this process: shards 0/3, 1/3 and 2/3 simulated apart (each on its own
 * chunks), written as partial files, read back and merged in shuffled order give the result of one run,
 * its JSON equal byte for byte; and the merge refuses what does not belong, saying what and where.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRun, type CompiledRun } from '../../src/engine/compile-run.ts';
import { mergePartials } from '../../src/engine/merge.ts';
import { simulateChunk } from '../../src/engine/simulate-chunk.ts';
import { summariseRun } from '../../src/engine/summarise-run.ts';
import { resultJson } from '../../src/cli/write-outputs.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { decodePartialFile, encodePartialFile, type PartialFile } from '../../src/shard/partial-file.ts';
import { mergeRange } from '../../src/shard/range-partial.ts';
import { runIdentity } from '../../src/shard/run-identity.ts';
import { compileIdentity, createRunMerger } from '../../src/shard/run-merger.ts';
import { shardRange } from '../../src/shard/shard-range.ts';
import { simulateRange } from '../../src/shard/simulate-range.ts';
import { createWorkerApi } from '../../workers/worker-api.ts';

const text = readFileSync(new URL('../fixtures/example-scenario.json', import.meta.url), 'utf8');
const example = JSON.parse(text) as Scenario;
const TRIALS = 90;
// Attribution for the first 40 trials only, so that its end falls inside shard 1/3 (trials 30..59).
const run: CompiledRun = { ...compileRun(example, { trials: TRIALS, seed: 'shards' }), attributionTrials: 40 };
const identity = runIdentity(example, run);

/** Shard k of 3 as a partial file, simulated in this thread in chunks of 7 trials. */
async function shardFile(k: number): Promise<Uint8Array> {
  const [from, to] = shardRange(k, 3, TRIALS);
  const part = await simulateRange(run, [createWorkerApi(), createWorkerApi()], from, to, { chunkSize: 7 });
  return encodePartialFile({ identity, range: { from, to }, scenario: text, body: part });
}

const files = await Promise.all([0, 1, 2].map(shardFile));
const decoded = await Promise.all(files.map(decodePartialFile));
const oneRun = resultJson(summariseRun(example, run, mergePartials([simulateChunk(run, 0, TRIALS)], TRIALS, run.attributionTrials)));

describe('shards merged by hand', () => {
  it('give the JSON of one run byte for byte, merged in shuffled order', () => {
    for (const order of [[2, 0, 1], [1, 2, 0], [0, 1, 2]]) {
      const merger = createRunMerger(identity, run);
      for (const k of order) merger.add(decoded[k], `shard ${k}/3`);
      expect(merger.added).toBe(TRIALS);
      expect(resultJson(summariseRun(example, run, merger.result()))).toBe(oneRun);
    }
  });

  it('write the same file however the shard was chunked', async () => {
    const [from, to] = shardRange(1, 3, TRIALS);
    const whole = mergeRange([simulateChunk(run, from, to)], from, to, run.attributionTrials);
    const bytes = await encodePartialFile({ identity, range: { from, to }, scenario: text, body: whole });
    expect(Buffer.from(bytes).equals(Buffer.from(files[1]))).toBe(true);
  });

  it('refuses a partial of another run, a trial added twice, and says which trials are missing', async () => {
    const merger = createRunMerger(identity, run);
    merger.add(decoded[0], 'a.bin');
    const otherSeed: PartialFile = { ...decoded[1], identity: { ...identity, seed: 'other' } };
    expect(() => merger.add(otherSeed, 'b.bin')).toThrow('b.bin is a partial of a different run: seed "other", not "shards"');
    expect(() => merger.add(decoded[0], 'a-again.bin')).toThrow('a-again.bin: partial results overlap: trials 0..29 are in two of them');
    merger.add(decoded[2], 'c.bin');
    expect(() => merger.result()).toThrow('partial results do not cover the run: trials 30..59 are missing');
  });

  it('refuses a body that does not fit its run, naming the field', () => {
    const merger = createRunMerger(identity, run);
    const body = structuredClone(decoded[1].body) as { strategies: { outcomes: { cost: Float64Array }; bins: Int32Array; tts?: unknown }[] };
    body.strategies[2].outcomes.cost = body.strategies[2].outcomes.cost.subarray(1);
    expect(() => merger.add({ ...decoded[1], body }, 'x.bin')).toThrow('x.bin: its partial result does not fit the run: strategies/2/outcomes/cost must be a Float64Array of 30');
    const bins = structuredClone(decoded[0].body) as typeof body;
    bins.strategies[0].bins = new Int32Array(5);
    expect(() => merger.add({ ...decoded[0], body: bins }, 'y.bin')).toThrow(/strategies\/0\/bins must be a Int32Array of \d+/);
    const tts = structuredClone(decoded[2].body) as typeof body;
    tts.strategies[0].tts = { maker: 1 };
    expect(() => merger.add({ ...decoded[2], body: tts }, 'z.bin')).toThrow('strategies/0/tts must be only in the partial holding trial 0');
  });

  it('give the JSON of a run with flow series (--flows, or a replay), flows included, and its identity says so', async () => {
    const flowsRun = compileRun(example, { trials: 40, seed: 'flows', flows: true });
    const flowsIdentity = runIdentity(example, flowsRun);
    expect(flowsIdentity.flows).toBe(true);
    expect(runIdentity(example, compileRun(example, { trials: 40, seed: 'flows' })).flows).toBe(false);
    const one = resultJson(summariseRun(example, flowsRun, mergePartials([simulateChunk(flowsRun, 0, 40)], 40, flowsRun.attributionTrials)));
    expect(JSON.parse(one).strategies[0].flows.length).toBeGreaterThan(0);
    const files = await Promise.all([1, 0].map(async (k) => {
      const [from, to] = shardRange(k, 2, 40);
      const body = await simulateRange(flowsRun, [createWorkerApi()], from, to, { chunkSize: 9 });
      return decodePartialFile(await encodePartialFile({ identity: flowsIdentity, range: { from, to }, scenario: text, body }));
    }));
    const again = compileIdentity(example, flowsIdentity);
    const merger = createRunMerger(flowsIdentity, again);
    for (const f of files) merger.add(f, `trials ${f.range.from}`);
    expect(resultJson(summariseRun(example, again, merger.result()))).toBe(one);
    // A partial without flow series does not fit a run with them.
    const { flowBins: _, ...withoutFlows } = (files[0].body as { strategies: Record<string, unknown>[] }).strategies[0];
    const body = { ...(files[0].body as object), strategies: [withoutFlows, ...(files[0].body as { strategies: unknown[] }).strategies.slice(1)] };
    expect(() => createRunMerger(flowsIdentity, again).add({ ...files[0], body }, 'x.bin')).toThrow(/strategies\/0\/flowBins must be a Int32Array of \d+/);
  });

  it('compiles the run again from the identity, and refuses one of another engine or kind', () => {
    const full = compileRun(example, { trials: TRIALS, seed: 'shards' });
    const id = runIdentity(example, full);
    expect(compileIdentity(example, id).models.map((m) => m.strategyId)).toEqual(id.strategies);
    expect(() => compileIdentity(example, { ...id, engine: '0.0.1+numbers.9' })).toThrow(/simulated by engine 0.0.1\+numbers.9, and this is engine .*: merge them with the version that made them/);
    expect(() => compileIdentity(example, { ...id, kind: 'stress' })).toThrow('they are partials of a "stress", which this command does not merge');
    expect(() => compileIdentity(example, { ...id, scenarioHash: 'f'.repeat(64) })).toThrow(/their identity does not describe a run of their scenario \(scenarioHash/);
  });
});
