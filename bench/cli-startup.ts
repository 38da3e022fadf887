/**
 * Start-up of the command line as users meet it: the wall time of whole runs of `npm run simulate` on a
 * scenario with few trials, so that the time is start-up, validation, worker threads and summary rather
 * than simulation. For the bench (cliRunSeconds); `npx tsx bench/cli-startup.ts [scenario] [runs]` prints it.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureCliBundle } from '../scripts/cli-bundle.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LAUNCHER = fileURLToPath(new URL('../scripts/simulate.mjs', import.meta.url));

export interface CliRunOptions {
  /** timed runs, one after another (default 10), after one untimed run */
  runs?: number;
  /** --trials (default 10) */
  trials?: number;
  /** --workers (default: the command line's own, one per core) */
  workers?: number;
}

/**
 * Times `runs` runs of the command line on a scenario (a path) and returns the median wall time in seconds.
 * Runs the launcher with node directly: npm's own start (~0.2 s) is not the command line's. The bundle
 * is built before timing starts, so a rebuild is never timed.
 */
export async function cliRunSeconds(scenarioPath: string, options: CliRunOptions = {}): Promise<number> {
  const { runs = 10, trials = 10, workers } = options;
  const args = [LAUNCHER, scenarioPath, '--trials', String(trials), ...(workers === undefined ? [] : ['--workers', String(workers)])];
  await ensureCliBundle();
  await runOnce(args);
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await runOnce(args);
    seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  seconds.sort((a, b) => a - b);
  const mid = seconds.length >> 1;
  return seconds.length % 2 === 1 ? seconds[mid] : (seconds[mid - 1] + seconds[mid]) / 2;
}

/** Runs node with these arguments from the project's root; rejects with its stderr if it fails. */
function runOnce(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve() : reject(new Error(`the command line exited with ${status}: ${stderr.trim()}`))));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const scenario = process.argv[2] ?? 'scenarios/gallium.json';
  const runs = Number(process.argv[3] ?? 10);
  const seconds = await cliRunSeconds(scenario, { runs });
  console.log(`${scenario}, 10 trials: median ${seconds.toFixed(3)} s of wall time over ${runs} runs`);
}
