/**
 * A stress test's mergeable partial result for trials [from, to): per lane group (a distinct cut) of each
 * job, the extra shortfall of every trial (placed by trial index when merged), integer counts and exact
 * sums, so that any split of the trials, over chunks, workers or machines, merges to the same data bit
 * for bit (the same rules as the run's partial results, model.md section 5, "Exact merge").
 */
import { exactCanonical, exactMerge, exactSum, type ExactSum } from '../stats/exact-sum.ts';
import type { StressJob, StressPlan } from './stress-plan.ts';

export interface StressJobPartial {
  /** per trial, the baseline's total shortfall (units) */
  baseShortfall: Float64Array;
  /** lane groups x trials (group-major): the cut lane's total shortfall minus the baseline's, units */
  extra: Float64Array;
  /** per lane group: trials in which the cut made some maker short (more than 1e-9 of its demand beyond its baseline) */
  someShort: Int32Array;
  /** lane groups x makers: trials in which the cut made that maker short */
  makerShort: Int32Array;
  /** lane groups x makers x (periods + 1): counts of the maker's time to survive the cut, in periods 0..D (D: never fell) */
  tts: Int32Array;
  /** lane groups x makers: the maker's extra shortfall in units, in % of its own demand, and that % squared, summed over trials */
  makerUnits: ExactSum[];
  makerPct: ExactSum[];
  makerPctSquares: ExactSum[];
  /** lane groups x maker countries: the same for the country's makers together (% of their demand) */
  groupUnits: ExactSum[];
  groupPct: ExactSum[];
  groupPctSquares: ExactSum[];
  /** per maker country: its makers' demand summed over trials (baseline lane) */
  groupDemand: ExactSum[];
}

export interface StressPartial {
  kind: 'stress';
  from: number;
  to: number;
  jobs: StressJobPartial[];
}

/** An empty partial of a job for `n` trials. */
export function emptyStressJobPartial(job: StressJob, n: number): StressJobPartial {
  const U = job.cuts.length;
  const M = job.model.makers.length;
  const G = job.groups.length;
  const sums = (k: number) => Array.from({ length: k }, exactSum);
  return {
    baseShortfall: new Float64Array(n),
    extra: new Float64Array(U * n),
    someShort: new Int32Array(U),
    makerShort: new Int32Array(U * M),
    tts: new Int32Array(U * M * (job.periods + 1)),
    makerUnits: sums(U * M),
    makerPct: sums(U * M),
    makerPctSquares: sums(U * M),
    groupUnits: sums(U * G),
    groupPct: sums(U * G),
    groupPctSquares: sums(U * G),
    groupDemand: sums(G),
  };
}

const SUM_FIELDS = ['makerUnits', 'makerPct', 'makerPctSquares', 'groupUnits', 'groupPct', 'groupPctSquares', 'groupDemand'] as const;
const COUNT_FIELDS = ['someShort', 'makerShort', 'tts'] as const;

/** The same partial with every exact sum in canonical form, so equal sums are equal data. */
export function canonicalStressJob(part: StressJobPartial): StressJobPartial {
  const out = { ...part };
  for (const f of SUM_FIELDS) out[f] = part[f].map(exactCanonical);
  return out;
}

/**
 * Merges partials of the plan that cover trials [0, plan.trials) exactly once, in any order: per-trial
 * values placed by trial index, counts added, sums merged. Says which trials are missing or doubled.
 */
export function mergeStressPartials(plan: StressPlan, parts: StressPartial[]): StressPartial {
  const n = plan.trials;
  const sorted = [...parts].filter((p) => p.to > p.from).sort((a, b) => a.from - b.from);
  let covered = 0;
  for (const p of sorted) {
    if (p.jobs.length !== plan.jobs.length) throw new Error(`a stress partial holds ${p.jobs.length} jobs, the plan ${plan.jobs.length}`);
    if (p.from < covered) throw new Error(`stress partials overlap: trials ${p.from}..${Math.min(p.to, covered) - 1} are in two of them`);
    if (p.from > covered) throw new Error(`stress partials do not cover the plan: trials ${covered}..${p.from - 1} are missing`);
    covered = p.to;
  }
  if (covered !== n) throw new Error(`stress partials do not cover the plan: trials ${covered}..${n - 1} are missing`);
  const jobs = plan.jobs.map((job, j) => {
    const into = emptyStressJobPartial(job, n);
    const U = job.cuts.length;
    for (const p of sorted) {
      const part = p.jobs[j];
      const m = p.to - p.from;
      into.baseShortfall.set(part.baseShortfall, p.from);
      for (let u = 0; u < U; u++) into.extra.set(part.extra.subarray(u * m, (u + 1) * m), u * n + p.from);
      for (const f of COUNT_FIELDS) addCounts(into[f], part[f]);
      for (const f of SUM_FIELDS) part[f].forEach((s, k) => exactMerge(into[f][k], s));
    }
    return canonicalStressJob(into);
  });
  return { kind: 'stress', from: 0, to: n, jobs };
}

function addCounts(into: Int32Array, from: Int32Array): void {
  if (into.length !== from.length) throw new Error(`stress partials of different shapes (${into.length} and ${from.length} counts)`);
  for (let i = 0; i < from.length; i++) into[i] += from[i];
}
