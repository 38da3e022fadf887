/** How many lanes a block gets: the most where its arrival rings are small, fewer where a long horizon makes them large. */
import { describe, expect, it } from 'vitest';
import { arrivalRing, blockLanes, MAX_LANES } from '../../src/engine/block.ts';
import { compileModel } from '../../src/engine/compile.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { syntheticScenario } from '../../bench/synthetic-scenario.ts';

/** The bench chain over 100 years of weeks, its Red Sea delays drawn from an unbounded distribution. */
function weeklyCentury(): Scenario {
  const s = syntheticScenario();
  s.periodsPerYear = 52;
  s.horizonMonths = 1200;
  s.disruptions = (s.disruptions ?? []).map((d) => (d.id === 'red-sea' ? { ...d, addedTransitMonths: { exponential: 2 } } : d));
  return s;
}

describe('blockLanes', () => {
  it('gives the bench chain the most lanes', () => {
    expect(blockLanes(compileModel(syntheticScenario(), null))).toBe(MAX_LANES);
  });

  it('gives a century of weeks with unbounded added transit fewer lanes, its rings under 32 MB', () => {
    const model = compileModel(weeklyCentury(), null);
    const ring = arrivalRing(model);
    // The ring spans the horizon: an exponential delay has no upper bound.
    expect(ring).toBe(model.periods + 1);
    const lanes = blockLanes(model);
    expect(lanes).toBeLessThan(MAX_LANES);
    expect(lanes).toBeGreaterThanOrEqual(8);
    const rows = 2 * model.nodeIds.length + (model.flowPlan ? model.linkFrom.length : 0);
    expect(rows * ring * lanes * 8).toBeLessThanOrEqual(32 * 2 ** 20);
    // Twice the lanes would have passed it.
    expect(rows * ring * lanes * 2 * 8).toBeGreaterThan(32 * 2 ** 20);
  });
});
