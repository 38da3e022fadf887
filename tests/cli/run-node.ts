/** Runs the project's command line as a child process from the project's root, as npm would, keeping its output. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node ...nodeArgs` from the project's root to its end. */
export function runNode(nodeArgs: string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs `npm run simulate -- ...args` (without npm). */
export const simulate = (...args: string[]): Promise<Outcome> => runNode(['scripts/simulate.mjs', ...args]);
