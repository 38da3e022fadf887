/** Exact merge of partial results: per-trial outcomes placed by trial index, band counts added. */
import { exactCanonical, exactMerge, exactSum } from '../stats/exact-sum.ts';
import { LEDGER_ACCOUNTS, type LedgerAccount, type PartialResult, type StrategyPartial, type TrialOutcomes } from './result.ts';
import type { ExactSum } from '../stats/exact-sum.ts';

const OUTCOME_KEYS = ['shortfall', 'demand', 'worstFulfilment', 'substituted', 'cost', 'ttr', 'ttrStatus', 'makerShortfall', 'makerDemand'] as const;

/** Merges partials covering trials [0, trials) in any order and split into one partial of the whole run. */
export function mergePartials(parts: PartialResult[], trials: number, attributionTrials: number): PartialResult {
  const sorted = [...parts].sort((a, b) => a.from - b.from || a.to - b.to);
  let next = 0;
  for (const p of sorted) {
    if (p.from !== next) throw new Error(`partial results do not cover the run: trials ${next}..${p.from - 1} are missing or overlap`);
    next = p.to;
  }
  if (next !== trials) throw new Error(`partial results cover ${next} of ${trials} trials`);
  // Per-trial strides come from a partial that has trials (an empty chunk says nothing about them).
  const first = sorted.find((p) => p.to > p.from) ?? sorted[0];
  const strategies = first.strategies.map((s0, k): StrategyPartial => {
    const outcomes = Object.fromEntries(
      OUTCOME_KEYS.map((key) => [key, new (s0.outcomes[key].constructor as Float64ArrayConstructor)(trials * stride(s0, first, key))]),
    ) as unknown as TrialOutcomes;
    const bins = new Int32Array(s0.bins.length);
    const na = Math.min(trials, attributionTrials);
    const none = new Float64Array(na);
    const without = s0.attribution.without.map(() => new Float64Array(na));
    let tts: Record<string, number> | undefined;
    const ledger = Object.fromEntries(LEDGER_ACCOUNTS.map((a) => [a, exactSum()])) as Record<LedgerAccount, ExactSum>;
    for (const p of sorted) {
      const s = p.strategies[k];
      if (s.id !== s0.id) throw new Error(`partial results list strategies in different orders (${s.id}, ${s0.id})`);
      for (const key of OUTCOME_KEYS) (outcomes[key] as Float64Array).set(s.outcomes[key] as Float64Array, p.from * stride(s0, first, key));
      for (let b = 0; b < bins.length; b++) bins[b] += s.bins[b];
      if (s.attribution.none.length > 0) {
        none.set(s.attribution.none, p.from);
        s.attribution.without.forEach((w, j) => without[j].set(w, p.from));
      }
      if (s.tts) tts = s.tts;
      for (const a of LEDGER_ACCOUNTS) exactMerge(ledger[a], s.ledger[a]);
    }
    for (const a of LEDGER_ACCOUNTS) ledger[a] = exactCanonical(ledger[a]);
    return { id: s0.id, outcomes, bins, attribution: { none, without }, ledger, ...(tts ? { tts } : {}) };
  });
  return { from: 0, to: trials, strategies };
}

/** Values per trial of an outcome array (1, or the number of makers for per-maker outcomes). */
function stride(s: StrategyPartial, p: PartialResult, key: (typeof OUTCOME_KEYS)[number]): number {
  const n = p.to - p.from;
  return n > 0 ? s.outcomes[key].length / n : 1;
}
