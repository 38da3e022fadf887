/**
 * A maker's time to survive a cut (issue 12, `ttsUnderCut`): the periods from the cut's start until the
 * maker's fulfilment first falls below SURVIVAL_FRACTION of its own fulfilment in the same trial without
 * the cut; the cut's duration D when it never does while the cut lasts. Stockpiles and inventories are in
 * it, since both lanes simulate them; so is any shortfall the baseline already had in those periods.
 */

/** The share of its baseline fulfilment under which a maker counts as no longer surviving (model.md's 0.95). */
export const SURVIVAL_FRACTION = 0.95;

/**
 * Periods 0..D: the first t in [start, start + D) where fulfilment under the cut (series at cutOffset) is
 * below `fraction` x the baseline's (series at baseOffset), minus start; D if none. Fulfilment is
 * delivered / demand, 1 when demand is 0 (model.md section 2, step 5).
 */
export function cutSurvivalPeriods(
  cutDemand: Float64Array, cutDelivered: Float64Array, cutOffset: number,
  baseDemand: Float64Array, baseDelivered: Float64Array, baseOffset: number,
  start: number, D: number, fraction: number,
): number {
  for (let j = 0; j < D; j++) {
    const t = start + j;
    const dc = cutDemand[cutOffset + t];
    const db = baseDemand[baseOffset + t];
    const fc = dc > 0 ? cutDelivered[cutOffset + t] / dc : 1;
    const fb = db > 0 ? baseDelivered[baseOffset + t] / db : 1;
    if (fc < fraction * fb) return j;
  }
  return D;
}
