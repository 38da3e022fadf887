/** The baseline chain and its flows in an undisrupted, noise-free first year: what the value-chain chart draws. */
import type { Scenario } from '../model/schema.ts';
import type { CompiledModel } from './compiled-model.ts';
import type { Network } from './result.ts';
import { createOutcome, createTrace, simulateTrial } from './simulate-trial.ts';
import { createTrialState } from './trial-state.ts';

/** Nodes with their capacity and links with the units per year shipped over them in the first 12 months of a quiet trial 0. */
export function nominalNetwork(scenario: Scenario, model: CompiledModel, seed: string | number): Network {
  const trace = createTrace(model);
  simulateTrial(model, createTrialState(model), { seed, trial: 0, quiet: true, trace }, createOutcome());
  const H = model.periods;
  const end = Math.min(H, model.periodsPerYear);
  const perYear = model.periodsPerYear / end;
  const links = Array.from(model.linkFrom, (from, l) => {
    let sum = 0;
    for (let t = 0; t < end; t++) sum += trace.linkShipped[l * H + t];
    return { source: model.nodeIds[from], target: model.nodeIds[model.linkTo[l]], value: sum * perYear };
  });
  return {
    nodes: scenario.nodes.map((n) => ({ id: n.id, name: n.name ?? n.id, stage: n.stage, country: n.country, capacity: n.capacity })),
    links,
  };
}
