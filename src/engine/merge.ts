/** Exact merge of partial results: per-trial outcomes placed by trial index, band counts added. */
import type { PartialResult, StrategyPartial, TrialOutcomes } from './result.ts';

const OUTCOME_KEYS = ['shortfall', 'demand', 'worstFulfilment', 'substituted', 'cost', 'ttr', 'ttrStatus', 'makerShortfall', 'makerDemand'] as const;

/** Merges partials covering trials [0, trials) in any order and split into one partial of the whole run. */
export function mergePartials(parts: PartialResult[], trials: number, attributionTrials: number): PartialResult {
  const sorted = [...parts].sort((a, b) => a.from - b.from);
  let next = 0;
  for (const p of sorted) {
    if (p.from !== next) throw new Error(`partial results do not cover the run: trials ${next}..${p.from - 1} are missing or overlap`);
    next = p.to;
  }
  if (next !== trials) throw new Error(`partial results cover ${next} of ${trials} trials`);
  const first = sorted[0];
  const strategies = first.strategies.map((s0, k): StrategyPartial => {
    const outcomes = Object.fromEntries(
      OUTCOME_KEYS.map((key) => [key, new (s0.outcomes[key].constructor as Float64ArrayConstructor)(trials * stride(s0, first, key))]),
    ) as unknown as TrialOutcomes;
    const bins = new Int32Array(s0.bins.length);
    const na = Math.min(trials, attributionTrials);
    const none = new Float64Array(na);
    const without = s0.attribution.without.map(() => new Float64Array(na));
    let tts: Record<string, number> | undefined;
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
    }
    return { id: s0.id, outcomes, bins, attribution: { none, without }, ...(tts ? { tts } : {}) };
  });
  return { from: 0, to: trials, strategies };
}

/** Values per trial of an outcome array (1, or the number of makers for per-maker outcomes). */
function stride(s: StrategyPartial, p: PartialResult, key: (typeof OUTCOME_KEYS)[number]): number {
  const n = p.to - p.from;
  return n > 0 ? s.outcomes[key].length / n : 1;
}
