/**
 * The historical replays (issue 11): each validates and runs, states at least one timing and one size
 * comparison, and every comparison refers to months inside its horizon and to a series measuring the
 * same flow. The comparisons themselves run once the engine reports flows between countries.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { runScenario } from '../../src/engine/run-scenario.ts';
import { formatIssues, validateScenario } from '../../src/model/validate.ts';
import type { Scenario } from '../../src/model/schema.ts';

const dir = new URL('../../scenarios/replays/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

/** Months from month 0 to a "YYYY-MM" month. */
const offset = (monthZero: string, month: string): number => {
  const [y0, m0] = monthZero.split('-').map(Number);
  const [y, m] = month.split('-').map(Number);
  return (y - y0) * 12 + (m - m0);
};

describe('historical replays', () => {
  it('include the four events issue 11 names', () => {
    expect(files).toEqual(expect.arrayContaining(['gallium-2023.json', 'graphite-2023.json', 'nickel-2020.json', 'cobalt-2025.json']));
  });

  describe.each(files)('%s', (file) => {
    const raw = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Scenario;

    it('validates, with an id matching its file name, and runs', () => {
      const v = validateScenario(raw);
      if (!v.ok) throw new Error(formatIssues(v.issues));
      expect(raw.id).toBe(file.replace(/\.json$/, ''));
      const r = runScenario(raw, { trials: 50, seed: 1, attribution: false });
      for (const st of r.strategies) expect(Number.isFinite(st.metrics.shortfallPct.mean)).toBe(true);
    });

    it('states at least one timing and one size comparison', () => {
      const kinds = new Set((raw.comparisons ?? []).map((c) => c.kind));
      expect(kinds.has('timing') && kinds.has('size')).toBe(true);
    });

    it('starts before its event and keeps every compared month inside the horizon', () => {
      const starts = (raw.disruptions ?? []).map((d) => (typeof d.start === 'number' ? d.start : NaN));
      expect(Math.min(...starts)).toBeGreaterThan(0);
      for (const c of raw.comparisons ?? []) {
        const months = [typeof c.observed === 'string' && /^\d{4}-\d{2}$/.test(c.observed) ? c.observed : null, c.window?.from, c.window?.to].filter((m): m is string => !!m);
        for (const m of months) {
          const k = offset(raw.monthZero!, m);
          expect(k, `${c.id}: ${m}`).toBeGreaterThanOrEqual(0);
          expect(k, `${c.id}: ${m}`).toBeLessThan(raw.horizonMonths);
        }
      }
    });

    it('compares each series on the flow it measures', () => {
      for (const c of raw.comparisons ?? []) {
        const series = (raw.observed ?? []).find((o) => o.id === c.observedSeries);
        expect(series?.flow, c.id).toEqual(c.flow);
      }
    });
  });
});
