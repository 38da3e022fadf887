/** flows.csv of --out: one row per strategy, flow series and period, with the calendar month when month 0 is known. */
import { describe, expect, it } from 'vitest';
import { FLOWS_HEADER, flowsCsv } from '../../src/cli/write-outputs.ts';
import { runScenario } from '../../src/engine/run-scenario.ts';
import { singleChain } from '../engine/builders.ts';

/** AU mine -> CN refinery -> GB maker, a 50% ban on China's exports in months 4-6. */
function banned() {
  const s = singleChain({ horizonMonths: 12, capacityPerPeriod: 100 });
  s.nodes[1].country = 'CN';
  s.disruptions = [{ id: 'ban', target: { country: 'CN', exportsOnly: true }, start: 4, duration: 3, severity: 0.5 }];
  return s;
}

describe('flows.csv', () => {
  it('has a row per strategy, series and period, the run\'s numbers in it', () => {
    const result = runScenario(banned(), { trials: 5, seed: 1, attribution: false, flows: true });
    const lines = flowsCsv(result, '2025-11')!.trimEnd().split('\n');
    expect(lines[0]).toBe(FLOWS_HEADER);
    const series = result.strategies[0].flows!;
    expect(lines.length).toBe(1 + series.length * result.periods);
    const cells = lines.slice(1).map((l) => l.split(','));
    const row = cells.find((c) => c[1] === 'processing' && c[2] === 'CN' && c[3] === 'GB' && c[4] === 'shipped' && c[5] === '4')!;
    // period 4 is month 4, March 2026 from November 2025; half the planned flow leaves China
    expect(row.slice(0, 8)).toEqual(['baseline', 'processing', 'CN', 'GB', 'shipped', '4', '4', '2026-03']);
    expect(Number(row[8])).toBeCloseTo(series.find((f) => f.stage === 'processing' && f.from === 'CN' && f.to === 'GB')!.planned[4], 12);
    expect(row.slice(9)).toEqual(['0.5', '0.5', '0.5']);
  });

  it('leaves the calendar month empty without month 0, and is absent for a run without flows', () => {
    const withFlows = runScenario(banned(), { trials: 2, seed: 1, attribution: false, flows: true });
    expect(flowsCsv(withFlows)!.split('\n')[1].split(',')[7]).toBe('');
    expect(flowsCsv(runScenario(banned(), { trials: 2, seed: 1, attribution: false }))).toBe(null);
  });
});
