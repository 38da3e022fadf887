/**
 * A block of trials simulated side by side: every per-node, per-link and per-maker quantity of model.md
 * section 2 is a typed array with one entry per lane (index x * B + b), so the period loop's inner loops
 * run over trials, as a vectorised implementation's do, while each lane keeps its own streams and events
 * and gives exactly the numbers it would alone. A lane is a trial, optionally with some disruptions masked
 * (attribution), in quiet mode or with a link cut (time to survive).
 */
import { ALEA_STRIDE } from '../random/alea.ts';
import { DistKind, type CompiledDist } from '../random/distributions.ts';
import { monthsToPeriods } from '../model/time.ts';
import { TARGET_LINKS, TARGET_NODES, type CompiledModel } from './compiled-model.ts';
import type { TrialTrace } from './trial-trace.ts';
import { kernelMemory } from './kernels.ts';
import { BETA_TABLE_NUMBERS, writeBetaTable } from '../random/beta-quantile-table.ts';

/** A period no project reaches (failed, or never commissioned). */
export const NEVER = 0x3fffffff;
/** Below this a request, need or unmet amount counts as none. */
export const EPS = 1e-12;

/** Ledger accounts per lane, in the order of LEDGER_ACCOUNTS (result.ts): index account x B + lane. */
export const LED_EXTRACTED = 0;
export const LED_RECYCLED = 1;
export const LED_OPENING = 2;
export const LED_IN_TRANSIT_START = 3;
export const LED_DELIVERED = 4;
export const LED_CLOSING = 5;
export const LED_IN_TRANSIT_END = 6;
export const LED_YIELD_LOSS = 7;
export const LED_EXCESS = 8;
export const LED_COUNT = 9;

/**
 * One lane's events: parallel typed arrays in the order they started, with counts (grown when full). Not
 * JS arrays: emptying one with length = 0 drops its storage, and the next push allocates again.
 */
export interface LaneEvents {
  count: number;
  disruption: Int32Array;
  start: Int32Array;
  end: Int32Array;
  recoveryEnd: Int32Array;
  magnitude: Float64Array;
  added: Int32Array;
  /** events not yet past their recovery, in start order */
  live: Int32Array;
  liveCount: number;
  /** disruptions whose targets the lane's live events set last period (to reset before this period's) */
  touched: Int32Array;
  touchedCount: number;
}

/** An empty event list with room for `capacity` events. */
export function laneEvents(capacity: number, disruptions: number): LaneEvents {
  return {
    count: 0,
    disruption: new Int32Array(capacity), start: new Int32Array(capacity), end: new Int32Array(capacity),
    recoveryEnd: new Int32Array(capacity), magnitude: new Float64Array(capacity), added: new Int32Array(capacity),
    live: new Int32Array(capacity), liveCount: 0,
    touched: new Int32Array(Math.max(1, disruptions)), touchedCount: 0,
  };
}

/** Doubles the room of a lane's event list, keeping its events. */
export function growLaneEvents(ev: LaneEvents): void {
  const grow = <T extends Int32Array | Float64Array>(a: T): T => {
    const b = new (a.constructor as { new (n: number): T })(a.length * 2);
    b.set(a);
    return b;
  };
  ev.disruption = grow(ev.disruption);
  ev.start = grow(ev.start);
  ev.end = grow(ev.end);
  ev.recoveryEnd = grow(ev.recoveryEnd);
  ev.magnitude = grow(ev.magnitude);
  ev.added = grow(ev.added);
  ev.live = grow(ev.live);
}

/** Allocates the buffers of a block of up to `lanes` lanes for the model. */
export function createBlock(model: CompiledModel, lanes: number) {
  // Even, so the kernels' lane pairs never cross a row (the pair past an odd n touches a lane nobody reads).
  const B = Math.max(2, lanes + (lanes & 1));
  const N = model.nodeIds.length;
  const L = model.linkFrom.length;
  const M = model.makers.length;
  const H = model.periods;
  const D = model.disruptions.length;
  const K = model.disruptionCount;
  const R = arrivalRing(model);
  const f64 = (k: number) => new Float64Array(k);
  const i32 = (k: number) => new Int32Array(k);
  const shares = mixShares(model);
  let hasRefill = false;
  let hasStockpile = false;
  for (let i = 0; i < N; i++) {
    if (model.invMax[i] > 0 || (model.stockMax[i] > 0 && model.stockRefill[i] > 0)) hasRefill = true;
    if (model.stockMax[i] > 0) hasStockpile = true;
  }
  // The per-lane quantities the period's steps read, as views of one array: a loop can then address
  // them all through `heap` at their offsets (off), and V8 checks one typed array per lane instead of
  // one per quantity (it re-checks each typed array's map, length and data on every access of a loop).
  // Beta-PERT demand noise reads its beta table from the heap too (one per such maker).
  const pertMakers = model.makerNoise.filter((d) => d !== null && d.kind === DistKind.Pert).length;
  const size = (14 + 2 * R) * N * B + 7 * L * B + 6 * M * B + 2 * B * H + 12 * B + LED_COUNT * B + (2 + model.leverCount) * B * ALEA_STRIDE + pertMakers * BETA_TABLE_NUMBERS;
  // After the numbers, the Int32 counts the kernels read (added transit, the period a node comes online).
  const ints = (L + N) * B;
  const { buffer, kernels } = kernelMemory(8 * size + 4 * ints);
  const heap = new Float64Array(buffer, 0, size);
  const counts = new Int32Array(buffer, 8 * size, ints);
  let used = 0;
  let usedInts = 0;
  const hot = (k: number) => heap.subarray(used, (used += k));
  const hotInts = (k: number) => counts.subarray(usedInts, (usedInts += k));
  const block = {
    ...model,
    heap,
    /** the period's lane loops in WebAssembly, over this block's heap */
    kernels,
    B, N, L, M, H, D, R,
    hasRefill,
    hasStockpile,
    hasFlex: model.flexFraction.some((f) => f > 0),
    hasRecycling: model.recycling.length > 0,
    /** buyers whose share' can change in a trial (a project among the sources, or a diversify lever) */
    dynamicBuyers: shares.dynamicBuyers,
    /** share' of every link of the other buyers, fixed for the run */
    staticNormShare: shares.staticNormShare,
    /** 1 for a link some route event can add transit to (its shipments land lane by lane) */
    linkDelayable: delayableLinks(model),
    /** 1 for a link some event can cut (a_l < 1); a lane's cut link is marked when the lane is set */
    linkCuttable: cuttableLinks(model),
    /** 1 for a node some recycling lever feeds */
    recycles: Uint8Array.from(model.nodeIds.keys(), (i) => (model.recycling.some((r) => r.nodes.includes(i)) ? 1 : 0)),
    /** nodes whose c_n(t) can change in a trial (projects, targets of node events or stress cuts); the others' stays at capacity */
    availChanging: changingNodes(model),
    /** nodes that can receive refills: an inventory, or a maker's stockpile with refills */
    refillReceivers: Int32Array.from(model.nodeIds.keys()).filter((i) => model.invMax[i] > 0 || (model.makerPos[i] >= 0 && model.stockMax[i] > 0 && model.stockRefill[i] > 0)),
    P: model.processors.length,
    G: model.periods + model.maxTransit,
    W: model.planWidth,
    OFF: model.planOffset,
    K: model.maxTransit,
    /** lanes in use: 0 .. n - 1 */
    n: 0,
    /** the arrival ring's slot of the current period: t mod R */
    slot: 0,
    /** whether an online factor or a diversify switch moved since share' was last computed */
    mixChanged: true,
    seed: 1 as string | number,

    // What each lane simulates.
    laneTrial: i32(B),
    laneQuiet: new Uint8Array(B),
    laneCut: i32(B).fill(-1),
    /** per lane, the stress cut it takes (index into stressCuts, -1 none) and the period that cut starts */
    laneStress: i32(B).fill(-1),
    laneStressStart: i32(B),
    /** per lane and disruption (file index): 1 drops its events, draws unchanged */
    laneMask: new Uint8Array(B * K),
    /** per lane and disruption (file index): 1 if the disruption drew an event in this lane */
    laneDrew: new Uint8Array(B * K),
    anyQuiet: false,

    // Streams: alea states, ALEA_STRIDE numbers a lane.
    // (in the heap, where the kernels draw from them)
    dStream: hot(B * ALEA_STRIDE),
    wStream: hot(B * ALEA_STRIDE),
    /** the stress stream, drawn once per lane at its start */
    stressStream: f64(ALEA_STRIDE),
    leverStreams: Array.from({ length: model.leverCount }, () => hot(B * ALEA_STRIDE)),

    // Per node and lane.
    aNode: hot(N * B),
    online: hot(N * B),
    onlineAt: hotInts(N * B),
    avail: hot(N * B),
    inventory: hot(N * B),
    stock: hot(N * B),
    inputLeft: hot(N * B),
    shippedOut: hot(N * B),
    shippedTotal: hot(N * B),
    recycled: hot(N * B),
    refillInTransit: hot(N * B),
    refillNow: hot(N * B),
    reqIn: hot(N * B),
    treqIn: hot(N * B),
    scratch: hot(N * B),
    /** arrivals by node, ring slot (period mod R) and lane; refills apart */
    arrivals: hot(N * R * B),
    refillArrivals: hot(N * R * B),

    // Per link and lane.
    aLink: hot(L * B),
    /** periods of transit events add per link and lane */
    addTransit: hotInts(L * B),
    share: hot(L * B),
    /** share'_l: the mix's share over the sources online, renormalised (0 when none is online) */
    normShare: hot(L * B),
    req: hot(L * B),
    want: hot(L * B),
    shippedLink: hot(L * B),
    treq: hot(L * B),
    flexCount: i32(L * B),
    /** whether any lane asked over a link, or of a node, in the current later tier's pass */
    linkAsked: new Uint8Array(L),
    nodeAsked: new Uint8Array(N),

    // Per maker and lane.
    demand: hot(M * B),
    delivered: hot(M * B),
    demandMult: hot(M * B),
    /** periods each maker's shortfall has lasted (a count; in the heap, where the kernels read it) */
    subCount: hot(M * B),
    makerShortfallTotal: hot(M * B),
    makerDemandTotal: hot(M * B),

    // Per lane, lane-major over periods (so one lane's series is one subarray).
    fulfilment: hot(B * H),
    deliveredHistory: hot(B * H),

    // Per lane totals and outcomes.
    cost: hot(B),
    ttrMonths: hot(B),
    ttrStatus: new Int8Array(B),
    totalShortfall: hot(B),
    totalDemand: hot(B),
    totalSubstituted: hot(B),
    holding: hot(B),
    worst: hot(B),
    periodDemand: hot(B),
    periodDelivered: hot(B),
    ledger: hot(LED_COUNT * B),
    /** per lane: 1 if a later tier asked anything this period (a row of the heap, where deliverMore's kernel reads it) */
    laneAsked: hot(B),
    /** a per-lane scratch row (request bases, ratios) */
    laneScratch: hot(B),
    laneScratch2: hot(B),

    // Levers and events per lane.
    recycleRate: f64(model.recycling.length * B),
    switchAt: i32(model.diversify.length * B),
    diversifyActive: new Uint8Array(model.diversify.length * B),
    scriptedStart: i32(D * B),
    newStarts: i32(D * B),
    events: Array.from({ length: B }, () => laneEvents(16, D)),
    /** what a lane's event can stand for: the scenario's disruptions, then the stress test's cuts */
    eventSources: [...model.disruptions, ...model.stressCuts],
    /** per lane, maker and period (lane-major: (b x M + k) x H + t): demand and delivered, when makerSeries is on */
    makerSeries: false,
    makerDemandSeries: new Float64Array(0),
    makerDeliveredSeries: new Float64Array(0),
    /** a per-link row for re-applying diversify levers to one lane's shares */
    shareRow: f64(L),

    // Flow series (flow-series.ts), allocated only when the model has a flow plan.
    /** whether this simulation follows flows: a flow plan, and flowBins or flowCapture to keep them (set per simulateBlock) */
    flowOn: model.flowPlan !== null,
    /** tier 2 and 3 units carried per link and lane this period */
    tierCarried: f64(model.flowPlan ? L * B : 0),
    /** units that will arrive over each link, by ring slot and lane */
    linkArrive: f64(model.flowPlan ? L * R * B : 0),
    /** this period's flow per group (shipped, then arrived) and lane */
    groupFlow: f64(model.flowPlan ? 2 * model.flowPlan.groups.length * B : 0),
    /** where main lanes' ratios go: (group x H + t) x FLOW_BINS + bin; null for lanes that must not count (attribution) */
    flowBins: null as Int32Array | null,
    /** lane 0's flow per group and period, when computing the planned flows */
    flowCapture: null as Float64Array | null,
    /** per-period detail of lane 0 (tests, time to survive, stage shares); only with one lane */
    trace: null as TrialTrace | null,
  };
  // Each PERT noise maker's table, written where the kernel reads it (at: its heap element index).
  const makerPertTable = model.makerNoise.map((d) => {
    if (d === null || d.kind !== DistKind.Pert) return null;
    const table = hot(BETA_TABLE_NUMBERS);
    return { ...writeBetaTable(d.p[2], d.p[3], table), at: table.byteOffset >> 3 };
  });
  if (used !== size || usedInts !== ints) throw new Error(`block heap laid out ${used} of ${size} numbers, ${usedInts} of ${ints} counts`);
  return { ...block, makerPertTable, off: heapOffsets(block) };
}

/** The names of a block's per-lane quantities (the Float64Array fields; those the loops address through the heap are its views). */
type Quantity<T> = { [K in keyof T]: T[K] extends Float64Array ? K : never }[keyof T];

/**
 * Where each view of the heap starts in it, by name, found once for the block: the loops add these to
 * their row offsets (h[off.inputLeft + o + b]) instead of asking each view for its offset on every call.
 */
function heapOffsets<T extends { heap: Float64Array }>(block: T): Record<Quantity<T>, number> {
  const off: Record<string, number> = {};
  for (const [name, value] of Object.entries(block)) {
    if (value instanceof Float64Array && value !== block.heap && value.buffer === block.heap.buffer) off[name] = value.byteOffset >> 3;
  }
  return off as Record<Quantity<T>, number>;
}

/** The buffers and the compiled model of a block, as one object of fixed shape that every step reads. */
export type Block = ReturnType<typeof createBlock>;

/** Keeps each lane's per-maker demand and deliveries per period (for analyses that compare makers period by period). */
export function keepMakerSeries(c: Block): void {
  if (c.makerSeries) return;
  c.makerSeries = true;
  c.makerDemandSeries = new Float64Array(c.B * c.M * c.H);
  c.makerDeliveredSeries = new Float64Array(c.B * c.M * c.H);
}

/** Which buyers' share' can change in a trial, and share' of every other buyer's links (online sources, base shares). */
function mixShares(model: CompiledModel): { dynamicBuyers: Int32Array; staticNormShare: Float64Array } {
  const n = model.nodeIds.length;
  const project = new Uint8Array(n);
  for (const p of model.projects) project[p.node] = 1;
  const dynamic = new Uint8Array(n);
  for (const d of model.diversify) dynamic[d.buyer] = 1;
  for (let l = 0; l < model.linkFrom.length; l++) if (project[model.linkFrom[l]]) dynamic[model.linkTo[l]] = 1;
  const staticNormShare = new Float64Array(model.linkFrom.length);
  const dynamicBuyers: number[] = [];
  for (let buyer = 0; buyer < n; buyer++) {
    const lo = model.buyerStart[buyer];
    const hi = model.buyerStart[buyer + 1];
    if (lo === hi) continue;
    if (dynamic[buyer]) {
      dynamicBuyers.push(buyer);
      continue;
    }
    // The same arithmetic as the trial's (share x online) / sum, with every source online.
    let sum = 0;
    for (let j = lo; j < hi; j++) sum += model.linkShare[model.buyerLinks[j]] * 1;
    for (let j = lo; j < hi; j++) {
      const l = model.buyerLinks[j];
      staticNormShare[l] = sum > 0 ? (model.linkShare[l] * 1) / sum : 0;
    }
  }
  return { dynamicBuyers: Int32Array.from(dynamicBuyers), staticNormShare };
}

/** Nodes whose availability can move: projects (online, ramp) and the targets of node events and stress cuts. */
function changingNodes(model: CompiledModel): Int32Array {
  const changing = new Uint8Array(model.nodeIds.length);
  for (const p of model.projects) changing[p.node] = 1;
  for (const d of [...model.disruptions, ...model.stressCuts]) if (d.targetKind === TARGET_NODES) for (const i of d.targets) changing[i] = 1;
  return Int32Array.from(model.nodeIds.keys()).filter((i) => changing[i] === 1);
}

/** Links that an export ban, a route event or a stress test's cut targets. */
function cuttableLinks(model: CompiledModel): Uint8Array {
  const cuttable = new Uint8Array(model.linkFrom.length);
  for (const d of [...model.disruptions, ...model.stressCuts]) if (d.targetKind === TARGET_LINKS) for (const l of d.targets) cuttable[l] = 1;
  return cuttable;
}

/** Links that a route event with added transit targets. */
function delayableLinks(model: CompiledModel): Uint8Array {
  const delayable = new Uint8Array(model.linkFrom.length);
  for (const d of model.disruptions) {
    if (d.targetKind === TARGET_LINKS && d.addedTransit !== null) for (const l of d.targets) delayable[l] = 1;
  }
  return delayable;
}

/**
 * Most lanes a block simulates side by side: enough to spread each step's fixed cost (the JavaScript
 * around each kernel call) over many lanes. With the kernels, 128 lanes ran 10% faster than 64 (bench
 * chain and held-out-like chain, in process). 256 ran 5-8% faster again, but the bench's command-line
 * peak at 100,000 trials rose by 45 MB over that at 10,000 (140 bytes a trial a strategy, against 20-25
 * at 64 and 128 lanes), which the memory bar does not allow.
 */
export const MAX_LANES = 128;
/** Bytes a block's arrival rings may take: a long horizon with unbounded added transit gets fewer lanes, not gigabytes. */
const RING_BYTES = 32 * 2 ** 20;

/** Lanes for a block of the model: MAX_LANES, halved (down to 8) while its arrival rings would pass RING_BYTES. */
export function blockLanes(model: CompiledModel): number {
  const rows = 2 * model.nodeIds.length + (model.flowPlan ? model.linkFrom.length : 0);
  const ring = arrivalRing(model);
  let lanes = MAX_LANES;
  while (lanes > 8 && rows * ring * lanes * 8 > RING_BYTES) lanes /= 2;
  return lanes;
}

/**
 * Periods the arrival ring must span: the longest transit plus the longest added transit an event can
 * draw (the horizon for an unbounded distribution), plus one; never more than the horizon plus one.
 */
export function arrivalRing(model: CompiledModel): number {
  let added = 0;
  for (const d of model.disruptions) {
    if (d.targetKind === TARGET_LINKS && d.addedTransit !== null) added = Math.max(added, upperBoundPeriods(d.addedTransit, model));
  }
  return Math.min(model.periods, model.maxTransit + added) + 1;
}

/** The largest value a draw can take, in periods (the horizon when unbounded). */
function upperBoundPeriods(d: CompiledDist, model: CompiledModel): number {
  const p = d.p;
  let months: number;
  switch (d.kind) {
    case DistKind.Fixed: months = p[0]; break;
    case DistKind.Pinned: months = p[0]; break;
    case DistKind.Uniform: months = p[1]; break;
    case DistKind.Triangular: months = p[2]; break;
    case DistKind.Pert: months = p[1]; break;
    case DistKind.Bernoulli: months = 1; break;
    case DistKind.Discrete: months = Math.max(...d.values!); break;
    default: return model.periods;
  }
  return Math.min(model.periods, Math.max(0, monthsToPeriods(Math.max(0, months), model.periodsPerYear)));
}
