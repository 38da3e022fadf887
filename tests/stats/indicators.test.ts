import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/engine/result.ts';
import { stageIndicators } from '../../src/stats/indicators.ts';

describe('stageIndicators', () => {
  it('gives HHI, top country and top share per stage', () => {
    const r: RunResult['indicators'] = stageIndicators([
      { stage: 'extraction', country: 'CN', capacity: 50 },
      { stage: 'extraction', country: 'AU', capacity: 50 },
      { stage: 'exploration', country: 'US', capacity: 1000 }, // left out
      { stage: 'processing', country: 'CN', capacity: 60 },
      { stage: 'processing', country: 'JP', capacity: 10 },
      { stage: 'processing', country: 'CN', capacity: 30 },
      { stage: 'manufacturing', country: 'US', capacity: 0 }, // zero total: omitted
    ]);
    expect(r).toEqual({
      // 50/50: 50^2 + 50^2; tie broken alphabetically
      extraction: { hhi: 5000, topCountry: 'AU', topShare: 0.5 },
      // 90/10: 8100 + 100
      processing: { hhi: 8200, topCountry: 'CN', topShare: 0.9 },
    });
  });

  it('gives 10000 for a single country', () => {
    expect(stageIndicators([{ stage: 'manufacturing', country: 'DE', capacity: 3 }])).toEqual({
      manufacturing: { hhi: 10000, topCountry: 'DE', topShare: 1 },
    });
  });
});
