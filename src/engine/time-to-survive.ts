/** Time to survive (model.md section 5): months until a maker's fulfilment falls below 0.95 once its main source is cut. */
import type { CompiledModel } from './compiled-model.ts';
import { createTrialState } from './trial-state.ts';
import { createOutcome, createTrace, createTrialRunner } from './simulate-trial.ts';

/** Per maker id, with trial 0's world draws, no events, no noise, the link to its largest-share source cut from period 0. */
export function timeToSurvive(model: CompiledModel, seed: string | number): Record<string, number> {
  const H = model.periods;
  const simulate = createTrialRunner(model, createTrialState(model));
  const trace = createTrace(model);
  const out = createOutcome();
  const result: Record<string, number> = {};
  model.makers.forEach((m, k) => {
    let cut = -1;
    for (let j = model.buyerStart[m]; j < model.buyerStart[m + 1]; j++) {
      const l = model.buyerLinks[j];
      if (cut < 0 || model.linkShare[l] > model.linkShare[cut]) cut = l;
    }
    let periods = H;
    if (cut >= 0) {
      simulate({ seed, trial: 0, quiet: true, cutLink: cut, trace }, out);
      for (let t = 0; t < H; t++) {
        const d = trace.makerDemand[k * H + t];
        if (d > 0 && trace.makerDelivered[k * H + t] / d < 0.95) {
          periods = t;
          break;
        }
      }
    }
    result[model.nodeIds[m]] = (periods * 12) / model.periodsPerYear;
  });
  return result;
}
