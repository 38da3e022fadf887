/**
 * The command line's analyses and samples (issue 12), as a user runs them (the bundle, worker threads):
 * --stress and --sensitivity print their tables and join --json, --samples writes every trial, --out
 * writes the analyses' files and report sections, and a bad duration or strategy is a user error.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBundle } from '../../scripts/cli-bundle.mjs';
import { simulate } from './run-node.ts';
import { parseCsv } from '../export/fixture.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = path.join(root, 'tests/fixtures/example-scenario.json');
const scratch = mkdtempSync(path.join(tmpdir(), 'cli-analyses-'));
const SLOW = { timeout: 240_000 };

beforeAll(() => ensureCliBundle(), 120_000);

describe('command line: stress test, sensitivity and samples', () => {
  it('adds the analyses to --json, on one worker or two with the same numbers, and writes the samples', SLOW, async () => {
    const samples = path.join(scratch, 'samples.csv');
    const args = [example, '--trials', '12', '--seed', '3', '--no-attribution', '--stress-months', '2,5', '--sensitivity-strategy', 'baseline', '--json'];
    const [one, two] = await Promise.all([simulate(...args, '--workers', '1', '--samples', samples), simulate(...args, '--workers', '2')]);
    expect(one.status, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const result = JSON.parse(one.stdout);
    expect(result.stress.durations.map((d: { months: number }) => d.months)).toEqual([2, 5]);
    expect(result.stress.trials).toBe(12);
    expect(result.stress.durations[0].ranking[0].rank).toBe(1);
    expect(result.sensitivity.strategies.map((s: { id: string }) => s.id)).toEqual(['baseline']);
    const rows = parseCsv(readFileSync(samples, 'utf8'));
    expect(rows).toHaveLength(12 * result.strategies.length);
    const base = rows.filter((r) => r.strategy === 'baseline').map((r) => Number(r.shortfall_t));
    expect(base.reduce((a, b) => a + b, 0) / 12).toBeCloseTo(result.strategies[0].metrics.shortfall.mean, 9);
  });

  it('prints the tables and writes the files and report sections with --out', SLOW, async () => {
    const out = path.join(scratch, 'out');
    const r = await simulate(example, '--trials', '8', '--no-attribution', '--stress', '--stress-months', '3', '--sensitivity', '--workers', '1', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('stress test: each target cut for 3 months');
    expect(r.stdout).toMatch(/sensitivity, baseline: mean shortfall/);
    const files = r.stderr;
    for (const f of ['stress.csv', 'stress-makers.csv', 'stress-countries.csv', 'sensitivity.csv', 'charts/exposure-3m.svg', 'charts/exposure-3m.png', 'charts/tornado-baseline.svg']) {
      expect(files).toContain(path.join(out, f));
    }
    const report = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(report).toContain('<section id="stress"');
    expect(report).toContain('<section id="sensitivity"');
    expect(report).toContain('data-analysis-chart="tornado"');
  });

  it.each([
    [['--stress-months', '3,999'], /--stress-months: a cut lasts whole months from 1 to the horizon \(\d+\), got 999/],
    [['--sensitivity-strategy', 'nope'], /--sensitivity-strategy: the scenario has no strategy "nope"/],
  ])('refuses %j with status 2', SLOW, async (flags, message) => {
    const r = await simulate(example, '--trials', '2', ...flags);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
