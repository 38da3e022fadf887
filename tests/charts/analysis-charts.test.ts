/** The stress test's and the sensitivity analysis's charts, drawn from real results of small runs. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/model/schema.ts';
import { inProcessStress, runStressTest } from '../../src/analysis/stress-run.ts';
import { inProcessSensitivity, runSensitivity } from '../../src/analysis/sensitivity-run.ts';
import type { StressResult } from '../../src/analysis/stress-result.ts';
import type { SensitivityResult } from '../../src/analysis/sensitivity-result.ts';
import { distinctCuts, exposureData, survivalData, tornadoData } from '../../src/report/analysis-chart-data.ts';
import { exposureChart, survivalChart, tornadoChart } from '../../src/charts/index.ts';
import { all, expectChartBasics, newDocument } from './fixture.ts';

const gallium = JSON.parse(readFileSync(new URL('../../scenarios/gallium.json', import.meta.url), 'utf8')) as Scenario;
let stress: StressResult;
let sensitivity: SensitivityResult;

beforeAll(async () => {
  stress = await runStressTest(gallium, { trials: 30, seed: 4, months: [3, 6], strategies: ['eu-stockpile-6m'], top: 3 }, inProcessStress());
  sensitivity = await runSensitivity(gallium, { trials: 20, seed: 4, strategy: 'eu-stockpile-6m' }, inProcessSensitivity());
}, 120_000);

describe('exposureChart', () => {
  it('draws one bar and interval per distinct cut, the most exposing first, named by its node', () => {
    const data = exposureData(stress, 6);
    const svg = exposureChart(data, { document: newDocument() });
    const bars = all(svg, 'rect.mark.bar');
    const distinct = distinctCuts(stress, 6);
    expect(bars.length).toBe(Math.min(15, distinct.length));
    expectChartBasics(svg, { unitInAxis: '(t Ga)', marks: 2 * bars.length });
    const means = data.bars.map((b) => b.mean);
    expect(means).toEqual([...means].sort((a, b) => b - a));
    // a node alone at its stage in its country is named by the node, the country listed as the same cut
    expect(data.bars.every((b) => b.kind !== 'country')).toBe(true);
    expect(data.bars.some((b) => b.also.includes('CN processing'))).toBe(true);
    // the kind is written under each name, not only coloured
    expect(all(svg, '.row-sub').map((e) => e.textContent).every((t) => /^(node|country at a stage|shipping route)/.test(t ?? ''))).toBe(true);
    expect(svg.querySelector('.chart-title')!.textContent).toContain('6 months');
    expect(all(svg, '.value-label')[0].textContent).toContain('index 1.00');
  });
});

describe('survivalChart', () => {
  it('draws a box, whisker and median per cut the maker depends on, and the cut duration as a rule', () => {
    const data = survivalData(stress, 'maker-eu', 3);
    const svg = survivalChart(data, { document: newDocument() });
    expect(data.rows.length).toBeGreaterThan(1);
    expectChartBasics(svg, { unitInAxis: 'Months', marks: 3 * data.rows.length + 1 });
    const rule = svg.querySelector('line.cut-rule')!;
    const ruleX = Number(rule.getAttribute('x1'));
    // a median at the cut's duration (never fell short) sits on the rule
    data.rows.forEach((row, i) => {
      const x = Number(all(svg, 'line.median')[i].getAttribute('x1'));
      if (row.p50 === 3) expect(x).toBeCloseTo(ruleX, 6);
      else expect(x).toBeLessThan(ruleX);
    });
    expect(all(svg, '.prob-label').map((e) => e.textContent)).toEqual(data.rows.map((r) => `${Math.round(100 * r.probBelowCut)}%`));
    const probs = data.rows.map((r) => r.probBelowCut);
    expect(probs).toEqual([...probs].sort((a, b) => b - a));
  });

  it('draws a strategy on its top cuts', () => {
    const data = survivalData(stress, 'maker-eu', 6, 'eu-stockpile-6m');
    const svg = survivalChart(data, { document: newDocument() });
    expect(svg.getAttribute('data-strategy')).toBe('eu-stockpile-6m');
    expect(data.rows.length).toBeGreaterThan(0);
  });
});

describe('tornadoChart', () => {
  it('draws a low and a high bar per input, ranked by the swing, each setting written at its end', () => {
    const data = tornadoData(sensitivity, 'eu-stockpile-6m');
    const svg = tornadoChart(data, { document: newDocument() });
    expect(data.rows).toHaveLength(15);
    expectChartBasics(svg, { unitInAxis: '(t Ga)', marks: 4 * data.rows.length });
    const swings = data.rows.map((r) => Math.abs(r.swing.mean));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(all(svg, 'rect.bar-low')).toHaveLength(15);
    expect(all(svg, 'rect.bar-high').every((b) => b.getAttribute('fill') === 'url(#tornado-hatch-eu-stockpile-6m)')).toBe(true);
    expect(svg.querySelector('pattern#tornado-hatch-eu-stockpile-6m')).not.toBeNull();
    const labels = all(svg, '.setting-label').map((e) => e.textContent ?? '');
    expect(labels.filter((t) => /^(P10|−20%( \(clipped\))?|step down):/.test(t))).toHaveLength(15);
    expect(labels.filter((t) => /^(P90|\+20%( \(clipped\))?|step up):/.test(t))).toHaveLength(15);
    // a yield of 0.97 cannot go 20% up: its high setting says it was clipped at 1
    expect(labels).toContain('+20% (clipped): 1 fraction');
    expect(svg.querySelector('.omitted')!.textContent).toMatch(/^\d+ more inputs/);
  });
});
