/**
 * The stress test's figures from merged partials (computed only after the merge, so any split of trials
 * gives the same numbers): per target and duration the extra shortfall's summary, the Risk Exposure Index,
 * the makers that depend on the cut with their time to survive it, each strategy's change in exposure to
 * the top targets (paired, trial by trial) and the maker countries' view.
 */
import type { Scenario } from '../model/schema.ts';
import { scenarioHash } from '../model/scenario-hash.ts';
import { TARGET_LINKS } from '../engine/compiled-model.ts';
import { countMean, countQuantile } from '../stats/count-quantile.ts';
import { exactValue } from '../stats/exact-sum.ts';
import { meanWithCi, meanWithCiFromSums, summarise } from '../stats/summary.ts';
import type { StressJob, StressPlan } from './stress-plan.ts';
import type { StressJobPartial, StressPartial } from './stress-partial.ts';
import type { CountryExposure, MakerUnderCut, StrategyExposure, StressDuration, StressResult, StressTargetInfo, TargetExposure, TtsDistribution } from './stress-result.ts';
import { compareIds } from './stress-targets.ts';

/** The first phase's plan and merged partial, and optionally the strategies' (planStrategyStress). */
export interface StressRuns {
  plan: StressPlan;
  merged: StressPartial;
  strategies?: { plan: StressPlan; merged: StressPartial };
}

/** The stress test's result. */
export function summariseStress(scenario: Scenario, runs: StressRuns): StressResult {
  const { plan, merged } = runs;
  const first = plan.jobs[0];
  const model = first.model;
  return {
    kind: 'stress',
    scenario: { id: scenario.id, hash: scenarioHash(scenario) },
    trials: plan.trials,
    seed: plan.seed,
    unit: scenario.unit,
    periodsPerYear: model.periodsPerYear,
    horizonMonths: scenario.horizonMonths,
    targets: plan.targets.map((t, s): StressTargetInfo => {
      const cut = model.stressCuts[s];
      const hits = Array.from(cut.targets, (x) => (cut.targetKind === TARGET_LINKS ? `${model.nodeIds[model.linkFrom[x]]}>${model.nodeIds[model.linkTo[x]]}` : model.nodeIds[x]));
      return { id: t.id, kind: t.kind, name: t.name, ...(t.country ? { country: t.country } : {}), ...(t.stage ? { stage: t.stage } : {}), hits };
    }),
    durations: plan.jobs.map((job, j) => duration(plan, job, merged.jobs[j], runs.strategies)),
  };
}

/** Each lane group's mean extra shortfall, in lane order. */
function laneMeans(part: StressJobPartial, lanes: number, n: number): Float64Array {
  return Float64Array.from({ length: lanes }, (_, u) => meanWithCi(part.extra.subarray(u * n, (u + 1) * n)).mean);
}

/** The job's targets (plan indices) in ranking order: mean extra shortfall, largest first, ties by id. */
export function rankedTargets(plan: StressPlan, job: StressJob, part: StressJobPartial): number[] {
  const means = laneMeans(part, job.cuts.length, plan.trials);
  const mean = (s: number) => (job.laneOf[s] < 0 ? 0 : means[job.laneOf[s]]);
  const order = job.targets.map((_, s) => s);
  order.sort((a, b) => mean(b) - mean(a) || compareIds(plan.targets[job.targets[a]].id, plan.targets[job.targets[b]].id));
  return order.map((s) => job.targets[s]);
}

/**
 * The plan indices of the targets whose cut is one of the `top` most exposing distinct cuts of the job
 * (a country with one node and that node are one cut: both are listed, and count once).
 */
export function topTargets(plan: StressPlan, job: StressJob, part: StressJobPartial, top: number): number[] {
  const position = new Map(job.targets.map((t, s) => [t, s]));
  const lanes: number[] = [];
  const chosen: number[] = [];
  for (const t of rankedTargets(plan, job, part)) {
    const lane = job.laneOf[position.get(t)!];
    if (lane < 0) continue;
    if (!lanes.includes(lane)) {
      if (lanes.length === top) break;
      lanes.push(lane);
    }
    chosen.push(t);
  }
  return chosen;
}

function duration(plan: StressPlan, job: StressJob, part: StressJobPartial, strategies: StressRuns['strategies']): StressDuration {
  const n = plan.trials;
  const G = job.groups.length;
  const zeros = new Float64Array(n);
  const extraOf = (s: number) => (job.laneOf[s] < 0 ? zeros : part.extra.subarray(job.laneOf[s] * n, (job.laneOf[s] + 1) * n));
  let demand = 0;
  for (let g = 0; g < G; g++) demand += exactValue(part.groupDemand[g]);
  demand /= n;
  const order = rankedTargets(plan, job, part);
  const position = new Map(job.targets.map((t, s) => [t, s]));
  const summaries = job.targets.map((_, s) => summarise(extraOf(s)));
  const worst = Math.max(0, ...summaries.map((x) => x.mean));
  const ranking = order.map((t, rank): TargetExposure => {
    const s = position.get(t)!;
    const lane = job.laneOf[s];
    const extra = summaries[s];
    const makers = lane < 0 ? [] : makersUnderCut(job, part, lane, n);
    return {
      id: plan.targets[t].id,
      name: plan.targets[t].name,
      kind: plan.targets[t].kind,
      rank: rank + 1,
      extra,
      extraPctOfDemand: demand > 0 ? (100 * extra.mean) / demand : 0,
      rei: worst > 0 ? extra.mean / worst : 0,
      reiCi95: worst > 0 ? [extra.ci95[0] / worst, extra.ci95[1] / worst] : [0, 0],
      probSomeMakerShort: lane < 0 ? 0 : part.someShort[lane] / n,
      sameCutAs: lane < 0 ? [] : job.targets.filter((o, q) => q !== s && job.laneOf[q] === lane).map((o) => plan.targets[o].id).sort(compareIds),
      makers,
    };
  });
  const base = meanWithCi(part.baseShortfall);
  return {
    months: job.months,
    periods: job.periods,
    baseline: { shortfall: base.mean, demand },
    ranking,
    strategies: strategies ? strategyExposures(plan, job, extraOf, strategies) : [],
    countries: countryExposures(plan, job, part),
  };
}

/** The makers that depend on lane group `lane`'s cut, with what it costs them and their time to survive it. */
function makersUnderCut(job: StressJob, part: StressJobPartial, lane: number, n: number): MakerUnderCut[] {
  const model = job.model;
  const M = model.makers.length;
  const makers: MakerUnderCut[] = [];
  for (let k = 0; k < M; k++) {
    if (job.dependents[lane * M + k] === 0) continue;
    const uk = lane * M + k;
    const pct = meanWithCiFromSums(exactValue(part.makerPct[uk]), exactValue(part.makerPctSquares[uk]), n);
    const node = model.makers[k];
    makers.push({
      id: model.nodeIds[node],
      name: model.nodeNames[node],
      country: model.nodeCountry[node],
      extra: exactValue(part.makerUnits[uk]) / n,
      extraPct: { mean: pct.mean, ci95: pct.ci95 },
      probShort: part.makerShort[uk] / n,
      tts: ttsDistribution(part.tts.subarray(uk * (job.periods + 1), (uk + 1) * (job.periods + 1)), model.periodsPerYear),
    });
  }
  return makers;
}

/** Months of the time to survive from its counts per period. */
function ttsDistribution(counts: Int32Array, periodsPerYear: number): TtsDistribution {
  const months = (p: number) => (p * 12) / periodsPerYear;
  let n = 0;
  for (const c of counts) n += c;
  const D = counts.length - 1;
  return {
    mean: months(countMean(counts)),
    p5: months(countQuantile(counts, 0.05)),
    p25: months(countQuantile(counts, 0.25)),
    p50: months(countQuantile(counts, 0.5)),
    p75: months(countQuantile(counts, 0.75)),
    p95: months(countQuantile(counts, 0.95)),
    probBelowCut: n > 0 ? 1 - counts[D] / n : NaN,
    counts: Array.from(counts),
  };
}

/** Per strategy, the paired change of each top target's extra shortfall at this duration. */
function strategyExposures(plan: StressPlan, job: StressJob, baseExtra: (s: number) => Float64Array, runs: NonNullable<StressRuns['strategies']>): StrategyExposure[] {
  const n = plan.trials;
  const basePosition = new Map(job.targets.map((t, s) => [plan.targets[t].id, s]));
  const out: StrategyExposure[] = [];
  runs.plan.jobs.forEach((sj, j) => {
    if (sj.months !== job.months) return;
    const part = runs.merged.jobs[j];
    const targets = sj.targets.map((t, s) => {
      const id = runs.plan.targets[t].id;
      const lane = sj.laneOf[s];
      const extra = lane < 0 ? new Float64Array(n) : part.extra.subarray(lane * n, (lane + 1) * n);
      const base = baseExtra(basePosition.get(id)!);
      const diff = Float64Array.from(extra, (x, i) => x - base[i]);
      const strategy = meanWithCi(extra);
      const change = meanWithCi(diff);
      const baseline = meanWithCi(base).mean;
      return {
        id,
        baseline,
        strategy: { mean: strategy.mean, ci95: strategy.ci95 },
        change: { mean: change.mean, ci95: change.ci95 },
        lowered: baseline > 0 ? -change.mean / baseline : null,
        makers: lane < 0 ? [] : makersUnderCut(sj, part, lane, n),
      };
    });
    out.push({ id: sj.strategyId, name: sj.strategyName, targets });
  });
  return out;
}

/** Per maker country, every target by the mean extra shortfall in % of the country's demand, the worst first. */
function countryExposures(plan: StressPlan, job: StressJob, part: StressJobPartial): CountryExposure[] {
  const n = plan.trials;
  const model = job.model;
  const G = job.groups.length;
  const position = new Map(job.targets.map((t, s) => [t, s]));
  const upstream = new Set(plan.targets.filter((t) => t.stage !== 'manufacturing').map((t) => t.id));
  return job.groups.map((country, g): CountryExposure => {
    const targets = job.targets.map((t) => {
      const lane = job.laneOf[position.get(t)!];
      if (lane < 0) return { id: plan.targets[t].id, units: 0, pct: { mean: 0, ci95: [0, 0] as [number, number] } };
      const ug = lane * G + g;
      const pct = meanWithCiFromSums(exactValue(part.groupPct[ug]), exactValue(part.groupPctSquares[ug]), n);
      return { id: plan.targets[t].id, units: exactValue(part.groupUnits[ug]) / n, pct: { mean: pct.mean, ci95: pct.ci95 } };
    });
    targets.sort((a, b) => b.pct.mean - a.pct.mean || compareIds(a.id, b.id));
    const makers = Array.from(model.makers).filter((m) => model.nodeCountry[m] === country).map((m) => model.nodeIds[m]);
    return {
      country,
      makers,
      demand: exactValue(part.groupDemand[g]) / n,
      worst: targets.length > 0 && targets[0].pct.mean > 0 ? targets[0].id : null,
      worstUpstream: targets.find((x) => upstream.has(x.id) && x.pct.mean > 0)?.id ?? null,
      targets,
    };
  });
}
