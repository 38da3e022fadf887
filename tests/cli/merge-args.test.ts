/** Flags of npm run merge and npm run queue:submit, in this process (the spawned tests cover their runs). */
import { describe, expect, it } from 'vitest';
import { parseMergeArgs } from '../../src/cli/merge-args.ts';
import { DEFAULT_TIMEOUT_SECONDS, parseSubmitArgs } from '../../queue/submit-args.ts';

describe('parseMergeArgs', () => {
  it('takes the files in any place, --json and --out in both spellings', () => {
    expect(parseMergeArgs(['a.bin', '--json', 'b.bin', '--out', 'dir'])).toEqual({ ok: true, options: { files: ['a.bin', 'b.bin'], json: true, outDir: 'dir', help: false } });
    expect(parseMergeArgs(['--out=d', '--', '--odd.bin'])).toEqual({ ok: true, options: { files: ['--odd.bin'], json: false, outDir: 'd', help: false } });
  });

  it.each([
    [[], 'missing the partial files to merge'],
    [['a.bin', '--out'], '--out needs a directory'],
    [['a.bin', '--trials', '5'], 'unknown option "--trials"'],
  ])('refuses %j', (argv, message) => {
    expect(parseMergeArgs(argv)).toEqual({ ok: false, message });
  });
});

describe('parseSubmitArgs', () => {
  it('takes --shards and --timeout, and the run flags of npm run simulate', () => {
    const r = parseSubmitArgs(['s.json', '--shards', '8', '--trials=500', '--timeout=60', '--strategy', 'a', '--json']);
    expect(r).toMatchObject({ ok: true, options: { scenarioPath: 's.json', shards: 8, timeoutSeconds: 60, trials: 500, strategies: ['a'], json: true } });
    expect(parseSubmitArgs(['s.json', '--shards', '2'])).toMatchObject({ ok: true, options: { timeoutSeconds: DEFAULT_TIMEOUT_SECONDS } });
  });

  it.each([
    [['s.json'], /missing --shards N/],
    [['s.json', '--shards', '0'], /--shards must be a whole number from 1/],
    [['s.json', '--shards', '2', '--timeout', 'soon'], /--timeout must be a whole number of seconds/],
    [['s.json', '--shards', '2', '--workers', '3'], /--workers is not an option of queue:submit: each worker uses its machine's cores/],
    [['s.json', '--shards', '2', '--shard', '0/2'], /--shard is not an option of queue:submit/],
    [['s.json', '--shards', '2', '--trials', 'x'], /--trials must be a whole number/],
  ])('refuses %j', (argv, message) => {
    const r = parseSubmitArgs(argv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
