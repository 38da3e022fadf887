/** Static concentration indicators per stage (model.md section 5, Indicators). */
import type { StageIndicator } from '../engine/result.ts';
import type { StageName } from '../model/schema.ts';

/** The stages indicators are given for: exploration projects are not capacity yet. */
export const INDICATOR_STAGES = ['extraction', 'processing', 'manufacturing'] as const;
export type IndicatorStage = (typeof INDICATOR_STAGES)[number];

/**
 * Per stage with capacity: HHI of capacity shares by country (0..10000), the top country (ties:
 * alphabetical first) and its share (a fraction). Stages with zero total capacity are omitted.
 */
export function stageIndicators(
  nodes: readonly { stage: StageName; country: string; capacity: number }[],
): Partial<Record<IndicatorStage, StageIndicator>> {
  const result: Partial<Record<IndicatorStage, StageIndicator>> = {};
  for (const stage of INDICATOR_STAGES) {
    const byCountry = new Map<string, number>();
    let total = 0;
    for (const n of nodes) {
      if (n.stage !== stage) continue;
      byCountry.set(n.country, (byCountry.get(n.country) ?? 0) + n.capacity);
      total += n.capacity;
    }
    if (!(total > 0)) continue;
    // Alphabetical order makes the sum, and the tie-break, independent of the order of the nodes.
    const countries = [...byCountry.keys()].sort();
    let hhi = 0;
    let topCountry = countries[0];
    for (const c of countries) {
      const pct = (100 * byCountry.get(c)!) / total;
      hhi += pct * pct;
      if (byCountry.get(c)! > byCountry.get(topCountry)!) topCountry = c;
    }
    result[stage] = { hhi, topCountry, topShare: byCountry.get(topCountry)! / total };
  }
  return result;
}
