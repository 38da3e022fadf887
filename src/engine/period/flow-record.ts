/**
 * The period's flows between countries (flow-series.ts), when the run asks for them: each link's units
 * carried in all tiers go to its groups as shipped, and to its arrival slot; what arrives now goes to its
 * groups as arrived; each lane's ratio to the planned flow goes to its bin.
 */
import type { Block } from '../block.ts';
import { FLOW_BINS, flowBin } from '../flow-series.ts';

/** Records period t's flows of every lane (call after the period's last shipment). */
export function recordFlows(c: Block, t: number): void {
  const { B, n, H, R, L, linkTransit, addTransit, shippedLink, tierCarried, linkArrive, groupFlow, flowLinkStart, flowLinkGroups, flowPlan, flowBins, flowCapture } = c;
  const G = flowPlan!.groups.length;
  groupFlow.fill(0);
  for (let l = 0; l < L; l++) {
    const g0 = flowLinkStart[l];
    const g1 = flowLinkStart[l + 1];
    const lo = l * B;
    const k = linkTransit[l];
    for (let b = 0; b < n; b++) {
      const carried = shippedLink[lo + b] + tierCarried[lo + b];
      tierCarried[lo + b] = 0;
      if (!(carried > 0)) continue;
      for (let q = g0; q < g1; q++) groupFlow[flowLinkGroups[q] * B + b] += carried;
      const wait = k + addTransit[lo + b];
      if (t + wait >= H) continue;
      let slot = c.slot + wait;
      if (slot >= R) slot -= R;
      linkArrive[(l * R + slot) * B + b] += carried;
    }
    const now = (l * R + c.slot) * B;
    for (let b = 0; b < n; b++) {
      const arrived = linkArrive[now + b];
      if (arrived === 0) continue;
      linkArrive[now + b] = 0;
      for (let q = g0; q < g1; q++) groupFlow[(G + flowLinkGroups[q]) * B + b] += arrived;
    }
  }
  if (flowCapture) for (let g = 0; g < 2 * G; g++) flowCapture[g * H + t] = groupFlow[g * B];
  if (!flowBins) return;
  const planned = flowPlan!.planned;
  for (let g = 0; g < 2 * G; g++) {
    const p = planned[g * H + t];
    if (!(p > 0)) continue;
    const row = (g * H + t) * FLOW_BINS;
    for (let b = 0; b < n; b++) flowBins[row + flowBin(groupFlow[g * B + b] / p)]++;
  }
}
