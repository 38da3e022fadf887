/**
 * The figures of docs/scale.md, measured on this machine:
 * 1. trials per second of each shipped scenario on one thread (every strategy of a trial counts as one
 *    trial, as the progress line counts; without attribution, whose cost is fixed: K + 1 re-simulations
 *    of at most 500 trials), from which a 10^7-trial run's CPU-hours and memory follow;
 * 2. a queue run's wall time with 1, 2 and 4 worker processes (one thread each) on a Redis server
 *    started here (Debian's redis-server), as ratios to one worker.
 * `npx tsx bench/scale.ts [--trials N] [--repeat R] [--scenario-trials N]`. Not part of npm test or npm run bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRun } from '../src/engine/compile-run.ts';
import { simulateChunk } from '../src/engine/simulate-chunk.ts';
import { parseScenarioTextAsync } from '../src/model/validate.ts';
import { BYTES_PER_TRIAL } from '../src/shard/partial-size.ts';
import { ensureCliBundle } from '../scripts/cli-bundle.mjs';
import { findRedisServer, startRedisServer, stopChild } from '../tests/queue/redis-server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const QUEUE_TRIALS = arg('--trials', 2000);
const REPEAT = arg('--repeat', 2);
const PER_SCENARIO_TRIALS = arg('--scenario-trials', 1000);
const TEN_MILLION = 1e7;

/**
 * Trials per second of one scenario on this thread, after a warm-up: per second of wall time, and per
 * second of CPU time (what a shared machine's other processes do not change much, and what CPU-hours count).
 */
async function trialsPerSecond(file: string): Promise<{ id: string; strategies: number; perSecond: number; perCpuSecond: number }> {
  const validation = await parseScenarioTextAsync(readFileSync(file, 'utf8'));
  if (!validation.ok) throw new Error(`${file} is not valid`);
  const run = compileRun(validation.scenario, { trials: PER_SCENARIO_TRIALS + 64, seed: 'scale', attribution: false });
  simulateChunk(run, 0, 64);
  const started = performance.now();
  const cpu = process.cpuUsage();
  simulateChunk(run, 64, 64 + PER_SCENARIO_TRIALS);
  const used = process.cpuUsage(cpu);
  return {
    id: validation.scenario.id,
    strategies: run.models.length,
    perSecond: PER_SCENARIO_TRIALS / ((performance.now() - started) / 1000),
    perCpuSecond: PER_SCENARIO_TRIALS / ((used.user + used.system) / 1e6),
  };
}

/** Starts a command of scripts/cli.mjs; resolves with the child once `ready` shows on stdout (or at once). */
function start(command: string, args: string[], env: Record<string, string>, ready?: RegExp): Promise<{ child: ChildProcess; out: () => string }> {
  const child = spawn(process.execPath, ['scripts/cli.mjs', command, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    const check = () => {
      if (ready === undefined || ready.test(out)) resolve({ child, out: () => out });
    };
    child.stdout!.on('data', (d) => {
      out += d;
      check();
    });
    child.on('exit', (code) => {
      if (ready !== undefined && !ready.test(out)) reject(new Error(`${command} exited (${code}): ${err}`));
    });
    check();
  });
}

/** Wall seconds of one queue run of gallium over `workers` worker processes of one thread each. */
async function queueSeconds(url: string, workers: number, shards: number): Promise<number> {
  const env = { REDIS_URL: url };
  const started = await Promise.all(Array.from({ length: workers }, () => start('queue-worker', ['--threads', '1'], env, /waiting for shards/)));
  try {
    const t0 = performance.now();
    const submit = await start('queue-submit', [path.join(ROOT, 'scenarios/gallium.json'), '--trials', String(QUEUE_TRIALS), '--seed', 'scale', '--no-attribution', '--shards', String(shards), '--json'], env);
    const status = await new Promise<number | null>((resolve) => submit.child.on('exit', resolve));
    if (status !== 0) throw new Error(`queue:submit exited with ${status}`);
    return (performance.now() - t0) / 1000;
  } finally {
    await Promise.all(started.map((s) => stopChild(s.child)));
  }
}

const scenarioFiles = readdirSync(path.join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
console.log(`${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other processes share the cores)\n`);
console.log(`1. one thread, ${PER_SCENARIO_TRIALS} trials, no attribution; a 10^7-trial run from the CPU figure:`);
console.log('scenario       strategies  trials/s wall  trials/CPU-s  CPU-hours  merge memory (per-trial scalars)');
for (const f of scenarioFiles) {
  const { id, strategies, perSecond, perCpuSecond } = await trialsPerSecond(path.join(ROOT, 'scenarios', f));
  const cpuHours = TEN_MILLION / perCpuSecond / 3600;
  const gb = (TEN_MILLION * strategies * BYTES_PER_TRIAL) / 1e9;
  console.log(`${id.padEnd(14)} ${String(strategies).padStart(10)}  ${perSecond.toFixed(0).padStart(13)}  ${perCpuSecond.toFixed(0).padStart(12)}  ${cpuHours.toFixed(1).padStart(9)}  ${gb.toFixed(2)} GB`);
}

const redisBin = findRedisServer();
if (redisBin === null) {
  console.log('\n2. skipped: redis-server is not installed');
} else {
  await ensureCliBundle();
  const redis = await startRedisServer(redisBin);
  try {
    console.log(`\n2. queue:submit gallium, ${QUEUE_TRIALS} trials, no attribution, 8 shards; worker processes of one thread:`);
    const base: number[] = [];
    for (const workers of [1, 2, 4]) {
      const runs: number[] = [];
      for (let r = 0; r < REPEAT; r++) runs.push(await queueSeconds(redis.url, workers, 8));
      const best = Math.min(...runs);
      if (workers === 1) base.push(best);
      console.log(`${workers} worker${workers > 1 ? 's' : ' '} (load ${loadavg()[0].toFixed(1)}): ${runs.map((s) => `${s.toFixed(1)} s`).join(', ')}; best ${best.toFixed(1)} s, ${(QUEUE_TRIALS / best).toFixed(1)} trials/s, speed-up ${(base[0] / best).toFixed(2)}x`);
    }
  } finally {
    await redis.stop();
  }
}
