/**
 * scripts/simulate.mjs starts the run again with glibc's mmap threshold fixed (Linux): the run sees the
 * variable, and stops with the process it was started from, however that one ends.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scenario = fileURLToPath(new URL('../../scenarios/gallium.json', import.meta.url));

/** The process ids of `pid`'s children (Linux /proc). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Starts a long run and resolves with the wrapper, the run's pid once it is up, and the wrapper's end. */
async function startLongRun() {
  const wrapper = spawn(process.execPath, ['scripts/simulate.mjs', scenario, '--trials', '1000000', '--workers', '1'], { cwd: root, stdio: 'ignore' });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => wrapper.on('exit', (code, signal) => resolve({ code, signal })));
  let run: number | undefined;
  for (let i = 0; i < 200 && run === undefined; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const child = childrenOf(wrapper.pid!)[0];
    // Up once the child has become the run (after exec, its command line names the script).
    if (child !== undefined && readText(`/proc/${child}/cmdline`).includes('simulate.mjs')) run = child;
  }
  if (run === undefined) throw new Error('the run did not start');
  return { wrapper, run, ended };
}

async function waitUntilGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe.runIf(process.platform === 'linux')('scripts/simulate.mjs', () => {
  it('runs the command line with MALLOC_MMAP_THRESHOLD_ set', { timeout: 30_000 }, async () => {
    const { wrapper, run, ended } = await startLongRun();
    const environ = readText(`/proc/${run}/environ`).split('\0');
    expect(environ).toContain('MALLOC_MMAP_THRESHOLD_=131072');
    wrapper.kill('SIGTERM');
    // The signal goes on to the run, and the wrapper ends as the run did.
    expect(await ended).toEqual({ code: null, signal: 'SIGTERM' });
    expect(await waitUntilGone(run)).toBe(true);
  });

  it('stops the run when the wrapper is killed outright', { timeout: 30_000 }, async () => {
    const { wrapper, run, ended } = await startLongRun();
    wrapper.kill('SIGKILL');
    await ended;
    expect(await waitUntilGone(run)).toBe(true);
  });
});
