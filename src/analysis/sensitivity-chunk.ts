/**
 * Simulates trials [from, to) of every model of a sensitivity plan, in blocks of lanes, keeping each
 * trial's total shortfall per model: a mergeable partial (per-trial values placed by trial index). Only
 * types come from the plan's module, so a worker that runs this never loads the compiler or validation.
 */
import { blockLanes, createBlock } from '../engine/block.ts';
import { setLane, simulateBlock } from '../engine/simulate-block.ts';
import type { ChunkProgress } from '../engine/simulate-chunk.ts';
import type { SensitivityPlan } from './sensitivity-plan.ts';

export interface SensitivityPartial {
  kind: 'sensitivity';
  from: number;
  to: number;
  /** per model of the plan, each trial's total shortfall (units), index trial - from */
  shortfall: Float64Array[];
}

/** Simulates trials [from, to) of every model of the plan. */
export function simulateSensitivityChunk(plan: SensitivityPlan, from: number, to: number, onProgress?: ChunkProgress): SensitivityPartial {
  const n = to - from;
  const total = n * plan.models.length;
  let done = 0;
  const shortfall = plan.models.map((model) => {
    const out = new Float64Array(n);
    // A block per model and chunk: a plan has hundreds of models, too many to keep a block for each.
    const block = createBlock(model, Math.min(blockLanes(model), Math.max(1, n)));
    block.seed = plan.seed;
    for (let i = from; i < to; i += block.B) {
      const lanes = Math.min(block.B, to - i);
      block.n = lanes;
      for (let b = 0; b < lanes; b++) setLane(block, b, i + b);
      simulateBlock(block);
      for (let b = 0; b < lanes; b++) out[i + b - from] = block.totalShortfall[b];
      done += lanes;
      onProgress?.(done, total);
    }
    return out;
  });
  return { kind: 'sensitivity', from, to, shortfall };
}

/** Merges partials that cover trials [0, plan.trials) exactly once, in any order. */
export function mergeSensitivityPartials(plan: SensitivityPlan, parts: SensitivityPartial[]): SensitivityPartial {
  const n = plan.trials;
  const sorted = [...parts].filter((p) => p.to > p.from).sort((a, b) => a.from - b.from);
  let covered = 0;
  for (const p of sorted) {
    if (p.shortfall.length !== plan.models.length) throw new Error(`a sensitivity partial holds ${p.shortfall.length} models, the plan ${plan.models.length}`);
    if (p.from < covered) throw new Error(`sensitivity partials overlap: trials ${p.from}..${Math.min(p.to, covered) - 1} are in two of them`);
    if (p.from > covered) throw new Error(`sensitivity partials do not cover the plan: trials ${covered}..${p.from - 1} are missing`);
    covered = p.to;
  }
  if (covered !== n) throw new Error(`sensitivity partials do not cover the plan: trials ${covered}..${n - 1} are missing`);
  const shortfall = plan.models.map((_, m) => {
    const all = new Float64Array(n);
    for (const p of sorted) all.set(p.shortfall[m], p.from);
    return all;
  });
  return { kind: 'sensitivity', from: 0, to: n, shortfall };
}
