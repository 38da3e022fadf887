/** The plan of model.md section 2: planned demand D, planned need P per node, and the anticipation g per link. */

export interface PlanInput {
  periods: number;
  periodsPerYear: number;
  maxTransit: number;
  nodeCount: number;
  /** annual demand as a function of months, per maker */
  demandFns: ((months: number) => number)[];
  makers: number[];
  processors: number[];
  mines: number[];
  yld: Float64Array;
  linkFrom: Int32Array;
  linkTo: Int32Array;
  /** the nominal shares the plan uses (all diversify levers applied) */
  linkShare: Float64Array;
  linkTransit: Int32Array;
  buyerStart: Int32Array;
  buyerLinks: Int32Array;
  sellerStart: Int32Array;
  sellerLinks: Int32Array;
}

export interface Plan {
  planOffset: number;
  planWidth: number;
  demandPlan: Float64Array;
  plan: Float64Array;
  anticipation: Float64Array;
}

/**
 * Computes D and P over a window wide enough for every lookup the run makes: periods -maxTransit - 1
 * up to three transits past the horizon (a mine's plan looks two links downstream, its anticipation one more).
 */
export function computePlan(input: PlanInput): Plan {
  const { periods, periodsPerYear: ppy, maxTransit: K, nodeCount } = input;
  const planOffset = K + 1;
  const planWidth = planOffset + periods + 3 * K + 2;
  const W = planWidth;
  const demandPlan = new Float64Array(input.makers.length * W);
  const plan = new Float64Array(nodeCount * W);
  input.makers.forEach((m, k) => {
    const fn = input.demandFns[k];
    for (let i = 0; i < W; i++) {
      const d = fn(((i - planOffset) * 12) / ppy) / ppy;
      demandPlan[k * W + i] = d;
      plan[m * W + i] = d;
    }
  });
  // Upstream one stage at a time: processing nodes from makers, then mines and projects from processing nodes.
  for (const group of [input.processors, input.mines]) {
    for (const n of group) {
      for (let j = input.sellerStart[n]; j < input.sellerStart[n + 1]; j++) {
        const l = input.sellerLinks[j];
        const customer = input.linkTo[l];
        const share = input.linkShare[l] / input.yld[customer];
        const k = input.linkTransit[l];
        for (let i = 0; i < W; i++) plan[n * W + i] += share * plan[customer * W + Math.min(W - 1, i + k)];
      }
    }
  }
  const G = periods + K;
  const anticipation = new Float64Array(input.linkFrom.length * G);
  for (let l = 0; l < input.linkFrom.length; l++) {
    const b = input.linkTo[l];
    const k = input.linkTransit[l];
    for (let t = -K; t < periods; t++) {
      const now = plan[b * W + t + planOffset];
      anticipation[l * G + t + K] = now > 0 ? plan[b * W + t + k + planOffset] / now : 1;
    }
  }
  return { planOffset, planWidth, demandPlan, plan, anticipation };
}
