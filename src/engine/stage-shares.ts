/** Shares of each stage's output by country in an undisrupted, noise-free run (model.md section 6). */
import type { Scenario, StageName } from '../model/schema.ts';
import { compileModel } from './compile.ts';
import { STAGE_EXPLORATION, STAGE_EXTRACTION, STAGE_MANUFACTURING, STAGE_PROCESSING } from './compiled-model.ts';
import { createOutcome, createTrace, simulateTrial } from './simulate-trial.ts';
import { createTrialState } from './trial-state.ts';

const STAGE_NAME: Record<number, StageName> = {
  [STAGE_EXPLORATION]: 'extraction',
  [STAGE_EXTRACTION]: 'extraction',
  [STAGE_PROCESSING]: 'processing',
  [STAGE_MANUFACTURING]: 'manufacturing',
};

/**
 * Baseline trial 0 of the scenario with no events and no demand noise: per stage, each country's share of
 * the units shipped (makers: delivered) over the first `months` of the run (default 12: the cited shares
 * describe one year of today's chain, before projects and growth reshape it). Exploration projects count as extraction.
 */
export function simulatedStageShares(
  scenario: Scenario,
  { seed = scenario.seed ?? 1, months = 12 }: { seed?: string | number; months?: number } = {},
): Partial<Record<StageName, Record<string, number>>> {
  const model = compileModel(scenario, null);
  const trace = createTrace(model);
  simulateTrial(model, createTrialState(model), { seed, trial: 0, quiet: true, trace }, createOutcome());
  const totals: Partial<Record<StageName, Record<string, number>>> = {};
  const H = model.periods;
  const end = Math.min(H, Math.max(1, Math.round((months * model.periodsPerYear) / 12)));
  model.nodeIds.forEach((_, i) => {
    const stage = STAGE_NAME[model.stage[i]];
    let sum = 0;
    for (let t = 0; t < end; t++) sum += trace.shipped[i * H + t];
    const byCountry = (totals[stage] ??= {});
    byCountry[model.nodeCountry[i]] = (byCountry[model.nodeCountry[i]] ?? 0) + sum;
  });
  for (const byCountry of Object.values(totals)) {
    const total = Object.values(byCountry).reduce((a, b) => a + b, 0);
    for (const c of Object.keys(byCountry)) byCountry[c] = total > 0 ? byCountry[c] / total : 0;
  }
  return totals;
}
