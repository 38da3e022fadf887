/** Per-trial samples (issue 12): streamed chunk by chunk in trial order, the same numbers as the run's result. */
import { describe, expect, it } from 'vitest';
import { compileRun } from '../../src/engine/compile-run.ts';
import { mergePartials } from '../../src/engine/merge.ts';
import { simulateChunk } from '../../src/engine/simulate-chunk.ts';
import { summariseRun } from '../../src/engine/summarise-run.ts';
import { createSamplesSink } from '../../src/export/samples-csv.ts';
import { exampleRun, parseCsv } from './fixture.ts';

describe('samples CSV', () => {
  const { scenario } = exampleRun();
  const run = { ...compileRun(scenario, { trials: 23, seed: 4, attribution: false }), makerSamples: true };
  const ranges: [number, number][] = [[0, 5], [5, 13], [13, 23]];

  it('writes every trial of every strategy once, in trial order, whatever order the chunks finish in', () => {
    const texts: string[] = [];
    const sink = createSamplesSink(run, scenario.unit, (t) => texts.push(t));
    const parts = ranges.map(([from, to]) => simulateChunk(run, from, to));
    // the last chunk first: nothing but the header is written until the first arrives
    sink.add(parts[2]);
    sink.add(parts[1]);
    expect(texts).toHaveLength(1);
    expect(sink.written).toBe(0);
    sink.add(parts[0]);
    expect(sink.written).toBe(23);
    // written chunks lose their per-maker arrays, so the merge never keeps them
    expect(parts.every((p) => p.strategies.every((s) => s.makerShortfall === undefined))).toBe(true);
    const result = summariseRun(scenario, run, mergePartials(parts, run.trials, run.attributionTrials));
    const rows = parseCsv(texts.join(''));
    expect(rows).toHaveLength(23 * run.models.length);
    expect(rows.slice(0, run.models.length).map((r) => [r.strategy, r.trial])).toEqual(run.models.map((m) => [m.strategyId, '0']));
    for (const s of result.strategies) {
      const mine = rows.filter((r) => r.strategy === s.id);
      expect(mine.map((r) => Number(r.trial))).toEqual(Array.from({ length: 23 }, (_, i) => i));
      const total = mine.reduce((sum, r) => sum + Number(r.shortfall_t), 0);
      expect(total / 23).toBeCloseTo(s.metrics.shortfall.mean, 9);
      // each maker's column adds up to its mean shortfall of the result
      for (const [id, m] of Object.entries(s.metrics.byMaker)) {
        const sum = mine.reduce((x, r) => x + Number(r[`shortfall_${id}_t`]), 0);
        expect(sum / 23).toBeCloseTo(m.shortfall, 9);
      }
      // and the makers' shortfalls add up to the trial's
      for (const r of mine) {
        const makers = Object.keys(s.metrics.byMaker).reduce((x, id) => x + Number(r[`shortfall_${id}_t`]), 0);
        expect(makers).toBeCloseTo(Number(r.shortfall_t), 6);
      }
    }
  });
});
