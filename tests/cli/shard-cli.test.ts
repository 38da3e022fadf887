/**
 * Shards and their merge as a user runs them (child processes through the bundled launcher):
 * npm run simulate -- --shard K/3 --partial FILE three times, npm run merge in shuffled order, and the
 * same stdout, byte for byte, as one run (JSON and table), and the same result.json; partials that do
 * not make one run, or are not partials, refused with exit status 2 and a message naming the problem.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBundle } from '../../scripts/cli-bundle.mjs';
import { runNode, type Outcome } from './run-node.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = path.join(root, 'tests/fixtures/example-scenario.json');
const scratch = mkdtempSync(path.join(tmpdir(), 'shard-cli-test-'));
const RUN = ['--trials', '60', '--seed', '7'];
const SLOW = { timeout: 180_000 };
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** Runs one command of package.json (main for simulate, merge) as npm would, without npm. */
function cli(command: 'main' | 'merge', ...args: string[]): Promise<Outcome> {
  return runNode(['scripts/cli.mjs', command, ...args]);
}

const file = (name: string) => path.join(scratch, name);
let shards: string[];

beforeAll(async () => {
  await ensureCliBundle();
  shards = [0, 1, 2].map((k) => file(`out-${k}.bin`));
  const runs = await Promise.all([
    ...shards.map((f, k) => cli('main', example, ...RUN, '--shard', `${k}/3`, '--partial', f, '--workers', '1')),
    cli('main', example, ...RUN, '--seed', '8', '--shard', '1/3', '--partial', file('seed-8.bin'), '--workers', '1'),
  ]);
  for (const r of runs) expect(r.status, r.stderr).toBe(0);
  expect(runs[1].stderr).toBe(`wrote trials 20..39 of 60 (shard 1/3) to ${shards[1]}\n`);
}, 180_000);

describe('shards merged with npm run merge', SLOW, () => {
  it('print the JSON and the table of one run, byte for byte, whatever the order of the files', async () => {
    const [oneJson, oneTable, mergedJson, mergedTable, mergedOut] = await Promise.all([
      cli('main', example, ...RUN, '--json', '--workers', '2'),
      cli('main', example, ...RUN, '--workers', '1'),
      cli('merge', shards[2], shards[0], shards[1], '--json'),
      cli('merge', shards[1], shards[2], shards[0]),
      cli('merge', shards[0], shards[2], shards[1], '--out', file('merged-out')),
    ]);
    for (const r of [oneJson, oneTable, mergedJson, mergedTable, mergedOut]) expect(r.status, r.stderr).toBe(0);
    expect(mergedJson.stdout).toBe(oneJson.stdout);
    expect(mergedTable.stdout).toBe(oneTable.stdout);
    expect(JSON.parse(oneJson.stdout).trials).toBe(60);
    // --out writes the files a run writes; result.json is the same result.
    expect(readFileSync(path.join(file('merged-out'), 'result.json'), 'utf8')).toBe(`${JSON.stringify(JSON.parse(oneJson.stdout), null, 2)}\n`);
    expect(mergedOut.stderr).toContain(path.join(file('merged-out'), 'report.html'));
  });

  it.each([
    ['of different runs', () => [shards[0], file('seed-8.bin'), shards[2]], /seed-8\.bin is a partial of a different run than .*out-0\.bin: seed 8, not 7\n.*trials 20\.\.39 of the run's 60 are in no partial/],
    ['overlapping', () => [shards[0], shards[1], shards[1], shards[2]], /out-1\.bin \(trials 20\.\.39\) and .*out-1\.bin \(trials 20\.\.39\) overlap: trials 20\.\.39 are in both/],
    ['with a missing range', () => [shards[2], shards[0]], /cannot merge these partial results:\n  trials 20\.\.39 of the run's 60 are in no partial$/],
    ['corrupted', () => [shards[0], corrupted(), shards[2]], /corrupt-1\.bin cannot be merged: it is corrupted: its contents do not match the digest/],
    ['cut short', () => [shards[0], truncated(), shards[2]], /cut-1\.bin is not a partial result this version can merge: it is not an Arrow IPC file/],
    ['not partials at all', () => [example], /example-scenario\.json is not a partial result this version can merge: it is not an Arrow IPC file/],
    ['missing', () => [file('no-such.bin')], /cannot read ".*no-such\.bin": no such file or directory/],
  ])('%s are refused with exit status 2 and the reason', async (_, files, message) => {
    const r = await cli('merge', ...files(), '--json');
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it.each([
    ['--shard without --partial', [example, '--shard', '0/2'], /--shard needs --partial FILE/],
    ['--partial with --json', [example, '--partial', file('x.bin'), '--json'], /--partial writes a partial result, not the run's result: --json belongs to npm run merge/],
    ['--shard K/N with K = N', [example, '--shard', '3/3', '--partial', file('x.bin')], /--shard must be K\/N with N from 1 to 100000 and K from 0 to N-1, got "3\/3"/],
    ['more shards than trials', [example, '--trials', '4', '--shard', '0/5', '--partial', file('x.bin')], /--shard 0\/5: a run of 4 trials has at most 4 shards/],
    ['a partial in a missing folder', [example, '--trials', '4', '--partial', file('no/such/dir/x.bin')], /cannot write the partial result to ".*x\.bin": no such file or directory/],
  ])('%s is a user error', async (_, args, message) => {
    const r = await cli('main', ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

/** Shard 1 with one byte of its values changed: still an Arrow file, no longer its digest's. */
function corrupted(): string {
  const bytes = readFileSync(shards[1]);
  bytes[Math.floor(bytes.length * 0.6)] ^= 0x01;
  writeFileSync(file('corrupt-1.bin'), bytes);
  return file('corrupt-1.bin');
}

/** Shard 1 cut in half, as a copy interrupted would leave it. */
function truncated(): string {
  const bytes = readFileSync(shards[1]);
  writeFileSync(file('cut-1.bin'), bytes.subarray(0, bytes.length >> 1));
  return file('cut-1.bin');
}
