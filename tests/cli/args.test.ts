/** Flag parsing of the command line, in this process (the spawned tests cover exit statuses and messages). */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.ts';

const ok = (argv: string[]) => {
  const r = parseArgs(argv, 4);
  if (!r.ok) throw new Error(r.message);
  return r.options;
};
const message = (argv: string[]) => {
  const r = parseArgs(argv, 4);
  return r.ok ? null : r.message;
};

describe('parseArgs', () => {
  it('reads every flag, in both spellings, with defaults for the rest', () => {
    expect(ok(['s.json'])).toEqual({ scenarioPath: 's.json', workers: 4, attribution: true, json: false, help: false });
    expect(ok(['--trials=50', 's.json', '--seed', 'abc', '--strategy', 'a', '--strategy=b', '--workers', '0', '--no-attribution', '--flows', '--json', '--out', 'dir'])).toEqual({
      scenarioPath: 's.json', trials: 50, seed: 'abc', strategies: ['a', 'b'], workers: 0, attribution: false, flows: true, json: true, outDir: 'dir', help: false,
    });
  });

  it('keeps integer seeds numbers, as in a scenario file, and anything else text', () => {
    expect(ok(['s.json', '--seed', '42']).seed).toBe(42);
    expect(ok(['s.json', '--seed', '-7']).seed).toBe(-7);
    expect(ok(['s.json', '--seed', '007']).seed).toBe('007');
    expect(ok(['s.json', '--seed', '1e3']).seed).toBe('1e3');
  });

  it.each([
    [['s.json', '--trials', 'many'], /--trials must be a whole number from 1 .* got "many"/],
    [['s.json', '--trials', '0'], /--trials must be/],
    [['s.json', '--trials', '2.5'], /--trials must be/],
    [['s.json', '--workers', '-1'], /--workers must be/],
    [['s.json', '--trials'], /--trials needs a value/],
    [['s.json', '--out', '--json'], /--out needs a value/],
    [['s.json', '--fast'], /unknown option "--fast"/],
    [['s.json', '--json=yes'], /--json takes no value/],
    [['s.json', '--flows=on'], /--flows takes no value/],
    [[], /missing the scenario file/],
    [['a.json', 'b.json'], /expected one scenario file, got 2/],
  ])('refuses %j', (argv, expected) => {
    expect(message(argv)).toMatch(expected);
  });

  it('reads --shard K/N and --partial FILE, and refuses a shard without a file or a partial with --json or --out', () => {
    expect(ok(['s.json', '--shard', '2/3', '--partial', 'out-2.bin'])).toMatchObject({ shard: { k: 2, n: 3 }, partialPath: 'out-2.bin' });
    expect(ok(['s.json', '--partial=all.bin']).shard).toBeUndefined();
    expect(message(['s.json', '--shard', '1/3'])).toMatch(/--shard needs --partial FILE/);
    expect(message(['s.json', '--shard', '1-3', '--partial', 'x'])).toMatch(/--shard must be K\/N .* got "1-3"/);
    expect(message(['s.json', '--shard', '0/0', '--partial', 'x'])).toMatch(/--shard must be K\/N/);
    expect(message(['s.json', '--partial', 'x', '--out', 'd'])).toMatch(/--out belongs to npm run merge/);
  });
});

describe('parseArgs for the optimiser', () => {
  it('reads --optimise and --write-strategy, and refuses them where they make no sense', () => {
    expect(ok(['s.json', '--optimise', '--write-strategy', 'out.json'])).toMatchObject({ optimise: true, writeStrategy: 'out.json' });
    expect(message(['s.json', '--write-strategy', 'out.json'])).toMatch(/needs --optimise/);
    expect(message(['s.json', '--optimise', '--strategy', 'a'])).toMatch(/does not go with --optimise/);
  });
});

describe('parseArgs: the analyses and samples (issue 12)', () => {
  it('reads --stress, --stress-months, --sensitivity, --sensitivity-strategy and --samples', () => {
    expect(ok(['s.json', '--stress', '--sensitivity', '--samples', 'x.csv'])).toMatchObject({ stress: true, sensitivity: true, samplesPath: 'x.csv' });
    // a duration or a strategy for an analysis asks for that analysis
    expect(ok(['s.json', '--stress-months', '3, 18'])).toMatchObject({ stress: true, stressMonths: [3, 18] });
    expect(ok(['s.json', '--sensitivity-strategy=eu'])).toMatchObject({ sensitivity: true, sensitivityStrategy: 'eu' });
    expect(ok(['s.json']).stress).toBeUndefined();
  });

  it.each([
    [['s.json', '--stress-months', '3,x'], /--stress-months must be a whole number from 1 to 1200, got "x"/],
    [['s.json', '--stress-months', '0'], /--stress-months must be/],
    [['s.json', '--samples'], /--samples needs a value/],
    [['s.json', '--stress=yes'], /--stress takes no value/],
  ])('refuses %j', (argv, expected) => {
    expect(message(argv)).toMatch(expected);
  });
});
