/**
 * Runs an optimisation on a pool of workers (the app's Web Workers, the command line's threads, or an
 * in-process worker): candidates compiled into runs of a batch of strategies each, simulated with
 * runWithPool on the trials each rung asks for, then a confirmation run of the strategy found beside the
 * baseline and the scenario's own strategies, with all trials and the same seed.
 */
import { nowMs } from './clock.ts';
import { compileModel } from '../engine/compile.ts';
import { compileRun, type CompiledRun } from '../engine/compile-run.ts';
import type { CompiledModel } from '../engine/compiled-model.ts';
import { mergePartials } from '../engine/merge.ts';
import type { PartialResult } from '../engine/result.ts';
import { runWithPool, type AbortSignalLike, type PoolWorker } from '../engine/run-pool.ts';
import { summariseRun } from '../engine/summarise-run.ts';
import { candidateStrategy, sizesText, variableCost, variableLevels } from '../model/optimise-candidate.ts';
import { scenarioHash } from '../model/scenario-hash.ts';
import type { Optimise, Scenario } from '../model/schema.ts';
import { scenarioWithStrategy } from './add-strategy.ts';
import { pointKey, type Point } from './optimise-design.ts';
import type { OptimiseCandidate, OptimiseResult, ReferencePoint } from './optimise-result.ts';
import { DEFAULT_BATCH, searchCheapest, type CandidateSummary, type TrialValues } from './optimise-search.ts';
import { trialMeasure } from './target-measure.ts';
import { targetEstimate } from './target-statistic.ts';
import { targetText } from './target-text.ts';

export const DEFAULT_FIRST_RUNG_TRIALS = 100;
export const DEFAULT_MAX_CANDIDATES = 400;

export interface OptimiseProgress {
  phase: 'search' | 'confirm';
  /** 0-based rung and the number of rungs (search) */
  rung: number;
  rungs: number;
  /** trials of this rung (or of the confirmation) */
  trials: number;
  /** candidates of this rung simulated so far, a fraction of the current batch included, and their number */
  done: number;
  total: number;
}

export interface OptimiseOptions {
  /** default: optimise.search.trials, else the scenario's trials, else 1000 */
  trials?: number;
  seed?: string | number;
  /** attribution in the confirmation run (default true) */
  attribution?: boolean;
  signal?: AbortSignalLike;
  onProgress?: (progress: OptimiseProgress) => void;
  /** the candidates so far, after each batch: what a live frontier draws */
  onCandidates?: (candidates: OptimiseCandidate[]) => void;
}

/** Finds the cheapest strategy that meets the scenario's optimise target; the scenario must be valid and have one. */
export async function optimiseOnPool(scenario: Scenario, workers: readonly PoolWorker[], options: OptimiseOptions = {}): Promise<OptimiseResult> {
  const optimise = scenario.optimise;
  if (!optimise) throw new Error(`scenario "${scenario.id}" has no optimise section`);
  const started = nowMs();
  const trials = options.trials ?? optimise.search?.trials ?? scenario.trials ?? 1000;
  const seed = options.seed ?? scenario.seed ?? 1;
  const levels = optimise.variables.map(variableLevels);
  const sizesOf = (point: Point) => point.map((i, v) => levels[v][i]);
  const models = new Map<string, CompiledModel>();
  const modelOf = (point: Point): CompiledModel => {
    const key = pointKey(point);
    let model = models.get(key);
    if (!model) models.set(key, (model = compileModel(scenario, candidateStrategy(optimise, sizesOf(point), `candidate-${key.replace(/,/g, '-')}`))));
    return model;
  };
  const progress = (p: OptimiseProgress) => options.onProgress?.(p);
  let where = { rung: 0, rungs: 1, trials, done: 0, total: 1 };

  const evaluate = async (points: Point[], from: number, to: number): Promise<TrialValues[]> => {
    const run: CompiledRun = { seed, trials: to - from, attributionTrials: 0, disruptionIds: [], models: points.map(modelOf), makerTrials: true };
    const parts = await runWithPool(run, workers.map((w) => shifted(w, from)), {
      signal: options.signal,
      onProgress: (done, total) => progress({ phase: 'search', ...where, done: where.done + (points.length * done) / total }),
    });
    return run.models.map((model, j) => trialValues(optimise, model, parts, j));
  };

  const outcome = await searchCheapest({
    levels: levels.map((l) => l.length),
    target: optimise.target,
    trials,
    firstRungTrials: optimise.search?.firstRungTrials ?? DEFAULT_FIRST_RUNG_TRIALS,
    maxCandidates: optimise.search?.maxCandidates ?? DEFAULT_MAX_CANDIDATES,
    evaluate,
    batch: DEFAULT_BATCH,
    onBatch: ({ rung, rungs, done, total, to }) => {
      where = { rung, rungs: rungs.length, trials: to, done, total };
      progress({ phase: 'search', ...where });
    },
    onUpdate: (candidates) => options.onCandidates?.(candidates.map((c) => candidateOf(optimise, c, sizesOf(c.point)))),
  });
  const candidates = outcome.candidates.map((c) => candidateOf(optimise, c, sizesOf(c.point)));
  options.onCandidates?.(candidates);

  // The confirmation: the strategy found, added to the scenario as --write-strategy writes it, run with all trials.
  const index = outcome.chosen ?? outcome.closest;
  const added = scenarioWithStrategy(scenario, candidateStrategy(optimise, candidates[index].sizes));
  const confirmRun: CompiledRun = { ...compileRun(added.scenario, { trials, seed, attribution: options.attribution }), makerTrials: true };
  progress({ phase: 'confirm', rung: 0, rungs: 1, trials, done: 0, total: 1 });
  const parts = await runWithPool(confirmRun, workers, {
    signal: options.signal,
    onProgress: (done, total) => progress({ phase: 'confirm', rung: 0, rungs: 1, trials, done: done / total, total: 1 }),
  });
  const confirmation = summariseRun(added.scenario, confirmRun, mergePartials(parts, confirmRun.trials, confirmRun.attributionTrials));
  const references: ReferencePoint[] = confirmRun.models.map((model, j) => {
    const values = trialValues(optimise, model, parts, j);
    const cost = confirmation.strategies[j].metrics.cost;
    return { id: model.strategyId, name: model.strategyName, cost: { mean: cost.mean, ci95: cost.ci95 }, target: targetEstimate(optimise.target, values.measure) };
  }).filter((r) => r.id !== added.strategy.id);
  const found = candidates[index];
  const strategy = outcome.chosen !== null ? added.strategy : { ...added.strategy, description: `The combination that came closest to the target (${targetText(optimise.target, scenario.unit)}), which no candidate met.` };
  return {
    scenario: { id: scenario.id, hash: scenarioHash(scenario) },
    seed,
    trials,
    unit: scenario.unit,
    currency: scenario.currency ?? 'USD',
    target: { ...optimise.target, text: targetText(optimise.target, scenario.unit) },
    variables: optimise.variables.map((v, i) => ({ id: v.id, name: v.name ?? v.id, sizes: levels[i] })),
    method: { design: outcome.design, rungs: outcome.rungs, batch: DEFAULT_BATCH },
    candidates,
    found: { candidate: index, meetsTarget: outcome.chosen !== null, confirmed: found.status === 'met', strategy },
    saferCandidate: outcome.confident !== null && outcome.confident !== outcome.chosen ? outcome.confident : null,
    references,
    confirmation,
    seconds: (nowMs() - started) / 1000,
  };
}

/** A worker that simulates trials [from + a, from + b) when asked for [a, b): runWithPool splits [0, trials) only. */
function shifted(worker: PoolWorker, from: number): PoolWorker {
  if (from === 0) return worker;
  return { load: (run) => worker.load(run), runChunk: (a, b, onProgress) => worker.runChunk(from + a, from + b, onProgress) };
}

/** Model j's cost and target measure per trial, over the parts in trial order. */
function trialValues(optimise: Optimise, model: CompiledModel, parts: PartialResult[], j: number): TrialValues {
  const cost = concat(parts.map((p) => p.strategies[j].outcomes.cost));
  const measure = concat(parts.map((p) => trialMeasure(optimise.target, model, p.strategies[j])));
  return { cost, measure };
}

function concat(arrays: Float64Array[]): Float64Array {
  const out = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

function candidateOf(optimise: Optimise, c: CandidateSummary, sizes: number[]): OptimiseCandidate {
  const costs = optimise.variables.map((v, i) => variableCost(v, sizes[i]));
  return {
    sizes,
    label: sizesText(optimise, sizes),
    trials: c.trials,
    capex: costs.reduce((a, x) => a + x.capex, 0),
    opexPerYear: costs.reduce((a, x) => a + x.opexPerYear, 0),
    cost: c.cost,
    target: c.target,
    status: c.status,
    onFrontier: c.onFrontier,
  };
}
