/** Buffers one trial needs, allocated once per model and reused for every trial of a chunk. */
import type { CompiledModel } from '../../../src/engine/compiled-model.ts';

export interface TrialState {
  /** node availability, link availability, link added transit, maker demand multiplier */
  aNode: Float64Array;
  aLink: Float64Array;
  addTransit: Int32Array;
  demandMult: Float64Array;
  /** 0 before a node is online, its ramp factor while ramping, then 1 */
  online: Float64Array;
  /** period a node comes online (0 for existing nodes; never for failed projects) */
  onlineAt: Int32Array;
  /** available capacity c_n(t) */
  avail: Float64Array;
  /** current nominal shares (levers change them) */
  share: Float64Array;
  /** tier-1 requests (after a_l), what they would be before a_l, and what was shipped over each link */
  req: Float64Array;
  want: Float64Array;
  shippedLink: Float64Array;
  reqIn: Float64Array;
  /** requests of the later tiers */
  treq: Float64Array;
  treqIn: Float64Array;
  /** arrivals per node per period: regular and refill channels, nodes x periods */
  arrivals: Float64Array;
  refillArrivals: Float64Array;
  inventory: Float64Array;
  refillInTransit: Float64Array;
  /** refills that arrived within this period's tiers */
  refillNow: Float64Array;
  /** input left unused this period (arrivals, inventory, recycled), and output shipped this period */
  inputLeft: Float64Array;
  shippedOut: Float64Array;
  /** units shipped over the trial, per node, for the supply cost */
  shippedTotal: Float64Array;
  recycled: Float64Array;
  stock: Float64Array;
  demand: Float64Array;
  delivered: Float64Array;
  fulfilment: Float64Array;
  deliveredHistory: Float64Array;
  flexCount: Int32Array;
  /** a per-node amount handed from one step to the next (an argument would be boxed by V8) */
  scratch: Float64Array;
  subCount: Int32Array;
  /** per maker, this trial's total shortfall and demand */
  makerShortfallTotal: Float64Array;
  makerDemandTotal: Float64Array;
  recycleRate: Float64Array;
  switchAt: Int32Array;
  diversifyActive: Uint8Array;
  /** events of the trial: disruption (processing order), start, end of activity, end of recovery, magnitude, added transit */
  evDisruption: number[];
  evStart: number[];
  evEnd: number[];
  evRecoveryEnd: number[];
  evMagnitude: number[];
  evAdded: number[];
  live: number[];
  starts: number[];
  scriptedStart: Int32Array;
  newStarts: Int32Array;
}

/** Allocates the buffers for a model. */
export function createTrialState(model: CompiledModel): TrialState {
  const n = model.nodeIds.length;
  const l = model.linkFrom.length;
  const m = model.makers.length;
  const H = model.periods;
  const f64 = (k: number) => new Float64Array(k);
  return {
    aNode: f64(n), aLink: f64(l), addTransit: new Int32Array(l), demandMult: f64(m),
    online: f64(n), onlineAt: new Int32Array(n), avail: f64(n), share: f64(l),
    req: f64(l), want: f64(l), shippedLink: f64(l), reqIn: f64(n), treq: f64(l), treqIn: f64(n),
    arrivals: f64(n * H), refillArrivals: f64(n * H), inventory: f64(n), refillInTransit: f64(n), refillNow: f64(n),
    inputLeft: f64(n), shippedOut: f64(n), shippedTotal: f64(n), recycled: f64(n), stock: f64(n),
    demand: f64(m), delivered: f64(m), fulfilment: f64(H), deliveredHistory: f64(H),
    flexCount: new Int32Array(l), subCount: new Int32Array(m), scratch: f64(n), makerShortfallTotal: f64(m), makerDemandTotal: f64(m),
    recycleRate: f64(model.recycling.length), switchAt: new Int32Array(model.diversify.length), diversifyActive: new Uint8Array(model.diversify.length),
    evDisruption: [], evStart: [], evEnd: [], evRecoveryEnd: [], evMagnitude: [], evAdded: [], live: [], starts: [],
    scriptedStart: new Int32Array(model.disruptions.length),
    newStarts: new Int32Array(model.disruptions.length),
  };
}
