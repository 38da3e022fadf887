/**
 * `--optimise` as a user runs it (the bundle, worker threads): the closed-form stockpile problem of
 * tests/analysis, the same answer on 1 and 2 workers, --out's frontier files and report section, a plan
 * file naming the scenario, --write-strategy's scenario (valid, with the strategy found), user errors.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBundle } from '../../scripts/cli-bundle.mjs';
import { simulate } from './run-node.ts';
import { validateScenario } from '../../src/model/validate.ts';
import { outageScenario, stockpileVariable } from '../analysis/optimise-builders.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'optimise-cli-'));
const SLOW = { timeout: 180_000 };

beforeAll(() => ensureCliBundle(), 120_000);

const optimise = { id: 'stock-found', target: { statistic: 'mean', atMost: 10 }, variables: [stockpileVariable('maker', 12, 1000)] };
const scenario = outageScenario([{ id: 'maker', country: 'GB', demandPerMonth: 10 }]);
const withSection = path.join(scratch, 'outage.json');
writeFileSync(withSection, JSON.stringify({ ...scenario, optimise }));
const bare = path.join(scratch, 'bare.json');
writeFileSync(bare, JSON.stringify(scenario));
const plan = path.join(scratch, 'plan.json');
writeFileSync(plan, JSON.stringify({ scenario: 'bare.json', optimise }));

describe('npm run simulate -- --optimise', SLOW, () => {
  it('finds the closed-form stockpile on 1 and 2 workers alike, writes the frontier, the report section and the scenario with the strategy', async () => {
    const out = path.join(scratch, 'out');
    const written = path.join(scratch, 'written.json');
    const [one, two] = await Promise.all([
      simulate(withSection, '--optimise', '--json', '--workers', '1'),
      simulate(withSection, '--optimise', '--json', '--workers', '2', '--out', out, '--write-strategy', written),
    ]);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    const a = JSON.parse(one.stdout);
    const b = JSON.parse(two.stdout);
    // 100 (6 - S) / 24 <= 10 first holds at S = 4
    expect(a.candidates[a.found.candidate].sizes).toEqual([4]);
    expect(JSON.stringify({ ...b, seconds: 0 })).toBe(JSON.stringify({ ...a, seconds: 0 }));

    expect(readFileSync(path.join(out, 'charts', 'frontier.csv'), 'utf8').split('\n')[0]).toMatch(/^kind,label,trials,cost_mean,.*size_stock-maker$/);
    expect(readFileSync(path.join(out, 'charts', 'frontier.svg'), 'utf8')).toMatch(/data-chart="frontier"/);
    expect(readFileSync(path.join(out, 'charts', 'frontier@2x.png')).subarray(1, 4).toString()).toBe('PNG');
    const report = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(report).toContain('id="optimise"');
    expect(report).toContain('data-chart-figure="frontier"');

    const checked = validateScenario(JSON.parse(readFileSync(written, 'utf8')));
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.scenario.strategies!.map((s) => s.id)).toEqual(['stock-found']);
    expect(two.stderr).toContain('strategy "stock-found" added');
  });

  it('runs a plan file that names its scenario, and prints a table', async () => {
    const r = await simulate(plan, '--optimise', '--workers', '1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/cheapest found to meet it: stock-maker 4/);
    expect(r.stdout).toMatch(/met with 95% confidence: yes/);
  });

  it.each([
    ['a scenario without an optimise section', [bare, '--optimise'], /has no "optimise" section/],
    ['--write-strategy without --optimise', [withSection, '--write-strategy', 'x.json'], /--write-strategy needs --optimise/],
    ['a plan with a bad target', [(() => {
      const bad = path.join(scratch, 'bad-plan.json');
      writeFileSync(bad, JSON.stringify({ scenario: 'bare.json', optimise: { ...optimise, target: { of: { country: 'DE' }, statistic: 'mean', atMost: 1 } } }));
      return bad;
    })(), '--optimise'], /\/optimise\/target\/of\/country: no maker is in "DE"/],
  ])('refuses %s with status 2', async (_, args, message) => {
    const r = await simulate(...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
