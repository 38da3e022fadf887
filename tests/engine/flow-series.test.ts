/** Flow series between countries: a hand-computed ban, shipped against arrived, and exact merge. */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { singleChain } from './builders.ts';

/** AU mine -> CN refinery -> GB maker, one month of transit on the refinery's link, a 50% export ban for 3 months from month 4. */
function banned(): Scenario {
  const s = singleChain({ horizonMonths: 12, capacityPerPeriod: 100 });
  s.nodes[1].country = 'CN';
  s.nodes[2].sources = [{ from: 'ref', share: 1, transitMonths: 1 }];
  s.disruptions = [{ id: 'ban', target: { country: 'CN', exportsOnly: true }, start: 4, duration: 3, severity: 0.5 }];
  return s;
}

describe('flow series', () => {
  it('follow a ban as shipped, and one transit later as arrived, relative to the planned flow', () => {
    const r = runScenario(banned(), { trials: 3, seed: 1, attribution: false, flows: true }).strategies[0];
    const find = (from: string, to: string, counted: string) => r.flows!.find((f) => f.stage === 'processing' && f.from === from && f.to === to && f.counted === counted)!;
    const shipped = find('CN', 'GB', 'shipped');
    const arrived = find('CN', 'GB', 'arrived');
    expect(shipped.planned.every((p) => Math.abs(p - 100) < 1e-9)).toBe(true);
    // r to the nearest 0.01
    expect(shipped.mean).toEqual([1, 1, 1, 1, 0.5, 0.5, 0.5, 1, 1, 1, 1, 1]);
    expect(shipped.p5.slice(3, 8)).toEqual([1, 0.5, 0.5, 0.5, 1]);
    expect(arrived.p5.slice(4, 9)).toEqual([1, 0.5, 0.5, 0.5, 1]);
    // the exports group is the same flow; extraction AU -> CN is untouched by a ban on China's exports
    expect(find('CN', '*', 'shipped').p95).toEqual(shipped.p95);
    const upstream = r.flows!.find((f) => f.stage === 'extraction' && f.from === 'AU' && f.to === 'CN' && f.counted === 'shipped')!;
    expect(upstream.p5.every((x) => x === 0.5 || x === 1)).toBe(true);
  });

  it('change nothing else, and merge exactly whatever the split', () => {
    const s = banned();
    s.nodes[2].demandNoise = { normal: [1, 0.1] };
    const plain = runScenario(s, { trials: 20, seed: 4 });
    const withFlows = runScenario(s, { trials: 20, seed: 4, flows: true });
    expect(withFlows.strategies[0].metrics).toEqual(plain.strategies[0].metrics);
    const split = runScenario(s, { trials: 20, seed: 4, flows: true }, [[0, 7], [7, 8], [8, 20]]);
    expect(JSON.stringify(split)).toBe(JSON.stringify(withFlows));
  });
});
