/**
 * The command line as a whole process, for the bench: wall time and peak memory (the process's maximum
 * resident set, worker threads included, from GNU time) of one run on a scenario file.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureCliBundle } from '../scripts/cli-bundle.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LAUNCHER = fileURLToPath(new URL('../scripts/simulate.mjs', import.meta.url));
const GNU_TIME = '/usr/bin/time';

export interface ProcessRun {
  seconds: number;
  /** peak resident memory in bytes (NaN where GNU time is missing) */
  peakBytes: number;
}

/** Runs `npm run simulate`'s launcher on the scenario with these extra arguments (--json to /dev/null). */
export async function cliProcessRun(scenarioPath: string, args: string[]): Promise<ProcessRun> {
  await ensureCliBundle();
  const command = [LAUNCHER, scenarioPath, '--json', ...args];
  const timed = existsSync(GNU_TIME);
  const started = process.hrtime.bigint();
  const stderr = await new Promise<string>((resolve, reject) => {
    const child = timed
      ? spawn(GNU_TIME, ['-f', 'peak-kb=%M', process.execPath, ...command], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
      : spawn(process.execPath, command, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(err) : reject(new Error(`the command line exited with ${status}: ${err.trim().slice(-500)}`))));
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const kb = /peak-kb=(\d+)/.exec(stderr);
  return { seconds, peakBytes: kb ? Number(kb[1]) * 1024 : NaN };
}
