/**
 * What a queue worker does with a shard: compile the job's run (once per run), check that this engine
 * gives the numbers the submitter expects, simulate the shard's trials on the process's worker threads,
 * and leave the partial file in Redis. A shard simulated twice (a retry) gives the same bytes.
 */
import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import { compileRun, type CompiledRun } from '../src/engine/compile-run.ts';
import { parseScenarioTextAsync } from '../src/model/validate.ts';
import { engineVersion } from '../src/shard/engine-version.ts';
import { encodePartialFile } from '../src/shard/partial-file.ts';
import { identityDifferences, runIdentity } from '../src/shard/run-identity.ts';
import { simulateRange } from '../src/shard/simulate-range.ts';
import type { NodePool } from '../workers/node-pool.ts';
import { cancelKey, PARTIAL_TTL_SECONDS, partialKey, type ShardJobData, type ShardJobResult } from './shard-job.ts';

const PROGRESS_EVERY_MS = 500;

export interface ShardProcessorDeps {
  redis: Redis;
  /** the process's worker threads (made again after a thread died) */
  pool: () => NodePool;
  /** forgets a pool whose thread died, so the next shard gets fresh threads */
  discardPool: () => Promise<void>;
  /** "host:pid" */
  name: string;
}

/** The BullMQ processor of shard jobs. */
export function createShardProcessor(deps: ShardProcessorDeps): (job: Job<ShardJobData, ShardJobResult>) => Promise<ShardJobResult> {
  // The last run compiled: the shards of one run usually come one after another.
  let cached: { runId: string; run: CompiledRun } | null = null;

  return async (job) => {
    const started = performance.now();
    const d = job.data;
    if (d.identity.engine !== engineVersion()) {
      throw new UnrecoverableError(`worker ${deps.name} runs engine ${engineVersion()}, and the run needs ${d.identity.engine}: run workers of the submitter's version`);
    }
    if ((await deps.redis.exists(cancelKey(d.runId))) === 1) {
      throw new UnrecoverableError('the submitter gave up on this run');
    }
    if (cached?.runId !== d.runId) cached = { runId: d.runId, run: await compileJobRun(d, deps.name) };
    const run = cached.run;

    let lastReport = 0;
    const onProgress = (done: number, total: number) => {
      const now = performance.now();
      if (now - lastReport < PROGRESS_EVERY_MS && done < total) return;
      lastReport = now;
      // A lost lock (the shard was given to another worker) makes this fail; the simulation goes on regardless.
      job.updateProgress({ done, total }).catch(() => {});
    };
    const pool = deps.pool();
    let part;
    try {
      part = await Promise.race([simulateRange(run, pool.workers, d.from, d.to, { onProgress }), pool.failed]);
    } catch (error) {
      await deps.discardPool();
      throw error;
    }
    const bytes = await encodePartialFile({ identity: d.identity, range: { from: d.from, to: d.to }, scenario: d.scenario, body: part });
    const key = partialKey(d.runId, d.shard);
    await deps.redis.set(key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'EX', PARTIAL_TTL_SECONDS);
    return { key, bytes: bytes.byteLength, worker: deps.name, seconds: (performance.now() - started) / 1000 };
  };
}

/** The job's run, compiled from its scenario and options; a job this worker cannot reproduce fails for good (a retry would fail alike). */
async function compileJobRun(d: ShardJobData, name: string): Promise<CompiledRun> {
  const validation = await parseScenarioTextAsync(d.scenario);
  if (!validation.ok) throw new UnrecoverableError(`worker ${name} finds the job's scenario invalid (${validation.issues.length} problems): is it of another version?`);
  const run = compileRun(validation.scenario, d.options);
  const differences = identityDifferences(d.identity, runIdentity(validation.scenario, run));
  if (differences.length > 0) throw new UnrecoverableError(`worker ${name} compiles another run than the submitter's: ${differences.join('; ')}`);
  return run;
}
