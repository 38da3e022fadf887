/** Flow series from their bins: per group and period the mean, P5 and P95 of r = flow / planned (flow-series.ts). */
import type { FlowSeries } from '../engine/result.ts';
import { FLOW_BINS, flowBinValue, type FlowPlan } from '../engine/flow-series.ts';

/** The series of every group, shipped then arrived, over `periods` periods of `trials` trials. */
export function flowSeries(plan: FlowPlan, bins: Int32Array, periods: number, trials: number): FlowSeries[] {
  const G = plan.groups.length;
  const series: FlowSeries[] = [];
  for (let g2 = 0; g2 < 2 * G; g2++) {
    const group = plan.groups[g2 % G];
    const s: FlowSeries = { ...group, counted: g2 < G ? 'shipped' : 'arrived', planned: [], mean: [], p5: [], p95: [] };
    for (let t = 0; t < periods; t++) {
      const planned = plan.planned[g2 * periods + t];
      s.planned.push(planned);
      if (!(planned > 0) || trials === 0) {
        s.mean.push(null);
        s.p5.push(null);
        s.p95.push(null);
        continue;
      }
      const row = (g2 * periods + t) * FLOW_BINS;
      const p5Target = Math.max(1, Math.ceil(0.05 * trials));
      const p95Target = Math.max(1, Math.ceil(0.95 * trials));
      let count = 0;
      let sum = 0;
      let p5: number | null = null;
      let p95: number | null = null;
      for (let b = 0; b < FLOW_BINS; b++) {
        const k = bins[row + b];
        if (k === 0) continue;
        count += k;
        sum += k * flowBinValue(b);
        if (p5 === null && count >= p5Target) p5 = flowBinValue(b);
        if (p95 === null && count >= p95Target) p95 = flowBinValue(b);
      }
      s.mean.push(count > 0 ? sum / count : null);
      s.p5.push(p5);
      s.p95.push(p95);
    }
    series.push(s);
  }
  return series;
}
