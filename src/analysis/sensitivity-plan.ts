/**
 * A sensitivity analysis as a plan of runs on common random numbers: per strategy (the baseline and a
 * chosen one) the model as the scenario has it, then each input's model at its low and its high setting,
 * all simulated over the same trials and streams, so every difference is the input's alone. A plain
 * number's variant is a copy of the scenario with the number moved, validated and compiled; a drawn
 * input's is the compiled model with that distribution pinned.
 */
import type { Scenario, Strategy } from '../model/schema.ts';
import type { CompiledModel } from '../engine/compiled-model.ts';
import { compileModel } from '../engine/compile.ts';
import { validateScenario } from '../model/validate.ts';
import { editScenario, listSensitivityInputs, pinInput, type SensitivityInput } from './sensitivity-inputs.ts';

export interface PlannedInput {
  strategyId: string;
  input: SensitivityInput;
  /** indices into plan.models */
  low: number;
  high: number;
}

export interface SensitivityPlan {
  kind: 'sensitivity';
  seed: string | number;
  trials: number;
  /** every model simulated; each strategy's own first, then the inputs' */
  models: CompiledModel[];
  strategies: { id: string; name: string; center: number }[];
  inputs: PlannedInput[];
  /** inputs left out, and why (a setting the format refuses, or one that moves nothing) */
  skipped: { strategyId: string; id: string; reason: string }[];
}

export interface SensitivityOptions {
  trials?: number;
  seed?: string | number;
  /** a strategy analysed beside the baseline (none by default) */
  strategy?: string | null;
}

/** Plans the analysis of a validated scenario (a demandExpression needs its parser loaded first). */
export function planSensitivity(scenario: Scenario, options: SensitivityOptions = {}): SensitivityPlan {
  const strategies: (Strategy | null)[] = [null];
  if (options.strategy && options.strategy !== 'baseline') {
    const s = (scenario.strategies ?? []).find((x) => x.id === options.strategy);
    if (!s) throw new RangeError(`no strategy with id "${options.strategy}"`);
    strategies.push(s);
  }
  const plan: SensitivityPlan = {
    kind: 'sensitivity',
    seed: options.seed ?? scenario.seed ?? 1,
    trials: options.trials ?? scenario.trials ?? 1000,
    models: [],
    strategies: [],
    inputs: [],
    skipped: [],
  };
  for (const strategy of strategies) {
    const model = compileModel(scenario, strategy);
    const strategyId = model.strategyId;
    plan.strategies.push({ id: strategyId, name: model.strategyName, center: plan.models.push(model) - 1 });
    for (const input of listSensitivityInputs(scenario, strategy, model)) {
      if (input.low === input.base && input.high === input.base) {
        plan.skipped.push({ strategyId, id: input.id, reason: 'its low and high settings are its own value' });
        continue;
      }
      const variants = (['low', 'high'] as const).map((side) => variant(scenario, strategy, model, input, side));
      const problem = variants.find((v): v is string => typeof v === 'string');
      if (problem !== undefined) {
        plan.skipped.push({ strategyId, id: input.id, reason: problem });
        continue;
      }
      const [low, high] = variants as CompiledModel[];
      plan.inputs.push({ strategyId, input, low: plan.models.push(low) - 1, high: plan.models.push(high) - 1 });
    }
  }
  return plan;
}

/** The model at one setting of the input, or why the setting cannot run. */
function variant(scenario: Scenario, strategy: Strategy | null, model: CompiledModel, input: SensitivityInput, side: 'low' | 'high'): CompiledModel | string {
  if (input.dist) return pinInput(model, input.dist, input[side]);
  const edited = editScenario(scenario, input, side);
  const checked = validateScenario(edited);
  if (!checked.ok) return `at its ${side} setting the scenario is not valid: ${checked.issues[0].path}: ${checked.issues[0].message}`;
  const s = strategy ? (edited.strategies ?? []).find((x) => x.id === strategy.id)! : null;
  return compileModel(edited, s);
}
