/**
 * The historical replays (issue 11): each validates and runs, states at least one timing and one size
 * comparison, and every comparison refers to months inside its horizon and to a series measuring the
 * same flow. Then every comparison is run and its verdict must be the one docs/replays.md recorded at
 * the first run: a pass that turns into a miss, or the reverse, fails here and makes someone look.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { comparedStrategy, evaluateComparisons, findFlow } from '../../src/analysis/replay-comparisons.ts';
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

/** The results docs/replays.md records under each replay's table: comparison id -> its row. */
function recordedResults(): Map<string, { model: string; observed: string; tolerance: string; verdict: string }> {
  const text = readFileSync(new URL('../../docs/replays.md', import.meta.url), 'utf8');
  const rows = new Map<string, { model: string; observed: string; tolerance: string; verdict: string }>();
  let inResults = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('| comparison | model | observed | tolerance | verdict |')) inResults = true;
    else if (!line.startsWith('|')) inResults = false;
    else if (inResults && !line.startsWith('| ---')) {
      const [id, model, observed, tolerance, verdict] = line.split('|').slice(1).map((c) => c.trim());
      rows.set(id, { model, observed, tolerance, verdict });
    }
  }
  return rows;
}

// Every replay is deterministic (no input is drawn), so any number of trials gives the same means; 200
// is enough for the check below, that no compared month differs between trials, to mean something.
const TRIALS = 200;

describe('the comparisons, against the verdicts recorded at their first run', () => {
  const recorded = recordedResults();

  describe.each(files)('%s', (file) => {
    const scenario = validateScenario(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
    if (!scenario.ok) throw new Error(formatIssues(scenario.issues));
    const s = scenario.scenario;
    const result = runScenario(s, { trials: TRIALS, attribution: false });
    const outcomes = evaluateComparisons(s, result);

    it.each(outcomes.map((o) => [o.id, o] as const))('%s keeps its recorded verdict', (id, o) => {
      const row = recorded.get(id);
      expect(row, `docs/replays.md records no first-run result for ${id}`).toBeDefined();
      // the recorded row is about this comparison as it stands: its observed value and tolerance unchanged
      expect(row!.observed).toBe(String(o.observed));
      expect(row!.tolerance).toBe(o.tolerance);
      expect(o.verdict, `${id}: ${o.reason}`).toBe(row!.verdict);
      if (o.verdict !== 'pass') return;
      const c = s.comparisons!.find((x) => x.id === id)!;
      const tolerance = c.tolerance as { months?: number; absolute?: number };
      if (c.kind === 'timing') expect(Math.abs(o.difference!)).toBeLessThanOrEqual(tolerance.months!);
      else if (c.kind === 'size') expect(Math.abs(o.difference!)).toBeLessThanOrEqual(tolerance.absolute! + 1e-9);
      else expect(o.model).toBe(o.observed);
    });

    it('has no Monte Carlo error in the compared series: every trial gives the same r in every month', () => {
      for (const c of s.comparisons ?? []) {
        const f = findFlow(comparedStrategy(result, c)!.flows!, c.flow, c.counted ?? 'shipped')!;
        f.mean.forEach((_, t) => {
          // If a replay ever draws something (noise, a drawn start), its means carry Monte Carlo error:
          // then set TRIALS so that the error is small against each passing comparison's margin.
          expect(f.p95[t], `${c.id}, period ${t}: P5 ${f.p5[t]} and P95 ${f.p95[t]} differ`).toBe(f.p5[t]);
        });
      }
    });
  });

  it('records a result for no comparison that does not exist', () => {
    const ids = new Set(files.flatMap((f) => (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Scenario).comparisons ?? []).map((c) => c.id));
    expect([...recorded.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });
});
