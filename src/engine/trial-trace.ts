/** Optional per-period detail of one trial: for tests, time to survive and the stage shares of a real scenario. */
import type { CompiledModel } from './compiled-model.ts';

export interface TrialTrace {
  /** units each node shipped from its capacity in all tiers (makers: delivered), nodes x periods */
  shipped: Float64Array;
  /** available capacity c_n(t), nodes x periods */
  capacity: Float64Array;
  /** demand d_n(t), delivered and shortfall after substitution, makers x periods */
  makerDemand: Float64Array;
  makerDelivered: Float64Array;
  makerShortfall: Float64Array;
  /** stockpile level at the end of each period, nodes x periods */
  stock: Float64Array;
  /** units shipped over each link in tier 1 (stockpile cover included), links x periods */
  linkShipped: Float64Array;
  /** units shipped over each link in all tiers, its unscaled tier-1 ask (before a_l) and a_l(t), links x periods */
  linkCarried: Float64Array;
  linkAsk: Float64Array;
  linkAvailability: Float64Array;
  /** inventory level at the end of each period, nodes x periods */
  inventory: Float64Array;
}

/** Creates a trace sized for the model. */
export function createTrace(model: CompiledModel): TrialTrace {
  const H = model.periods;
  const n = model.nodeIds.length;
  const m = model.makers.length;
  const l = model.linkFrom.length;
  const f64 = (k: number) => new Float64Array(k);
  return {
    shipped: f64(n * H), capacity: f64(n * H),
    makerDemand: f64(m * H), makerDelivered: f64(m * H), makerShortfall: f64(m * H),
    stock: f64(n * H), linkShipped: f64(l * H), linkCarried: f64(l * H), linkAsk: f64(l * H), linkAvailability: f64(l * H),
    inventory: f64(n * H),
  };
}
