/** The chart "model against what was reported": a real replay's panels, and hand-made data for placement and edge cases. */
import { describe, expect, it } from 'vitest';
import { replayChart, serializeSvg } from '../../src/charts/index.ts';
import type { ReplayData, ReplayPanel } from '../../src/charts/data-types.ts';
import { evaluateComparisons } from '../../src/analysis/replay-comparisons.ts';
import { all, expectChartBasics, newDocument, replayRun } from './fixture.ts';

describe('the replay chart of a real replay', () => {
  it('draws a panel per observed series with its band, mean, reported points and scripted event, every mark with a hover', () => {
    const { data, scenario, result } = replayRun('gallium-2023');
    const svg = replayChart(data.replay, { document: newDocument() });
    const points = scenario.observed!.flatMap((s) => s.points).length;
    expectChartBasics(svg, { unitInAxis: '% of planned flow', marks: 1 + 1 + 1 + points });
    expect(all(svg, '.panel').length).toBe(scenario.observed!.length);
    expect(all(svg, '.mark.reported').length).toBe(points);
    // the reading counts the comparisons that hold, as the evaluation does
    const outcomes = evaluateComparisons(scenario, result);
    const passed = outcomes.filter((o) => o.verdict === 'pass').length;
    expect(svg.querySelector('.chart-reading')?.textContent).toContain(`${passed} of ${outcomes.length} comparisons within tolerance`);
    // each comparison under the plot, its verdict in words (not only a colour)
    const notes = all(svg, '.comparison-note');
    expect(notes.map((n) => [n.getAttribute('data-comparison'), n.getAttribute('data-verdict')])).toEqual(outcomes.map((o) => [o.id, o.verdict]));
    for (const n of notes) expect(n.textContent).toMatch(new RegExp(`^(pass|miss|not run): ${n.getAttribute('data-comparison')}`));
  });

  it('names each reported point\'s source (title and address) in its hover, and the months as dates on the x axis', () => {
    const { data, scenario } = replayRun('gallium-2023');
    const svg = replayChart(data.replay, { document: newDocument() });
    const refs = new Map(scenario.references!.map((r) => [r.id, r]));
    const series = scenario.observed![0];
    all(svg, '.mark.reported').forEach((mark, i) => {
      const point = series.points[i];
      const ref = refs.get(point.reference ?? series.reference)!;
      const hover = mark.querySelector('title')!.textContent!;
      expect(hover).toContain(ref.title);
      expect(hover).toContain(ref.url);
      expect(mark.getAttribute('data-period')).toBe(point.period);
    });
    const ticks = all(svg, '.axis-x .tick text').map((t) => t.textContent);
    expect(ticks.length).toBeGreaterThan(3);
    for (const t of ticks) expect(t).toMatch(/^(Jan|Apr|Jul|Oct) \d{4}$/);
    expect(all(svg, '.axis-label').map((e) => e.textContent)).toContain('Month →');
  });

  it('draws a replay compared on a strategy with that strategy in the legend and its panel', () => {
    const { data, result } = replayRun('nickel-2020');
    const svg = replayChart(data.replay, { document: newDocument() });
    const panels = all(svg, '.panel');
    expect(panels.length).toBe(2);
    const switching = result.strategies.find((s) => s.id === 'market-switching')!;
    expect(panels[1].querySelector('.series')?.getAttribute('data-series')).toBe('market-switching');
    expect(all(svg, '.legend-item').map((l) => l.getAttribute('data-series')).filter(Boolean)).toEqual(['baseline', 'market-switching']);
    expect(all(svg, '.legend-item text').map((t) => t.textContent).join(' ')).toContain('Model mean and P5–P95');
    expect(panels[1].querySelector('.panel-subtitle')?.textContent).toContain(switching.name.split(' ')[0]);
  });
});

// ---- hand-made data ---------------------------------------------------------------------------------

const panel = (more: Partial<ReplayPanel> = {}): ReplayPanel => ({
  id: 'exports',
  title: 'Exports',
  unit: 't/month',
  flowLabel: 'processing CN → any other country, counted when shipped',
  strategy: { id: 'baseline', name: 'Baseline', index: 0 },
  normal: { period: '2022-01/2022-12', value: 10 },
  model: Array.from({ length: 12 }, (_, t) => ({ month: t, mean: t === 5 ? null : t >= 6 && t < 8 ? 0 : 100, p5: t === 5 ? null : t >= 6 && t < 8 ? 0 : 90, p95: t === 5 ? null : 110 })),
  observed: [
    { period: '2022-01/2022-12', fromMonth: -12, toMonth: -1, value: 10, pct: 100, normal: true, source: { id: 'r', title: 'Customs', url: 'https://example.org/a' }, note: null },
    { period: '2023-06', fromMonth: 5, toMonth: 5, value: 5, pct: 50, normal: false, source: null, note: 'half' },
  ],
  comparisons: [{ id: 'fall', kind: 'timing', verdict: 'miss', text: 'miss: fall (timing), model Jul 2023, reported Jun 2023, tolerance ±0 months', reason: 'one month late' }],
  ...more,
});
const data = (panels: ReplayPanel[]): ReplayData => ({ monthZero: '2023-01', periodMonths: 1, horizonMonths: 12, windows: [{ id: 'ban', name: 'Ban', startMonth: 6, endMonth: 8 }], panels });
// d3-axis shifts its ticks half a pixel for crisp lines, so tick positions are the scale's within 0.5
const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(0.5 + 1e-9);
const translate = (el: Element) => (el.getAttribute('transform') ?? '').match(/translate\(([-\d.]+),([-\d.]+)\)/)!.slice(1).map(Number);

describe('the replay chart on hand-made data', () => {
  it('places a month at its middle and a span across its months, on the same scale as the model', () => {
    const svg = replayChart(data([panel()]), { document: newDocument() });
    const [normal, june] = all(svg, '.mark.reported');
    // the axis starts at the first reported month, a year before month 0
    const tickX = new Map(all(svg, '.axis-x .tick').map((t) => [t.querySelector('text')!.textContent, translate(t)[0]]));
    const span = normal.querySelector('line')!;
    near(Number(span.getAttribute('x1')), tickX.get('Jan 2022')!);
    near(Number(span.getAttribute('x2')), tickX.get('Jan 2023')!);
    expect(june.querySelector('line')).toBeNull();
    const [x, y] = translate(june.querySelector('path')!);
    const perMonth = (tickX.get('Jan 2023')! - tickX.get('Jan 2022')!) / 12;
    near(x, tickX.get('Jan 2023')! + 5.5 * perMonth);
    // 50% sits halfway between the 0% and 100% grid ticks
    const tickY = new Map(all(svg, '.axis-y .tick').map((t) => [t.querySelector('text')!.textContent, translate(t)[1]]));
    near(y, (tickY.get('0%')! + tickY.get('100%')!) / 2);
    expect(june.querySelector('title')!.textContent).toContain('Jun 2023: 5 t/month = 50% of normal');
    expect(june.querySelector('title')!.textContent).toContain('Note: half');
    expect(normal.querySelector('title')!.textContent).toContain('(this is the normal)');
  });

  it('breaks the model line where nothing was planned, and draws no NaN', () => {
    const svg = replayChart(data([panel()]), { document: newDocument() });
    const d = svg.querySelector('.mark.mean')!.getAttribute('d')!;
    expect(d.match(/M/g)?.length).toBe(2);
    expect(serializeSvg(svg)).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('says when a series has no normal or the run no model flow, and draws neither', () => {
    const noNormal = panel({ normal: null, model: [], observed: panel().observed.map((o) => ({ ...o, pct: null, normal: false })) });
    const svg = replayChart(data([noNormal]), { document: newDocument() });
    expect(all(svg, '.mark.reported').length).toBe(0);
    expect(all(svg, '.mark.mean').length).toBe(0);
    const subtitle = all(svg, '.panel-subtitle').map((t) => t.textContent).join(' ');
    expect(subtitle).toContain('no model flow');
    expect(subtitle).toContain('not drawn');
    expect(all(svg, '.legend-item').map((l) => l.textContent)).not.toContain('Reported month');
  });

  it('grows with its panels and keeps each comparison note with its reason as hover', () => {
    const one = replayChart(data([panel()]), { document: newDocument() });
    const two = replayChart(data([panel(), panel({ id: 'imports' })]), { document: newDocument() });
    expect(Number(two.getAttribute('height'))).toBeGreaterThan(Number(one.getAttribute('height')) + 200);
    const note = one.querySelector('.comparison-note')!;
    expect(note.querySelector('title')!.textContent).toBe('fall: one month late');
    expect(note.querySelector('tspan')!.getAttribute('font-weight')).toBe('bold');
    expect(note.querySelector('tspan')!.textContent).toBe('miss:');
  });
});
