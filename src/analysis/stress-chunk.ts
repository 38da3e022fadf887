/**
 * Simulates trials [from, to) of a stress plan: per job, each trial's baseline lane and then one lane per
 * distinct cut, packed into blocks of lanes (a trial's lanes side by side share the block's cache), and
 * each cut lane compared with its trial's baseline: extra shortfall, which makers it made short, and each
 * maker's time to survive the cut (issue 12). Only types come from the plan's module, so a worker that
 * runs this never loads the compiler or mathjs.
 */
import { blockLanes, createBlock, keepMakerSeries, type Block } from '../engine/block.ts';
import { type CompiledModel } from '../engine/compiled-model.ts';
import { setLane, simulateBlock } from '../engine/simulate-block.ts';
import type { ChunkProgress } from '../engine/simulate-chunk.ts';
import { exactAdd } from '../stats/exact-sum.ts';
import type { StressJob, StressPlan } from './stress-plan.ts';
import { emptyStressJobPartial, type StressJobPartial, type StressPartial } from './stress-partial.ts';
import { cutSurvivalPeriods, SURVIVAL_FRACTION } from './cut-survival.ts';

/** A maker counts as made short by a cut when its shortfall grows by more than this share of its demand. */
export const SHORT_TOLERANCE = 1e-9;

// One block per model, reused by every chunk a worker runs (as simulate-chunk.ts keeps its own).
const blocks = new WeakMap<CompiledModel, Block>();

/** Simulates trials [from, to) of every job of the plan. */
export function simulateStressChunk(plan: StressPlan, from: number, to: number, onProgress?: ChunkProgress): StressPartial {
  const n = to - from;
  const total = n * plan.jobs.reduce((s, j) => s + 1 + j.cuts.length, 0);
  let done = 0;
  const tick = (lanes: number) => {
    done += lanes;
    onProgress?.(done, total);
  };
  const jobs = plan.jobs.map((job) => simulateJobChunk(job, plan.seed, from, to, tick));
  return { kind: 'stress', from, to, jobs };
}

/** The baseline lane of a trial, kept until its cut lanes are compared with it. */
interface BaseLane {
  shortfall: number;
  makerShortfall: Float64Array;
  makerDemand: Float64Array;
  /** makers x periods */
  demand: Float64Array;
  delivered: Float64Array;
}

function blockFor(model: CompiledModel): Block {
  let block = blocks.get(model);
  if (!block) {
    block = createBlock(model, blockLanes(model));
    keepMakerSeries(block);
    blocks.set(model, block);
  }
  return block;
}

function simulateJobChunk(job: StressJob, seed: string | number, from: number, to: number, tick: (lanes: number) => void): StressJobPartial {
  const n = to - from;
  const part = emptyStressJobPartial(job, n);
  const block = blockFor(job.model);
  block.seed = seed;
  block.trace = null;
  const { M, H } = block;
  const perTrial = 1 + job.cuts.length;
  // A trial's lanes are consecutive, so at most this many trials wait for their cut lanes at once.
  const ring = Array.from({ length: block.B + 2 }, (): BaseLane => ({
    shortfall: 0, makerShortfall: new Float64Array(M), makerDemand: new Float64Array(M),
    demand: new Float64Array(M * H), delivered: new Float64Array(M * H),
  }));
  const scratch = { units: new Float64Array(job.groups.length), demand: new Float64Array(job.groups.length) };
  const lanes = n * perTrial;
  for (let g0 = 0; g0 < lanes; g0 += block.B) {
    const count = Math.min(block.B, lanes - g0);
    block.n = count;
    for (let b = 0; b < count; b++) {
      const g = g0 + b;
      const slot = g % perTrial;
      setLane(block, b, from + (g - slot) / perTrial, slot === 0 ? {} : { stress: job.cuts[slot - 1] });
    }
    simulateBlock(block);
    for (let b = 0; b < count; b++) {
      const g = g0 + b;
      const slot = g % perTrial;
      const r = (g - slot) / perTrial;
      const base = ring[r % ring.length];
      if (slot === 0) keepBase(block, b, base, job, part, r);
      else compareCut(block, b, base, job, part, r, n, slot - 1, scratch);
    }
    tick(count);
  }
  return part;
}

/** Keeps lane b's baseline figures for its cut lanes, and records the trial's baseline shortfall and demand. */
function keepBase(c: Block, b: number, base: BaseLane, job: StressJob, part: StressJobPartial, r: number): void {
  const { B, M, H } = c;
  base.shortfall = c.totalShortfall[b];
  part.baseShortfall[r] = base.shortfall;
  for (let k = 0; k < M; k++) {
    base.makerShortfall[k] = c.makerShortfallTotal[k * B + b];
    base.makerDemand[k] = c.makerDemandTotal[k * B + b];
    exactAdd(part.groupDemand[job.makerGroup[k]], base.makerDemand[k]);
  }
  base.demand.set(c.makerDemandSeries.subarray(b * M * H, (b + 1) * M * H));
  base.delivered.set(c.makerDeliveredSeries.subarray(b * M * H, (b + 1) * M * H));
}

/** Lane b took cut group u in trial r: its differences from the trial's baseline lane. */
function compareCut(
  c: Block, b: number, base: BaseLane, job: StressJob, part: StressJobPartial, r: number, n: number, u: number,
  scratch: { units: Float64Array; demand: Float64Array },
): void {
  const { B, M, H } = c;
  const G = job.groups.length;
  const D = job.periods;
  part.extra[u * n + r] = c.totalShortfall[b] - base.shortfall;
  scratch.units.fill(0);
  scratch.demand.fill(0);
  let someShort = false;
  const start = c.laneStressStart[b];
  for (let k = 0; k < M; k++) {
    const units = c.makerShortfallTotal[k * B + b] - base.makerShortfall[k];
    const demand = base.makerDemand[k];
    const pct = demand > 0 ? (100 * units) / demand : 0;
    const uk = u * M + k;
    exactAdd(part.makerUnits[uk], units);
    exactAdd(part.makerPct[uk], pct);
    exactAdd(part.makerPctSquares[uk], pct * pct);
    if (units > SHORT_TOLERANCE * demand) {
      part.makerShort[uk]++;
      someShort = true;
    }
    const grp = job.makerGroup[k];
    scratch.units[grp] += units;
    scratch.demand[grp] += demand;
    const o = (b * M + k) * H;
    const tts = cutSurvivalPeriods(c.makerDemandSeries, c.makerDeliveredSeries, o, base.demand, base.delivered, k * H, start, D, SURVIVAL_FRACTION);
    part.tts[uk * (D + 1) + tts]++;
  }
  if (someShort) part.someShort[u]++;
  for (let grp = 0; grp < G; grp++) {
    const pct = scratch.demand[grp] > 0 ? (100 * scratch.units[grp]) / scratch.demand[grp] : 0;
    exactAdd(part.groupUnits[u * G + grp], scratch.units[grp]);
    exactAdd(part.groupPct[u * G + grp], pct);
    exactAdd(part.groupPctSquares[u * G + grp], pct * pct);
  }
}
