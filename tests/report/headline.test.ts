import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/engine/result.ts';
import { headline, headlineText, type HeadlineFigure, type HeadlineLine } from '../../src/report/headline.ts';
import { exampleRun } from '../charts/fixture.ts';

const figures = (line: HeadlineLine | undefined): Record<string, number> =>
  Object.fromEntries((line?.segments ?? []).filter((s): s is HeadlineFigure => typeof s !== 'string').map((s) => [s.figure, s.value]));
const byId = (lines: HeadlineLine[], id: HeadlineLine['id']) => lines.find((l) => l.id === id);
const clone = (r: RunResult): RunResult => structuredClone(r);

describe('headline', () => {
  const { result, scenario } = exampleRun();
  const lines = headline(result, scenario);

  it('names the country whose makers lose the largest share of demand, with its interval', () => {
    // the example has one maker per country, so each country's figure is its maker's own
    const makers = Object.values(result.strategies[0].metrics.byMaker);
    const worst = makers.reduce((a, b) => (b.shortfallPct.mean > a.shortfallPct.mean ? b : a));
    const line = byId(lines, 'worst-country')!;
    expect(figures(line)).toEqual({ 'worst.mean': worst.shortfallPct.mean, 'worst.lo': worst.shortfallPct.ci95[0], 'worst.hi': worst.shortfallPct.ci95[1] });
    expect(headlineText(line)).toContain(`(${worst.country}) makers lose ${worst.shortfallPct.mean.toFixed(1)}%`);
    expect(headlineText(line)).toContain('over 5 years');
    expect(line.target).toBe('metrics-makers');
  });

  it('names the strategy that avoids the most shortfall, what it leaves that country, and its cost a year', () => {
    const others = result.strategies.slice(1);
    const best = others.reduce((a, b) => (b.vsBaseline!.shortfall.mean < a.vsBaseline!.shortfall.mean ? b : a));
    const line = byId(lines, 'best-strategy')!;
    const f = figures(line);
    expect(headlineText(line).startsWith(`“${best.name}” avoids the most shortfall`)).toBe(true);
    expect(f['best.avoided']).toBe(-best.vsBaseline!.shortfall.mean);
    expect([f['best.avoidedLo'], f['best.avoidedHi']]).toEqual([-best.vsBaseline!.shortfall.ci95[1], -best.vsBaseline!.shortfall.ci95[0]]);
    const worstId = Object.entries(result.strategies[0].metrics.byMaker).reduce((a, b) => (b[1].shortfallPct.mean > a[1].shortfallPct.mean ? b : a))[0];
    expect(f['best.worstCountryMean']).toBe(best.metrics.byMaker[worstId].shortfallPct.mean);
    expect(f['best.extraCostPerYear']).toBeCloseTo((best.metrics.cost.mean - result.strategies[0].metrics.cost.mean) / 5, 6);
    expect(headlineText(line)).toMatch(/USD [\d,.]+ m a year/);
    expect(line.target).toBe('chart-comparison');
  });

  it('names the cheapest strategy per unit avoided, with its cost per unit in the currency', () => {
    const cheap = result.strategies.slice(1).filter((s) => s.vsBaseline!.costPerUnitAvoided !== null);
    const cheapest = cheap.reduce((a, b) => (b.vsBaseline!.costPerUnitAvoided! < a.vsBaseline!.costPerUnitAvoided! ? b : a));
    const line = byId(lines, 'cheapest-strategy')!;
    expect(figures(line)['cheapest.costPerUnitAvoided']).toBe(cheapest.vsBaseline!.costPerUnitAvoided);
    expect(headlineText(line)).toContain(`per ${result.unit}`);
    expect(headlineText(line)).toContain(`USD ${Math.round(cheapest.vsBaseline!.costPerUnitAvoided!).toLocaleString('en-US')} per ${result.unit}`);
  });

  it('pools a country of several makers by their demand', () => {
    const r = clone(result);
    const ids = Object.keys(r.strategies[0].metrics.byMaker);
    // both makers become one country, 400 t (maker-gb) and no stated demand (maker-cn): all weight on maker-gb
    for (const s of r.strategies) for (const id of ids) s.metrics.byMaker[id].country = 'EU';
    const line = headline(r, scenario)[0];
    expect(headlineText(line)).toContain('European Union (EU) makers (2 makers, weighted by demand) lose');
    expect(figures(line)['worst.mean']).toBe(r.strategies[0].metrics.byMaker['maker-gb'].shortfallPct.mean);
  });

  it('says so when no strategy helps, and when only the baseline ran', () => {
    const r = clone(result);
    for (const s of r.strategies.slice(1)) {
      s.vsBaseline!.shortfall.mean = 1;
      s.vsBaseline!.costPerUnitAvoided = null;
    }
    const none = headline(r, scenario);
    expect(none.map((l) => l.id)).toEqual(['worst-country', 'best-strategy']);
    expect(headlineText(none[1])).toMatch(/^No strategy reduces the shortfall/);
    const only = headline({ ...r, strategies: r.strategies.slice(0, 1) }, scenario);
    expect(only.map((l) => l.id)).toEqual(['worst-country']);
  });

  it('says what a strategy saves when it costs less than the baseline', () => {
    const r = clone(result);
    const best = r.strategies.slice(1).reduce((a, b) => (b.vsBaseline!.shortfall.mean < a.vsBaseline!.shortfall.mean ? b : a));
    best.metrics.cost.mean = r.strategies[0].metrics.cost.mean - 5e6;
    const text = headlineText(byId(headline(r, scenario), 'best-strategy')!);
    expect(text).toContain('while saving USD 1.00 m a year');
  });
});
