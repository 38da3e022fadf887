import { describe, expect, it } from 'vitest';
import { comparisonChart } from '../../src/charts/comparison.ts';
import type { ComparisonData, ComparisonPoint } from '../../src/charts/data-types.ts';
import { fulfilmentChart } from '../../src/charts/fulfilment.ts';
import { textWidth, wrapText } from '../../src/charts/format.ts';
import { boxesOverlap, placeLabel, polylineBoxes, textBlockBox, type Box, type Place } from '../../src/charts/label-placement.ts';
import { LABEL_SIZE } from '../../src/charts/frame.ts';
import { all, newDocument } from './fixture.ts';

const LONG = 'A six-month strategic stockpile at every European chip maker, refilled from Canadian and Japanese refineries';

/** The lines of a text element: its tspans' texts, or its own text. */
const linesOf = (text: Element): string[] => {
  const spans = all(text, 'tspan');
  return spans.length > 0 ? spans.map((s) => s.textContent ?? '') : [text.textContent ?? ''];
};

describe('wrapText', () => {
  it('keeps every character and no line is wider than asked', () => {
    for (const width of [60, 120, 260]) {
      const lines = wrapText(LONG, width, 11);
      // a word longer than a line is split, so compare without the spaces
      expect(lines.join('').replace(/\s/g, '')).toBe(LONG.replace(/\s/g, ''));
      if (width >= 120) expect(lines.join(' ')).toBe(LONG);
      for (const line of lines) expect(textWidth(line, 11)).toBeLessThanOrEqual(width);
    }
  });

  it('breaks a word longer than a line after its hyphens, losing nothing', () => {
    const lines = wrapText('eu-stockpile-and-second-refinery', 60, 10);
    expect(lines.join('')).toBe('eu-stockpile-and-second-refinery');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(10);
    expect(lines[0].endsWith('-')).toBe(true);
  });
});

describe('placeLabel', () => {
  const places: Place[] = [
    { dx: 8, dy: -6, anchor: 'start', grow: 'up' },
    { dx: 8, dy: 14, anchor: 'start' },
    { dx: -8, dy: -6, anchor: 'end', grow: 'up' },
  ];
  const bounds: Box = { x0: 0, x1: 400, y0: 0, y1: 300 };

  it('takes the first place when it is free', () => {
    const placed = placeLabel({ x: 100, y: 100, variants: [['Stockpile']], places, fontSize: 10 }, [], bounds);
    expect(placed.free).toBe(true);
    expect(placed.place).toBe(places[0]);
    expect([placed.x, placed.y]).toEqual([108, 94]);
  });

  it('moves off a line that runs through its first place', () => {
    // a horizontal stretch of a step line just above the point, under the first place
    const line = polylineBoxes([[90, 96], [300, 96]], 2);
    const placed = placeLabel({ x: 100, y: 100, variants: [['Stockpile']], places, fontSize: 10 }, line, bounds);
    expect(placed.free).toBe(true);
    expect(placed.place).toBe(places[1]);
    expect(line.some((b) => boxesOverlap(b, placed.box))).toBe(false);
  });

  it('wraps rather than leave the bounds, and grows upwards above its point', () => {
    const variants = [[LONG], wrapText(LONG, 120, 10)];
    const placed = placeLabel({ x: 100, y: 100, variants, places, fontSize: 10, lineHeight: 12 }, [], bounds);
    expect(placed.lines).toEqual(variants[1]);
    // the last line's baseline stays where a one-line label's would be
    expect(placed.y + (placed.lines.length - 1) * 12).toBe(94);
    expect(placed.box.y1).toBeLessThanOrEqual(100);
  });

  it('says when no place was free', () => {
    const blocked = [{ x0: 0, x1: 400, y0: 0, y1: 300 }];
    expect(placeLabel({ x: 100, y: 100, variants: [['x']], places, fontSize: 10 }, blocked, bounds).free).toBe(false);
  });
});

describe('comparison chart labels', () => {
  // Five strategies close together on the frontier, names long enough that one line cannot fit.
  const point = (id: string, name: string, cost: number, avoided: number, onFrontier: boolean): ComparisonPoint => ({
    id, name, baseline: id === 'baseline', meanCost: cost, meanShortfall: 100 - avoided,
    difference: id === 'baseline' ? null : { mean: -avoided, lo: -avoided - 2, hi: -avoided + 2 }, avoided, onFrontier,
  });
  const data: ComparisonData = {
    unit: 't Ga',
    currency: 'EUR',
    strategies: [
      point('baseline', 'Baseline', 4.80e9, 0, true),
      point('stock-6m', LONG, 4.82e9, 30, true),
      point('stock-3m', 'Three-month stockpile at European and American chip makers', 4.81e9, 18, true),
      point('refinery', 'A second refinery in India with offtake agreements for Japanese makers', 4.86e9, 31, false),
      point('both', 'Stockpile and a second refinery together, with flexible sourcing', 4.90e9, 40, true),
    ],
  };
  const svg = comparisonChart(data, { document: newDocument() });

  it('never covers the frontier line or another label', () => {
    const d = svg.querySelector('.mark.frontier')!.getAttribute('d')!;
    const vertices = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);
    expect(vertices.length).toBeGreaterThan(3);
    const frontier = polylineBoxes(vertices, 0);
    const boxes = all(svg, '.point-label').map((t) => {
      const anchor = t.getAttribute('text-anchor') as Place['anchor'];
      return textBlockBox(Number(t.getAttribute('x')), Number(t.getAttribute('y')), linesOf(t), LABEL_SIZE - 1, anchor, LABEL_SIZE + 1);
    });
    expect(boxes.length).toBe(5);
    for (const [i, b] of boxes.entries()) {
      expect(frontier.filter((f) => boxesOverlap(f, b)), `label ${i} on the frontier`).toEqual([]);
      for (const other of boxes.slice(i + 1)) expect(boxesOverlap(b, other)).toBe(false);
    }
  });

  it('wraps long names in full, in the point labels, the row labels and the legend', () => {
    const word = (s: string) => s.replace(/\s+/g, ' ').trim();
    for (const s of data.strategies) {
      const label = svg.querySelector(`.point-label[data-series="${s.id}"]`)!;
      expect(word(linesOf(label).join(' '))).toBe(s.name);
      const legendText = svg.querySelector(`.legend-item[data-series="${s.id}"] text`)!;
      expect(word(linesOf(legendText).join(' '))).toBe(s.name);
    }
    const row = svg.querySelector('.row-label[data-series="stock-6m"]')!;
    expect(linesOf(row).length).toBeGreaterThan(1);
    // nothing cut but the reading, whose full text is its hover
    expect(svg.querySelector('.plot')!.textContent).not.toContain('…');
    expect(svg.querySelector('.legend')!.textContent).not.toContain('…');
    // the money axis names its unit
    expect(all(svg, '.axis-label').map((a) => a.textContent).join(' ')).toContain('Mean cost (EUR m)');
  });
});

describe('fulfilment y axis', () => {
  const points = [0, 1, 2, 3].map((month) => ({ month, p5: 86.4 + month, p25: 92, p50: 97, p75: 99, p95: 100 }));
  const data = { horizonMonths: 4, periodMonths: 1, strategies: [{ id: 'baseline', name: 'Baseline', points }], windows: [] };

  it('zooms to the data and says that the axis does not start at 0', () => {
    const svg = fulfilmentChart(data, { document: newDocument() });
    const ticks = all(svg, '.axis-y .tick text').map((t) => Number(t.textContent));
    expect(Math.min(...ticks)).toBe(85);
    expect(svg.querySelector('.axis-y .axis-label')!.textContent).toContain('axis starts at 85%, not 0');
    expect(svg.querySelector('.axis-break title')!.textContent).toContain('starts at 85%');
  });

  it('keeps the full scale when asked, or when the data reaches below half', () => {
    const full = fulfilmentChart(data, { document: newDocument(), yMin: 0 });
    expect(full.querySelector('.axis-break')).toBeNull();
    const low = { ...data, strategies: [{ ...data.strategies[0], points: points.map((p) => ({ ...p, p5: 30 })) }] };
    const svg = fulfilmentChart(low, { document: newDocument() });
    expect(Math.min(...all(svg, '.axis-y .tick text').map((t) => Number(t.textContent)))).toBe(0);
    expect(svg.querySelector('.axis-break')).toBeNull();
  });
});
