/**
 * Checks that the body of a partial file of kind "run" is the partial result its header says: the
 * run's strategies in order, every array of the right type and length for its trials and its compiled
 * model. The digest already proves the file is as written; this catches a file written by a build that
 * shaped its arrays differently, before a wrong length could slip through a merge.
 */
import type { CompiledRun } from '../engine/compile-run.ts';
import { LEDGER_ACCOUNTS, MAKER_PCT_BINS, type PartialResult } from '../engine/result.ts';
import { FLOW_BINS } from '../engine/flow-series.ts';
import { BINS } from '../stats/bands.ts';

const OUTCOMES = ['shortfall', 'shortfallPct', 'demand', 'worstFulfilment', 'cost', 'ttr'] as const;

/** The body as a PartialResult of trials [from, to) of `run`; throws naming the first field that is not. */
export function checkRunBody(body: unknown, from: number, to: number, run: CompiledRun): PartialResult {
  const b = body as PartialResult;
  const fail = (where: string, what: string): never => {
    throw new Error(`its partial result does not fit the run: ${where} ${what}`);
  };
  if (b === null || typeof b !== 'object') fail('the body', 'is missing');
  if (b.from !== from || b.to !== to) fail('the body', `covers ${b.from}..${b.to}, not ${from}..${to} as its header says`);
  if (!Array.isArray(b.strategies) || b.strategies.length !== run.models.length) fail('strategies', `must list ${run.models.length}`);
  const n = to - from;
  const attributed = Math.max(0, Math.min(to, run.attributionTrials) - from);
  b.strategies.forEach((s, k) => {
    const model = run.models[k];
    const at = `strategies/${k}`;
    const array = (where: string, value: unknown, type: Function, length: number) => {
      if (!(value instanceof type) || (value as ArrayLike<number>).length !== length) fail(`${at}/${where}`, `must be a ${type.name} of ${length}`);
    };
    const sum = (where: string, value: unknown) => {
      const partials = (value as { partials?: unknown } | null)?.partials;
      if (!Array.isArray(partials) || !partials.every((x) => typeof x === 'number')) fail(`${at}/${where}`, 'must be an exact sum');
    };
    if (s?.id !== model.strategyId) fail(`${at}/id`, `must be "${model.strategyId}"`);
    for (const key of OUTCOMES) array(`outcomes/${key}`, s.outcomes?.[key], Float64Array, n);
    array('outcomes/ttrStatus', s.outcomes?.ttrStatus, Int8Array, n);
    array('bins', s.bins, Int32Array, model.periods * BINS);
    const m = model.makers.length;
    for (const key of ['shortfall', 'pct', 'pctSquares'] as const) {
      if (!Array.isArray(s.makers?.[key]) || s.makers[key].length !== m) fail(`${at}/makers/${key}`, `must list ${m} sums`);
      s.makers[key].forEach((x, i) => sum(`makers/${key}/${i}`, x));
    }
    array('makers/short', s.makers.short, Int32Array, m);
    array('makers/pctBins', s.makers.pctBins, Int32Array, m * MAKER_PCT_BINS);
    sum('substituted', s.substituted);
    for (const a of LEDGER_ACCOUNTS) sum(`ledger/${a}`, s.ledger?.[a]);
    array('attribution/none', s.attribution?.none, Float64Array, attributed);
    if (!Array.isArray(s.attribution.without) || s.attribution.without.length !== model.disruptionCount) fail(`${at}/attribution/without`, `must list ${model.disruptionCount} arrays`);
    s.attribution.without.forEach((w, i) => array(`attribution/without/${i}`, w, Float64Array, attributed));
    if (model.flowPlan) array('flowBins', s.flowBins, Int32Array, 2 * model.flowPlan.groups.length * model.periods * FLOW_BINS);
    else if (s.flowBins !== undefined) fail(`${at}/flowBins`, 'must be absent: the run has no flow series');
    // Time to survive comes with the partial holding trial 0, and only with it (the merge keeps the last one seen).
    if (from === 0 && (s.tts === null || typeof s.tts !== 'object' || !Object.values(s.tts).every((x) => typeof x === 'number'))) fail(`${at}/tts`, 'must map makers to months');
    if (from > 0 && s.tts !== undefined) fail(`${at}/tts`, 'must be only in the partial holding trial 0');
  });
  return b;
}
