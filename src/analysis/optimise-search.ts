/**
 * The optimiser's search (docs/model.md, "The optimiser"): successive halving's schedule of trials with
 * racing's rule for who goes on. Every candidate is simulated on the same trials 0..n-1 (common random
 * numbers), so candidates are compared pair by pair. Rung r gives every candidate still in the race the
 * trials up to n_r (n_R = all trials, each rung a third of the next); after a rung a candidate stays only
 * if it can still be the answer (its target interval reaches the bound, and it is not surely dearer than
 * a candidate that surely meets the target) or still be on the cost-target frontier (no candidate is
 * surely no dearer and surely better). Decisions are taken only on whole batches of fixed candidates, so
 * the answer depends on the trials and the seed, never on how many workers simulate them.
 */
import type { OptimiseTarget } from '../model/schema.ts';
import { frontierFlags } from '../stats/frontier.ts';
import { meanWithCi } from '../stats/summary.ts';
import { fullGrid, gridNeighbours, gridSize, haltonDesign, pointKey, rungTrials, type Point } from './optimise-design.ts';
import { pairedDifference, targetEstimate, type Estimate } from './target-statistic.ts';

/** What a candidate's trials [from, to) gave: total cost and the target's measure, per trial. */
export interface TrialValues {
  cost: Float64Array;
  measure: Float64Array;
}

/** Simulates the candidates (points of level indices) on trials [from, to). */
export type Evaluate = (points: Point[], from: number, to: number) => Promise<TrialValues[]>;

export type TargetStatus = 'met' | 'not-met' | 'uncertain';

/** One candidate as the search knows it after its last rung. */
export interface CandidateSummary {
  /** level index of each variable */
  point: Point;
  /** trials it was simulated on (0..trials-1) */
  trials: number;
  /** rungs it took part in (1 = the first only) */
  rungs: number;
  cost: { mean: number; ci95: [number, number] };
  target: Estimate;
  /** 'met' when the interval's upper end is within the bound, 'not-met' when its lower end is above it */
  status: TargetStatus;
  onFrontier: boolean;
}

export interface SearchOptions {
  /** the number of sizes of each variable */
  levels: number[];
  target: OptimiseTarget;
  trials: number;
  firstRungTrials: number;
  maxCandidates: number;
  evaluate: Evaluate;
  /** candidates per evaluation: a fixed number, so decisions do not depend on the workers */
  batch?: number;
  /** after each batch: every candidate so far, the rung and its trials */
  onUpdate?: (candidates: CandidateSummary[], rung: number, rungs: number[]) => void;
  /** before each batch: the rung, its trials, the batch's candidates and how many the rung has */
  onBatch?: (info: { rung: number; rungs: number[]; done: number; total: number; from: number; to: number }) => void;
}

export interface SearchOutcome {
  candidates: CandidateSummary[];
  /** index in candidates of the cheapest whose estimate meets the bound at full trials, or null */
  chosen: number | null;
  /** the cheapest at full trials whose 95% interval is within the bound, or null */
  confident: number | null;
  /** the lowest target estimate at full trials (what comes closest when nothing meets the bound) */
  closest: number;
  rungs: { trials: number; candidates: number }[];
  design: 'grid' | 'halton';
}

export const DEFAULT_BATCH = 16;

interface State {
  point: Point;
  cost: Float64Array;
  measure: Float64Array;
  n: number;
  rungs: number;
  summary: CandidateSummary;
}

/** Finds the cheapest candidate that meets the target, and the frontier around it. */
export async function searchCheapest(options: SearchOptions): Promise<SearchOutcome> {
  const { levels, target, trials, evaluate } = options;
  const batch = options.batch ?? DEFAULT_BATCH;
  const rungs = rungTrials(trials, Math.max(1, Math.min(trials, options.firstRungTrials)));
  const all: State[] = [];
  const byKey = new Map<string, State>();
  const grid = gridSize(levels) <= options.maxCandidates;
  const create = (point: Point): State => {
    const s: State = { point, cost: new Float64Array(trials), measure: new Float64Array(trials), n: 0, rungs: 0, summary: null as unknown as CandidateSummary };
    all.push(s);
    byKey.set(pointKey(point), s);
    return s;
  };
  // Those not simulated yet (later in the first rung) are left out.
  const summaries = () => {
    const done = all.filter((s) => s.n > 0);
    const flags = frontierFlags(done.map((s) => ({ cost: s.summary.cost.mean, shortfall: s.summary.target.value })));
    return done.map((s, i) => ({ ...s.summary, onFrontier: flags[i] }));
  };

  /** Brings every state of `states` to `to` trials, batch by batch, with a summary after each. */
  const advance = async (states: State[], rung: number, to: number): Promise<void> => {
    for (let b = 0; b < states.length; b += batch) {
      const group = states.slice(b, b + batch);
      const from = group[0].n;
      options.onBatch?.({ rung, rungs, done: b, total: states.length, from, to });
      const values = await evaluate(group.map((s) => s.point), from, to);
      group.forEach((s, j) => {
        s.cost.set(values[j].cost, from);
        s.measure.set(values[j].measure, from);
        s.n = to;
        s.rungs = rung + 1;
        s.summary = summarise(s, target);
      });
      options.onUpdate?.(summaries(), rung, rungs);
    }
  };

  let active = (grid ? fullGrid(levels) : haltonDesign(levels, Math.ceil(options.maxCandidates / 2))).map(create);
  const log: { trials: number; candidates: number }[] = [];
  for (let r = 0; r < rungs.length; r++) {
    await advance(active, r, rungs[r]);
    if (r === 0 && !grid) active = await refine(active, r);
    log.push({ trials: rungs[r], candidates: active.length });
    if (r < rungs.length - 1) active = stillInRace(active, target);
  }

  /** Adds the grid neighbours of those still in the race until none is new (or the budget is spent). */
  async function refine(states: State[], rung: number): Promise<State[]> {
    let current = states;
    for (;;) {
      const racing = stillInRace(current, target);
      const fresh: State[] = [];
      for (const s of racing) {
        for (const p of gridNeighbours(s.point, levels)) {
          if (all.length >= options.maxCandidates) break;
          if (!byKey.has(pointKey(p))) fresh.push(create(p));
        }
      }
      if (fresh.length === 0) return current;
      await advance(fresh, rung, rungs[rung]);
      current = [...current, ...fresh];
    }
  }

  const candidates = summaries();
  const full = candidates.map((c, i) => ({ c, i })).filter(({ c }) => c.trials === trials);
  const cheapest = (list: typeof full) =>
    list.reduce<(typeof full)[number] | null>((best, x) => (!best || x.c.cost.mean < best.c.cost.mean || (x.c.cost.mean === best.c.cost.mean && x.c.target.value < best.c.target.value) ? x : best), null);
  const chosen = cheapest(full.filter(({ c }) => c.target.value <= target.atMost));
  const confident = cheapest(full.filter(({ c }) => c.status === 'met'));
  return { candidates, chosen: chosen?.i ?? null, confident: confident?.i ?? null, closest: closestIndex(all, full.map((x) => x.i), target), rungs: log, design: grid ? 'grid' : 'halton' };
}

/**
 * When nothing meets the bound: the cheapest of those not surely worse than the lowest estimate (paired
 * for a mean), so that a dearer candidate better by a hair of noise is not preferred.
 */
function closestIndex(all: State[], full: number[], target: OptimiseTarget): number {
  const lowest = full.reduce((b, i) => (all[i].summary.target.value < all[b].summary.target.value ? i : b));
  const best = all[lowest];
  const n = best.n;
  const notWorse = full.filter((i) => {
    const c = all[i];
    if (i === lowest) return true;
    return target.statistic === 'mean' ? pairedDifference(c.measure, best.measure, n).ci95[0] <= 0 : c.summary.target.ci95[0] <= best.summary.target.ci95[1];
  });
  return notWorse.reduce((b, i) => (all[i].summary.cost.mean < all[b].summary.cost.mean ? i : b));
}

function summarise(s: State, target: OptimiseTarget): CandidateSummary {
  const measure = s.measure.subarray(0, s.n);
  const est = targetEstimate(target, measure);
  const cost = meanWithCi(s.cost.subarray(0, s.n));
  const status: TargetStatus = est.ci95[1] <= target.atMost ? 'met' : est.ci95[0] > target.atMost ? 'not-met' : 'uncertain';
  return { point: s.point, trials: s.n, rungs: s.rungs, cost: { mean: cost.mean, ci95: cost.ci95 }, target: est, status, onFrontier: false };
}

/**
 * Those that go on to the next rung (all have the same trials): each that can still be the answer or
 * still be on the frontier, at 95% per comparison.
 */
export function stillInRace<T extends { cost: Float64Array; measure: Float64Array; n: number; summary: CandidateSummary }>(states: T[], target: OptimiseTarget): T[] {
  const n = states[0]?.n ?? 0;
  const surelyDearer = (c: T, d: T) => pairedDifference(c.cost, d.cost, n).ci95[0] > 0;
  const surelyNoDearer = (d: T, c: T) => pairedDifference(d.cost, c.cost, n).ci95[1] <= 0;
  const surelyBetter = (d: T, c: T) =>
    target.statistic === 'mean' ? pairedDifference(d.measure, c.measure, n).ci95[1] < 0 : d.summary.target.ci95[1] < c.summary.target.ci95[0];
  const met = states.filter((s) => s.summary.status === 'met');
  return states.filter((c) => {
    const canBeAnswer = c.summary.status !== 'not-met' && !met.some((d) => d !== c && surelyDearer(c, d));
    if (canBeAnswer) return true;
    return !states.some((d) => d !== c && surelyNoDearer(d, c) && surelyBetter(d, c));
  });
}
