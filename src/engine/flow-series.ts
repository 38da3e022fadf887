/**
 * Per-period flows between countries by stage (an extension, docs/model.md): for each group of links — a
 * stage's links from country A to country B, A's exports (to any other country, "*") and B's imports —
 * the units carried each period (all tiers, stockpile cover included), counted when shipped and when they
 * arrive, relative to the same sum in the baseline's quiet run (no events, no noise: the planned flow).
 * Each trial's ratio r(t) goes to an integer bin, so chunks and shards merge exactly and the result gives
 * the mean, P5 and P95 per period from the bins.
 */
import { STAGE_EXPLORATION, STAGE_EXTRACTION, STAGE_PROCESSING, type CompiledModel } from './compiled-model.ts';

/**
 * Bins of r = flow / planned, to the nearest 0.01: bin 0 holds r = 0 exactly, bin b in 1..300 holds the r
 * that round to (b - 1) / 100, bin 301 r >= 3.005 (centred, so the common r = 1 reads as 1, not 1.005).
 */
export const FLOW_BINS = 302;

export type FlowCount = 'shipped' | 'arrived';

/** One series: a stage's links from `from` to `to` (a country, or "*" for any country other than the other end). */
export interface FlowGroup {
  stage: 'extraction' | 'processing';
  from: string;
  to: string;
}

/** The groups of a run and, per model, which groups each link feeds; planned flows per group and period. */
export interface FlowPlan {
  groups: FlowGroup[];
  /** per group (shipped, then the same groups arrived: index g + groups.length) and period: the planned units */
  planned: Float64Array;
}

/** The bin of a ratio. */
export function flowBin(r: number): number {
  if (!(r > 0)) return 0;
  return Math.min(FLOW_BINS - 1, 1 + Math.floor(100 * r + 0.5));
}

/** The value a bin stands for (means and percentiles): 0, or its centre (b - 1) / 100, 3 for the open last bin. */
export function flowBinValue(b: number): number {
  return b === 0 ? 0 : Math.min(3, (b - 1) / 100);
}

const stageOf = (model: CompiledModel, node: number): FlowGroup['stage'] | null => {
  const s = model.stage[node];
  if (s === STAGE_EXTRACTION || s === STAGE_EXPLORATION) return 'extraction';
  if (s === STAGE_PROCESSING) return 'processing';
  return null;
};

const keyOf = (g: FlowGroup) => `${g.stage}|${g.from}|${g.to}`;

/** The groups of every model's links: pairs, exports and imports, sorted by stage, from, to. */
export function flowGroups(models: CompiledModel[]): FlowGroup[] {
  const found = new Map<string, FlowGroup>();
  const add = (g: FlowGroup) => found.set(keyOf(g), g);
  for (const model of models) {
    for (let l = 0; l < model.linkFrom.length; l++) {
      const stage = stageOf(model, model.linkFrom[l]);
      if (!stage) continue;
      const from = model.nodeCountry[model.linkFrom[l]];
      const to = model.nodeCountry[model.linkTo[l]];
      add({ stage, from, to });
      if (from !== to) {
        add({ stage, from, to: '*' });
        add({ stage, from: '*', to });
      }
    }
  }
  const order = (g: FlowGroup) => [g.stage === 'extraction' ? 0 : 1, g.from, g.to] as const;
  return [...found.values()].sort((a, b) => {
    const [sa, fa, ta] = order(a);
    const [sb, fb, tb] = order(b);
    return sa - sb || fa.localeCompare(fb) || ta.localeCompare(tb);
  });
}

/** Per link of the model, the groups (shipped indices) it feeds, as [start (links + 1), groups]. */
export function linkFlowGroups(model: CompiledModel, groups: FlowGroup[]): { start: Int32Array; groups: Int32Array } {
  const index = new Map(groups.map((g, i) => [keyOf(g), i]));
  const start = new Int32Array(model.linkFrom.length + 1);
  const list: number[] = [];
  for (let l = 0; l < model.linkFrom.length; l++) {
    const stage = stageOf(model, model.linkFrom[l]);
    if (stage) {
      const from = model.nodeCountry[model.linkFrom[l]];
      const to = model.nodeCountry[model.linkTo[l]];
      list.push(index.get(keyOf({ stage, from, to }))!);
      if (from !== to) list.push(index.get(keyOf({ stage, from, to: '*' }))!, index.get(keyOf({ stage, from: '*', to }))!);
    }
    start[l + 1] = list.length;
  }
  return { start, groups: Int32Array.from(list) };
}
