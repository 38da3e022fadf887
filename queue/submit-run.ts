/**
 * The submitter's side of a distributed run: one job per shard on the queue, progress summed over the
 * workers, each shard's partial result fetched from Redis (and deleted there) as soon as it is done and
 * added to the run's merge, so Redis holds only the partials not yet fetched. A worker that dies leaves
 * its shard locked until the lock lapses; any other worker's stall check then puts it back in the
 * queue, and its retry gives the same numbers. Gives up, saying which shards were not done, at the
 * timeout or when a shard has failed for good.
 */
import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { CommandFailure } from '../src/cli/run-command.ts';
import type { CompiledRun } from '../src/engine/compile-run.ts';
import type { PartialResult } from '../src/engine/result.ts';
import { decodePartialFile, PartialFileError } from '../src/shard/partial-file.ts';
import { identityDifferences, type RunIdentity } from '../src/shard/run-identity.ts';
import { createRunMerger } from '../src/shard/run-merger.ts';
import { shardRange, trialsText } from '../src/shard/shard-range.ts';
import { bullConnection, shownUrl } from './redis-connection.ts';
import { cancelKey, PARTIAL_TTL_SECONDS, QUEUE_NAME, SHARD_ATTEMPTS, shardJobId, shardName, type ShardJobData, type ShardJobResult } from './shard-job.ts';

/** How long the submitter waits for a first shard to start before saying that no worker is there. */
const NO_WORKER_NOTICE_MS = 10_000;

export interface SubmitPlan {
  url: string;
  /** our own connection, for the partial results */
  redis: Redis;
  scenarioText: string;
  run: CompiledRun;
  identity: RunIdentity;
  options: ShardJobData['options'];
  shards: number;
  timeoutMs: number;
  onProgress: (done: number, total: number) => void;
  /** a line for the user (stderr) */
  log: (line: string) => void;
}

type ShardJob = Job<ShardJobData, ShardJobResult>;

/** Runs the plan's shards on the queue's workers and returns the merged partial result of the whole run. */
export async function submitRun(plan: SubmitPlan): Promise<PartialResult> {
  const { run, shards: n, redis, log } = plan;
  const runId = randomUUID().replaceAll('-', '').slice(0, 16);
  const connection = bullConnection(plan.url);
  const queue = new Queue<ShardJobData, ShardJobResult>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  // Each shard's wait listens for the queue closing: one listener a shard, not a leak.
  queue.setMaxListeners(n + 10);
  const ranges = Array.from({ length: n }, (_, k) => shardRange(k, n, run.trials));
  const shardOf = new Map(ranges.map((_, k) => [shardJobId(runId, k), k]));
  const name = (k: number) => `${shardName(k, n)} (${trialsText(...ranges[k])})`;
  const progress = createShardProgress(ranges, plan.onProgress);
  const merger = createRunMerger(plan.identity, run);
  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let notice: NodeJS.Timeout | undefined;
  let interrupt: (() => void) | undefined;
  let jobs: ShardJob[] = [];

  try {
    await events.waitUntilReady();
    events.on('active', ({ jobId }) => {
      if (shardOf.has(jobId)) started = true;
    });
    events.on('progress', ({ jobId, data }) => {
      const k = shardOf.get(jobId);
      const p = data as { done?: unknown; total?: unknown };
      if (k !== undefined && typeof p?.done === 'number' && typeof p.total === 'number') progress.set(k, p.total > 0 ? p.done / p.total : 1);
    });
    events.on('stalled', ({ jobId }) => {
      const k = shardOf.get(jobId);
      if (k === undefined) return;
      progress.set(k, 0);
      log(`${name(k)}: its worker stopped renewing its lock (it died or hung); the shard is back in the queue`);
    });
    // A retry after an error, like a stalled shard put back, shows as 'waiting' after 'active'; only
    // a retry counts an attempt, and the job then says why the attempt failed.
    const attemptsSeen = new Int32Array(n);
    events.on('waiting', ({ jobId, prev }) => {
      const k = shardOf.get(jobId);
      if (k === undefined || prev !== 'active') return;
      queue.getJob(jobId).then((job) => {
        if (job === undefined || job.attemptsMade <= attemptsSeen[k]) return;
        attemptsSeen[k] = job.attemptsMade;
        progress.set(k, 0);
        log(`${name(k)}: attempt ${job.attemptsMade} of ${SHARD_ATTEMPTS} failed on ${job.processedBy ?? 'a worker'} (${job.failedReason || 'no reason given'}); retrying`);
      }, () => {});
    });

    const stop = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimedOut()), plan.timeoutMs);
      // Ctrl-C takes the run's shards off the queue rather than leaving workers to simulate them for nobody.
      interrupt = () => reject(new Interrupted());
      process.once('SIGINT', interrupt);
      process.once('SIGTERM', interrupt);
    });
    // Raced below, once the jobs are in; until then a signal must not count as an unhandled rejection.
    stop.catch(() => {});
    jobs = await queue.addBulk(
      ranges.map(([from, to], k) => ({
        name: 'shard',
        data: { runId, shard: k, shards: n, from, to, scenario: plan.scenarioText, options: plan.options, identity: plan.identity },
        // Completed jobs are removed by the submitter once their partial is read; failed ones stay a day for a look.
        opts: { jobId: shardJobId(runId, k), attempts: SHARD_ATTEMPTS, removeOnComplete: false, removeOnFail: { age: PARTIAL_TTL_SECONDS } },
      })),
    );
    notice = setTimeout(() => {
      if (!started) noWorkerNotice(queue, plan).then(log, () => {});
    }, NO_WORKER_NOTICE_MS);

    const collected = jobs.map(async (job, k) => {
      let result: ShardJobResult;
      try {
        result = await job.waitUntilFinished(events);
      } catch (error) {
        throw new CommandFailure(`${name(k)} failed: ${(error as Error).message.split('\n')[0]}`);
      }
      await addShard(k, result);
      await job.remove().catch(() => {});
      progress.set(k, 1);
      log(`${name(k)}: done by ${result.worker} in ${result.seconds.toFixed(1)} s`);
    });
    // The first failure decides; the others must not surface later as unhandled rejections.
    for (const c of collected) c.catch(() => {});
    try {
      await Promise.race([Promise.all(collected), stop]);
    } catch (error) {
      const missing = await giveUp(queue, jobs, runId, plan, progress);
      const list = missing.map((m) => `  ${m}\n`).join('');
      if (error instanceof TimedOut) {
        throw new CommandFailure(`the run timed out after ${plan.timeoutMs / 1000} s with ${missing.length} of ${n} shards not done:\n${list}${await workersLine(queue, plan)}; raise --timeout for a longer run`);
      }
      if (error instanceof Interrupted) throw new CommandFailure(`interrupted with ${missing.length} of ${n} shards not done; those waiting were taken off the queue:\n${list}`.trimEnd());
      throw error;
    }
    return merger.result();
  } finally {
    clearTimeout(timer);
    clearTimeout(notice);
    if (interrupt) {
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
    }
    await events.close().catch(() => {});
    await queue.close().catch(() => {});
  }

  /** Reads shard k's partial from Redis, checks it and adds it to the run's merge; deletes it from Redis. */
  async function addShard(k: number, result: ShardJobResult): Promise<void> {
    const bytes = await redis.getBuffer(result.key);
    if (bytes === null) {
      throw new CommandFailure(`${name(k)}: its partial result is no longer in Redis (key ${result.key}): did the server evict it (maxmemory) or restart without persistence? Submit the run again`);
    }
    try {
      const file = await decodePartialFile(bytes);
      // Which run first, then which trials: a partial of another run is that, whatever its range.
      const differences = identityDifferences(plan.identity, file.identity);
      if (differences.length > 0) throw new Error(`${shardName(k, n)} is a partial of a different run: ${differences.join('; ')}`);
      const [from, to] = ranges[k];
      if (file.range.from !== from || file.range.to !== to) throw new Error(`it holds ${trialsText(file.range.from, file.range.to)}`);
      merger.add(file, shardName(k, n));
    } catch (error) {
      const reason = error instanceof PartialFileError ? error.message : (error as Error).message;
      throw new CommandFailure(`${name(k)}: the partial result ${result.worker} stored cannot be merged: ${reason}`);
    } finally {
      await redis.del(result.key).catch(() => {});
    }
  }
}

class TimedOut extends Error {}
class Interrupted extends Error {}

/** Progress in trials over every shard: each shard's fraction done times its trials, reported when it grows or restarts. */
function createShardProgress(ranges: [number, number][], onProgress: (done: number, total: number) => void) {
  const fraction = new Float64Array(ranges.length);
  const total = ranges.reduce((s, [from, to]) => s + to - from, 0);
  return {
    set(k: number, f: number): void {
      fraction[k] = Math.min(1, Math.max(0, f));
      let done = 0;
      ranges.forEach(([from, to], i) => (done += Math.floor(fraction[i] * (to - from))));
      onProgress(done, total);
    },
    /** "40% done" of shard k */
    of: (k: number): string => `${Math.round(fraction[k] * 100)}% done`,
  };
}

/**
 * After a timeout or a failed shard: tells workers to skip the run's remaining shards, removes those
 * still waiting, and says where each unfinished shard was.
 */
async function giveUp(queue: Queue<ShardJobData, ShardJobResult>, jobs: ShardJob[], runId: string, plan: SubmitPlan, progress: ReturnType<typeof createShardProgress>): Promise<string[]> {
  await plan.redis.set(cancelKey(runId), '1', 'EX', PARTIAL_TTL_SECONDS).catch(() => {});
  const missing: string[] = [];
  for (const [k, job] of jobs.entries()) {
    const state = await job.getState().catch(() => 'unknown');
    if (state === 'completed' || state === 'unknown') continue;
    const where = `${shardName(k, jobs.length)} (${trialsText(job.data.from, job.data.to)})`;
    if (state === 'active') {
      const fresh = await queue.getJob(job.id!).catch(() => undefined);
      missing.push(`${where}: running on ${fresh?.processedBy ?? 'a worker'}, ${progress.of(k)}`);
    } else if (state === 'failed') missing.push(`${where}: failed`);
    else {
      missing.push(`${where}: waiting for a worker`);
      await job.remove().catch(() => {});
    }
  }
  return missing;
}

/** The notice printed when no shard has started a while after submitting. */
async function noWorkerNotice(queue: Queue<ShardJobData, ShardJobResult>, plan: SubmitPlan): Promise<string> {
  return `no shard has started after ${NO_WORKER_NOTICE_MS / 1000} s: ${await workersLine(queue, plan)}; waiting (timeout ${plan.timeoutMs / 1000} s)`;
}

/** How many workers listen on the queue, and how to start one if none does. */
async function workersLine(queue: Queue<ShardJobData, ShardJobResult>, plan: SubmitPlan): Promise<string> {
  const url = shownUrl(plan.url);
  // CLIENT LIST, which this needs, is refused by some managed Redis services: then say nothing of workers.
  const count = await queue.getWorkersCount().catch(() => null);
  if (count === null) return `the queue is on Redis at ${url}`;
  if (count === 0) return `no worker is connected to Redis at ${url}: start one with REDIS_URL=${url} npm run queue:worker`;
  return `${count} ${count === 1 ? 'worker is' : 'workers are'} connected to Redis at ${url}`;
}
