/** Common random numbers (model.md section 5): trial i of every strategy sees the same disruptions and world. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileModel } from '../../src/engine/compile.ts';
import { compileRun } from '../../src/engine/compile-run.ts';
import { simulateChunk } from '../../src/engine/simulate-chunk.ts';
import { createTrialState } from '../../src/engine/trial-state.ts';
import { createOutcome, createTrialRunner } from '../../src/engine/simulate-trial.ts';
import { runScenario } from '../../src/engine/run-scenario.ts';
import type { Lever, Scenario, Strategy } from '../../src/model/schema.ts';
import { mineOutage, singleChain } from './builders.ts';

const example = JSON.parse(readFileSync(new URL('../fixtures/example-scenario.json', import.meta.url), 'utf8')) as Scenario;

describe('common random numbers', () => {
  it('a strategy whose only lever is a stockpile never has a larger shortfall than the baseline in any trial', () => {
    const run = compileRun(example, { trials: 300, seed: 'crn', attribution: false, strategies: ['stockpile-3m'] });
    const [base, stock] = simulateChunk(run, 0, 300).strategies;
    let better = 0;
    for (let i = 0; i < 300; i++) {
      expect(stock.outcomes.shortfall[i]).toBeLessThanOrEqual(base.outcomes.shortfall[i] + 1e-9);
      if (stock.outcomes.shortfall[i] < base.outcomes.shortfall[i] - 1e-9) better++;
    }
    expect(better).toBeGreaterThan(0);
  });

  it('appending a lever with random parameters leaves every other draw of every trial unchanged', () => {
    const recycling: Lever = { recycling: { nodes: ['ref-in'], rate: { uniform: [0.05, 0.15] }, lagMonths: 12, rampMonths: 24 } };
    const build: Lever = {
      newCapacity: { nodes: [{ id: 'ref-x', stage: 'processing', country: 'IN', capacity: 100, sources: [{ from: 'mine-au', share: 1 }] }], commissioningMonths: { pert: [6, 12, 30] } },
    };
    const a: Strategy = { id: 'a', levers: [recycling] };
    const b: Strategy = { id: 'b', levers: [recycling, build, { flexibility: { stage: 'manufacturing', fraction: 0.5 } }] };
    const draws = (strategy: Strategy, trial: number) => {
      const model = compileModel(example, strategy);
      const state = createTrialState(model);
      createTrialRunner(model, state)({ seed: 9, trial }, createOutcome());
      const project = model.nodeIds.indexOf('project-ca');
      return {
        events: (({ count, disruption, start, end, magnitude, added }) => [disruption, start, end, magnitude, added].map((x) => [...x.subarray(0, count)]))(state.events[0]),
        projectOnline: state.onlineAt[project],
        recyclingRate: state.recycleRate[0],
      };
    };
    for (let trial = 0; trial < 40; trial++) {
      const da = draws(a, trial);
      expect(draws(b, trial)).toEqual(da);
      expect(da.recyclingRate).toBeGreaterThanOrEqual(0.05);
    }
  });
});

describe('paired comparison', () => {
  it('its 95% interval covers the known difference in about 95% of seeds', () => {
    // Poisson outages at severity 1, one period each; substitution of f x D from the first short period
    // cuts each trial's shortfall by exactly f x D x (periods down), so the mean difference is
    // -f x D x sum over t of P(down at t) = -f x D x H x (1 - exp(-r / 12)).
    const r = 1.5;
    const H = 24;
    const f = 0.4;
    const truth = -f * 100 * H * (1 - Math.exp(-r / 12));
    const s: Scenario = {
      ...singleChain({ horizonMonths: H, disruptions: [mineOutage({ ratePerYear: r, duration: 1 })] }),
      strategies: [{ id: 'substitute', levers: [{ substitution: { nodes: ['maker'], fraction: f } }] }],
    };
    const seeds = 200;
    let covered = 0;
    for (let seed = 0; seed < seeds; seed++) {
      const v = runScenario(s, { trials: 100, seed, attribution: false }).strategies[1].vsBaseline!;
      if (v.shortfall.ci95[0] <= truth && truth <= v.shortfall.ci95[1]) covered++;
    }
    // binomial sd of the coverage over 200 seeds is 1.5 points; allow 3 of them either side
    expect(covered / seeds).toBeGreaterThan(0.95 - 0.046);
    expect(covered / seeds).toBeLessThan(0.95 + 0.046);
  });
});
