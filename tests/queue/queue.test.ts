/**
 * The distributed engine against a real Redis server (tests/queue/redis-server.ts), with real processes
 * started as a user starts them (scripts/cli.mjs, the bundled commands): a run over three queue workers
 * prints the single-machine run's JSON byte for byte; a worker killed (SIGKILL) in the middle of its
 * shard loses nothing but time, and the run's numbers are the same; a shard whose attempt failed is
 * retried; partials that are not the shard's (another run, another range, corrupted) are refused by
 * the submitter; with no worker, the timeout says which shards were not done and that no worker is
 * connected.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBundle } from '../../scripts/cli-bundle.mjs';
import { partialKey, QUEUE_NAME, type ShardJobData, type ShardJobResult } from '../../queue/shard-job.ts';
import { findRedisServer, startRedisServer, stopChild, type RedisServer } from './redis-server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = path.join(root, 'tests/fixtures/example-scenario.json');
const scratch = mkdtempSync(path.join(tmpdir(), 'queue-test-'));
const RUN = ['--trials', '90', '--seed', '11'];
const redisBin = findRedisServer();
// Said out loud, never skipped in silence: a machine without redis-server does not test the queue.
if (redisBin === null) console.warn('SKIPPED tests/queue/queue.test.ts: redis-server is not installed here (apt-get install redis-server, as .ci/run does)');

/** A command started as a child process, with its output kept and a way to wait for a line. */
interface Started {
  child: ChildProcess;
  out(): string;
  err(): string;
  /** resolves with stdout once it matches, rejects if the process exits first */
  waitFor(pattern: RegExp, ms?: number): Promise<void>;
  done: Promise<{ status: number | null; signal: NodeJS.Signals | null }>;
}

let redis: RedisServer;
let oneRun: string;

/** Starts `node scripts/cli.mjs <command> ...args` with REDIS_URL (and `env`) set. */
function start(command: string, args: string[], env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, ['scripts/cli.mjs', command, ...args], { cwd: root, env: { ...process.env, REDIS_URL: redis.url, ...env } });
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  child.stdout!.on('data', (d) => {
    out += d;
    waiters.forEach((w) => w());
  });
  child.stderr!.on('data', (d) => (err += d));
  const done = new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (status, signal) => resolve({ status, signal })));
  return {
    child,
    out: () => out,
    err: () => err,
    done,
    waitFor: (pattern, ms = 60_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms; stdout: ${out}; stderr: ${err}`)), ms);
        const check = () => {
          if (pattern.test(out)) {
            clearTimeout(timer);
            resolve();
          }
        };
        waiters.push(check);
        check();
        done.then(() => {
          clearTimeout(timer);
          if (!pattern.test(out)) reject(new Error(`exited before ${pattern}; stdout: ${out}; stderr: ${err}`));
        });
      }),
  };
}

/** Runs a command to its end. */
async function run(command: string, args: string[], env: Record<string, string> = {}) {
  const p = start(command, args, env);
  const { status } = await p.done;
  return { status, stdout: p.out(), stderr: p.err() };
}

/**
 * Short locks for every worker of these tests, so that a dead worker's shard goes back to the queue
 * within seconds. Every worker, not only those of the test that kills one: BullMQ paces the stall check
 * for all workers through one Redis key that expires after the last checker's interval, so a worker
 * with the default 30 s would hold the others' checks back for up to 30 s.
 */
const QUICK = { MINERALS_QUEUE_LOCK_MS: '2000', MINERALS_QUEUE_STALLED_MS: '1000' };

/** Starts a queue worker with one thread and waits until it listens. */
async function startWorker(): Promise<Started> {
  const w = start('queue-worker', ['--threads', '1'], QUICK);
  await w.waitFor(/waiting for shards on redis:\/\/127\.0\.0\.1:\d+/);
  return w;
}

describe.skipIf(redisBin === null)('the queue on a real Redis server', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    [redis] = await Promise.all([startRedisServer(redisBin!), ensureCliBundle()]);
    const single = await run('main', [example, ...RUN, '--json', '--workers', '1']);
    expect(single.status, single.stderr).toBe(0);
    oneRun = single.stdout;
  }, 120_000);

  afterAll(async () => {
    await redis?.stop();
  });

  it('runs a submission over three workers with the numbers of one machine, byte for byte', async () => {
    const workers = await Promise.all([startWorker(), startWorker(), startWorker()]);
    try {
      const submit = await run('queue-submit', [example, ...RUN, '--shards', '12', '--json']);
      expect(submit.status, submit.stderr).toBe(0);
      expect(submit.stdout).toBe(oneRun);
      // Every shard reported done, and every worker did some of them; no warning on the way.
      const doneBy = [...submit.stderr.matchAll(/^shard \d+\/12 \(trials [\d.]+\): done by (\S+) in/gm)].map((m) => m[1]);
      expect(doneBy).toHaveLength(12);
      expect(new Set(doneBy).size).toBe(3);
      expect(submit.stderr).not.toMatch(/warning/i);
    } finally {
      await Promise.all(workers.map((w) => stopChild(w.child)));
    }
    // SIGTERM lets a worker finish and leave cleanly.
    for (const w of workers) expect(w.out()).toMatch(/SIGTERM: stopping after the current shard[\s\S]*stopped\n$/);
  });

  it('finishes a run whose worker was killed in the middle of a shard, with the same numbers', async () => {
    // Shards long enough (seconds on one thread) to be caught half done.
    const long = ['--trials', '300', '--seed', '13', '--shards', '2', '--json'];
    const single = run('main', [example, '--trials', '300', '--seed', '13', '--json', '--workers', '1']);
    const doomed = await startWorker();
    const submit = start('queue-submit', [example, ...long]);
    const queue = new Queue<ShardJobData, ShardJobResult>(QUEUE_NAME, { connection: { url: redis.url } });
    let progress: { done: number; total: number };
    try {
      progress = await halfDone(queue);
    } finally {
      await queue.close();
    }
    doomed.child.kill('SIGKILL');
    expect((await doomed.done).signal).toBe('SIGKILL');
    expect(progress.done).toBeGreaterThan(0);
    expect(progress.done).toBeLessThan(progress.total);
    expect(doomed.out()).not.toMatch(/done in/);

    const rescuer = await startWorker();
    try {
      const { status } = await submit.done;
      expect(status, submit.err()).toBe(0);
      const one = await single;
      expect(one.status, one.stderr).toBe(0);
      expect(submit.out()).toBe(one.stdout);
      expect(submit.err()).toMatch(/shard 0\/2 \(trials 0\.\.149\): its worker stopped renewing its lock \(it died or hung\); the shard is back in the queue/);
      expect(submit.err()).toMatch(/shard 0\/2 \(trials 0\.\.149\): done by \S+ in/);
      expect(rescuer.out()).toMatch(/shard 0\/2 of run \w+ \(trials 0\.\.149\): done in/);
    } finally {
      await stopChild(rescuer.child);
    }
  });

  describe('a rogue worker', () => {
    const shardFile = (seed: string) => path.join(scratch, `seed-${seed}-0of2.bin`);

    const wholeRun = path.join(scratch, 'seed-11-all.bin');

    beforeAll(async () => {
      const made = await Promise.all([
        ...['11', '12'].map((seed) => run('main', [example, '--trials', '90', '--seed', seed, '--shard', '0/2', '--partial', shardFile(seed), '--workers', '1'])),
        run('main', [example, ...RUN, '--partial', wholeRun, '--workers', '1']),
      ]);
      for (const m of made) expect(m.status, m.stderr).toBe(0);
    }, 120_000);

    /**
     * Submits a run of `shards` shards while a rogue worker (in this process, named "rogue:1") stores
     * what `partial` gives as each shard's partial result, or throws what it throws.
     */
    async function submitWithRogue(partial: (job: Job<ShardJobData, ShardJobResult>) => Buffer, shards = 2) {
      const client = new Redis(redis.url);
      const rogue = new Worker<ShardJobData, ShardJobResult>(
        QUEUE_NAME,
        async (job) => {
          const bytes = partial(job);
          const key = partialKey(job.data.runId, job.data.shard);
          await client.set(key, bytes);
          return { key, bytes: bytes.length, worker: 'rogue:1', seconds: 0 };
        },
        { connection: { url: redis.url }, name: 'rogue:1' },
      );
      try {
        return await run('queue-submit', [example, ...RUN, '--shards', String(shards), '--json']);
      } finally {
        await rogue.close();
        client.disconnect();
      }
    }

    it('retries a shard whose attempt failed, says why, and merges the retry', async () => {
      const submit = await submitWithRogue((job) => {
        if (job.attemptsMade === 0) throw new Error('a simulation thread crashed (test)');
        return readFileSync(wholeRun);
      }, 1);
      expect(submit.status, submit.stderr).toBe(0);
      expect(submit.stdout).toBe(oneRun);
      expect(submit.stderr).toMatch(/^shard 0\/1 \(trials 0\.\.89\): attempt 1 of 3 failed on rogue:1 \(a simulation thread crashed \(test\)\); retrying$/m);
    });

    it.each([
      ['whose partial is of another run', () => readFileSync(shardFile('12')), /shard [01]\/2 \(trials [\d.]+\): the partial result rogue:1 stored cannot be merged: shard [01]\/2 is a partial of a different run: seed 12, not 11/],
      ['whose partial is of another range', () => readFileSync(shardFile('11')), /shard 1\/2 \(trials 45\.\.89\): the partial result rogue:1 stored cannot be merged: it holds trials 0\.\.44/],
      ['whose partial is corrupted', () => corrupt(readFileSync(shardFile('11'))), /shard [01]\/2 \(trials [\d.]+\): the partial result rogue:1 stored cannot be merged: it is corrupted: its contents do not match the digest/],
    ])('%s is refused: the run fails with status 1 and says why', async (_, bytes, message) => {
      const submit = await submitWithRogue(bytes);
      expect(submit.status).toBe(1);
      expect(submit.stderr).toMatch(message);
      expect(submit.stderr).not.toMatch(/internal error/);
      expect(submit.stdout).toBe('');
    });
  });

  it('says, at the timeout, which shards were not done and that no worker is connected', async () => {
    const submit = await run('queue-submit', [example, ...RUN, '--shards', '2', '--timeout', '2']);
    expect(submit.status).toBe(1);
    expect(submit.stderr).toMatch(
      /^the run timed out after 2 s with 2 of 2 shards not done:\n {2}shard 0\/2 \(trials 0\.\.44\): waiting for a worker\n {2}shard 1\/2 \(trials 45\.\.89\): waiting for a worker\nno worker is connected to Redis at redis:\/\/127\.0\.0\.1:\d+: start one with REDIS_URL=redis:\/\/127\.0\.0\.1:\d+ npm run queue:worker; raise --timeout for a longer run\n$/,
    );
    // The shards it gave up on are gone from the queue: a worker started later does not simulate them.
    const client = new Redis(redis.url);
    try {
      expect(await client.llen(`bull:${QUEUE_NAME}:wait`)).toBe(0);
    } finally {
      client.disconnect();
    }
  });
});

/** Waits until the active shard reports some of its trials done, and not all (polling the job as the submitter sees it). */
async function halfDone(queue: Queue<ShardJobData, ShardJobResult>): Promise<{ done: number; total: number }> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    for (const job of await queue.getJobs(['active'])) {
      const p = job.progress as { done?: number; total?: number };
      if (typeof p?.done === 'number' && typeof p.total === 'number' && p.done > 0 && p.done < p.total) return { done: p.done, total: p.total };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no shard reported progress within 60 s');
}

/** A copy with one byte of its values changed. */
function corrupt(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy[Math.floor(copy.length * 0.6)] ^= 0x01;
  return copy;
}
