/** Runs one trial of a small scenario under a strategy made of given levers, with its per-period trace. */
import { compileModel } from '../../src/engine/compile.ts';
import { createTrialState } from '../../src/engine/trial-state.ts';
import { createOutcome, createTrace, simulateTrial, type TrialTrace } from '../../src/engine/simulate-trial.ts';
import type { Lever, Scenario, Strategy } from '../../src/model/schema.ts';
import { validateScenario } from '../../src/model/validate.ts';

/** Trial `trialIndex` (default 0, seed 1) of the scenario under the levers (null: the baseline); the scenario must validate. */
export function oneTrial(scenario: Scenario, levers: Lever[] | null, cost?: Strategy['cost'], trialIndex = 0, seed: number | string = 1) {
  const strategy: Strategy | null = levers ? { id: 'lever-test', levers, ...(cost ? { cost } : {}) } : null;
  const withStrategy = { ...scenario, strategies: strategy ? [strategy] : [] };
  const v = validateScenario(withStrategy);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  const model = compileModel(scenario, strategy);
  const trace = createTrace(model);
  const out = createOutcome();
  simulateTrial(model, createTrialState(model), { seed, trial: trialIndex, trace }, out);
  /** A traced series at node (or maker) `id` in period t. */
  const at = (id: string, series: keyof TrialTrace, t: number) => {
    const i = series.startsWith('maker') ? model.makerPos[model.nodeIds.indexOf(id)] : model.nodeIds.indexOf(id);
    return trace[series][i * model.periods + t];
  };
  return { out, trace, model, at };
}
