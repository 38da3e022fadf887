/**
 * The command line as a user runs it (a child process, through npm run simulate's launcher and the bundle
 * it builds): user errors exit 2 with a plain message, any number of workers gives the same numbers, the
 * bundle the same numbers as the sources, --out writes its files. Few runs, few trials.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBundle } from '../../scripts/cli-bundle.mjs';
import { runNode, simulate, type Outcome } from './run-node.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = path.join(root, 'tests/fixtures/example-scenario.json');
const scratch = mkdtempSync(path.join(tmpdir(), 'cli-test-'));
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
// Each run starts Node and worker threads; on a busy two-core machine that alone can take seconds.
const SLOW = { timeout: 180_000 };

// Built (if the sources changed) once here, rather than by the first runs below all at once.
beforeAll(() => ensureCliBundle(), 120_000);

/** Runs the command line from its TypeScript sources, through tsx. */
function simulateSources(...args: string[]): Promise<Outcome> {
  return runNode(['--import', 'tsx', 'src/cli/main.ts', ...args]);
}

function scratchFile(name: string, text: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return file;
}

const invalid = JSON.parse(readFileSync(example, 'utf8'));
invalid.nodes[0].capacity = '12kt';

describe.concurrent('user errors exit 2 with a plain message', SLOW, () => {
  it.each([
    ['a missing file', [path.join(scratch, 'no-such.json')], /cannot read the scenario file .*no-such\.json.*no such file/],
    ['bad JSON', [scratchFile('bad.json', '{ "id": "x", }')], /not valid JSON at line 1/],
    ['an invalid scenario', [scratchFile('invalid.json', JSON.stringify(invalid))], /\/nodes\/0\/capacity: /],
    ['an unknown flag', [example, '--fast'], /unknown option "--fast"/],
    ['--trials many', [example, '--trials', 'many'], /--trials must be a whole number .* got "many"/],
  ])('%s', async (_, args, message) => {
    const r = await simulate(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout + r.stderr).not.toMatch(STACK_LINE);
    expect(r.stdout).toBe('');
  });
});

describe('runs', SLOW, () => {
  it('--json gives the same strategies on 1, 2 and 4 workers and from the sources, and --out writes result.json, bands.csv, the charts and the report', async () => {
    const out = path.join(scratch, 'out', 'nested');
    const [one, two, four, sources] = await Promise.all([
      simulate(example, '--trials', '100', '--seed', '5', '--json', '--workers', '1'),
      simulate(example, '--trials', '100', '--seed', '5', '--json', '--workers', '2', '--out', out),
      simulate(example, '--trials', '100', '--seed', '5', '--json', '--workers', '4'),
      simulateSources(example, '--trials', '100', '--seed', '5', '--json', '--workers', '0'),
    ]);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(four.status, four.stderr).toBe(0);
    expect(sources.status, sources.stderr).toBe(0);
    const a = JSON.parse(one.stdout);
    const b = JSON.parse(two.stdout);
    expect(a.trials).toBe(100);
    expect(a.strategies.map((s: { id: string }) => s.id)[0]).toBe('baseline');
    expect(JSON.stringify(b.strategies)).toBe(JSON.stringify(a.strategies));
    expect(JSON.stringify(JSON.parse(four.stdout).strategies)).toBe(JSON.stringify(a.strategies));
    // The bundle is the sources, built: the whole result agrees, to the last digit.
    expect(one.stdout).toBe(sources.stdout);

    expect(JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8'))).toEqual(b);
    const lines = readFileSync(path.join(out, 'bands.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('strategy,period,month,p5,p25,p50,p75,p95');
    expect(lines.length).toBe(1 + b.periods * b.strategies.length);
    expect(lines[1]).toMatch(/^baseline,0,0,[\d.]+,[\d.]+,[\d.]+,[\d.]+,[\d.]+$/);

    // every chart as SVG, CSV and three PNGs, and the report; stderr lists each file
    const charts = ['valueChain', 'worldMap', 'fulfilment', 'shortfall', 'comparison', 'attribution'];
    const expected = [
      'result.json', 'bands.csv', 'report.html',
      ...charts.flatMap((c) => ['svg', 'csv', 'png', '@2x.png', '-print.png'].map((e) => `charts/${c}${e.startsWith('@') || e.startsWith('-') ? e : `.${e}`}`)),
    ];
    for (const name of expected) expect(two.stderr).toContain(path.join(out, name));
    expect(readdirSync(path.join(out, 'charts')).sort()).toEqual(expected.filter((n) => n.startsWith('charts/')).map((n) => n.slice(7)).sort());
    const svg = readFileSync(path.join(out, 'charts', 'fulfilment.svg'), 'utf8');
    expect(svg).toMatch(/^<\?xml[^>]*\?>\n<svg[^>]* width="720"/);
    const png = readFileSync(path.join(out, 'charts', 'fulfilment@2x.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1440);
    expect(readFileSync(path.join(out, 'charts', 'fulfilment-print.png')).readUInt32BE(16)).toBe(2008);
    expect(readFileSync(path.join(out, 'charts', 'comparison.csv'), 'utf8').split('\n')[0]).toMatch(/^strategy_id,strategy,baseline,/);
    const report = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(report).toContain(b.scenario.hash);
    expect(report.match(/<svg /g)?.length).toBe(charts.length);
    expect(two.stderr).not.toMatch(/warning/);
    // no flow series asked for, none written
    expect(a.strategies[0].flows).toBeUndefined();
    expect(readdirSync(out)).not.toContain('flows.csv');
  });

  it('runs a replay with its comparisons and writes flows.csv and the replay chart, and --flows adds flows to any scenario', async () => {
    const out = path.join(scratch, 'replay-out');
    const replay = path.join(root, 'scenarios/replays/gallium-2023.json');
    const [table, flows] = await Promise.all([
      simulate(replay, '--trials', '30', '--workers', '1', '--no-attribution', '--out', out),
      simulate(example, '--trials', '20', '--seed', '5', '--json', '--workers', '1', '--flows'),
    ]);
    expect(table.status, table.stderr).toBe(0);
    expect(flows.status, flows.stderr).toBe(0);
    const scenario = JSON.parse(readFileSync(replay, 'utf8'));
    // the table ends with every comparison and its verdict
    for (const c of scenario.comparisons) expect(table.stdout).toMatch(new RegExp(`^${c.id} .* (pass|miss)$`, 'm'));
    expect(table.stdout).toMatch(/\d+ of 4 comparisons within tolerance/);
    const csv = readFileSync(path.join(out, 'flows.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('strategy,stage,from,to,counted,period,month,calendar_month,planned,mean,p5,p95');
    const result = JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8'));
    expect(csv.length).toBe(1 + result.strategies[0].flows.length * result.periods);
    expect(csv.find((l) => l.startsWith('baseline,processing,CN,*,shipped,7,7,2023-08,'))).toBeDefined();
    expect(readdirSync(path.join(out, 'charts')).filter((f) => f.startsWith('replay'))).toEqual(['replay-print.png', 'replay.csv', 'replay.png', 'replay.svg', 'replay@2x.png']);
    const withFlows = JSON.parse(flows.stdout);
    expect(withFlows.strategies.every((s: { flows?: unknown[] }) => (s.flows?.length ?? 0) > 0)).toBe(true);
  });
});
