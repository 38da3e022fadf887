/** Buffers one trial needs, allocated once per model and reused for every trial of a chunk. */
import type { CompiledModel } from './compiled-model.ts';

export interface TrialState {
  /** node availability, link availability, link added transit, maker demand multiplier */
  aNode: Float64Array;
  aLink: Float64Array;
  addTransit: Int32Array;
  demandMult: Float64Array;
  /** 0 before a node is online, its ramp factor while ramping, then 1 */
  online: Float64Array;
  /** period a node comes online (0 for existing nodes; past the horizon for failed projects) */
  onlineAt: Int32Array;
  /** available capacity c_n(t) */
  avail: Float64Array;
  /** current nominal shares and this period's share' */
  share: Float64Array;
  req: Float64Array;
  reqIn: Float64Array;
  /** arrivals per node per period: regular and refill channels, nodes x periods */
  arrivals: Float64Array;
  refillArrivals: Float64Array;
  inventory: Float64Array;
  refillInTransit: Float64Array;
  /** input left unused this period (arrivals, inventory, recycled), and output shipped this period */
  inputLeft: Float64Array;
  shippedOut: Float64Array;
  /** units shipped over the trial, per node, for the supply cost */
  shippedTotal: Float64Array;
  demand: Float64Array;
  delivered: Float64Array;
  fulfilment: Float64Array;
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
  return {
    aNode: new Float64Array(n),
    aLink: new Float64Array(l),
    addTransit: new Int32Array(l),
    demandMult: new Float64Array(m),
    online: new Float64Array(n),
    onlineAt: new Int32Array(n),
    avail: new Float64Array(n),
    share: new Float64Array(l),
    req: new Float64Array(l),
    reqIn: new Float64Array(n),
    arrivals: new Float64Array(n * H),
    refillArrivals: new Float64Array(n * H),
    inventory: new Float64Array(n),
    refillInTransit: new Float64Array(n),
    inputLeft: new Float64Array(n),
    shippedOut: new Float64Array(n),
    shippedTotal: new Float64Array(n),
    demand: new Float64Array(m),
    delivered: new Float64Array(m),
    fulfilment: new Float64Array(H),
    evDisruption: [],
    evStart: [],
    evEnd: [],
    evRecoveryEnd: [],
    evMagnitude: [],
    evAdded: [],
    live: [],
    starts: [],
    scriptedStart: new Int32Array(model.disruptions.length),
    newStarts: new Int32Array(model.disruptions.length),
  };
}
