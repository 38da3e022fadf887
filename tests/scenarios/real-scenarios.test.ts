/** Every shipped scenario validates, runs, and its undisrupted, noise-free run reproduces its cited stage shares. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { runScenario } from '../../src/engine/run-scenario.ts';
import { simulatedStageShares } from '../../src/engine/stage-shares.ts';
import { validateScenario, formatIssues } from '../../src/model/validate.ts';
import type { Scenario } from '../../src/model/schema.ts';

const dir = new URL('../../scenarios/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
const load = (file: string): unknown => JSON.parse(readFileSync(new URL(file, dir), 'utf8'));

describe('shipped scenarios', () => {
  it('include the default gallium scenario', () => {
    expect(files).toContain('gallium.json');
  });

  describe.each(files)('%s', (file) => {
    const raw = load(file);
    const v = validateScenario(raw);

    it('validates, with an id matching its file name', () => {
      if (!v.ok) throw new Error(formatIssues(v.issues));
      expect(v.scenario.id).toBe(file.replace(/\.json$/, ''));
    });

    it('cites a reference for each stage share, and states its assumptions', () => {
      const s = raw as Scenario;
      const refs = new Set((s.references ?? []).map((r) => r.id));
      // At least one stage is cited; a stage whose share cannot be traced to its publisher is left uncited (issue 11).
      expect(Object.keys(s.stageShares ?? {}).length).toBeGreaterThanOrEqual(1);
      for (const share of Object.values(s.stageShares ?? {})) expect(refs.has(share!.reference)).toBe(true);
      expect((s.assumptions ?? []).length).toBeGreaterThan(0);
      expect((s.strategies ?? []).length).toBeGreaterThanOrEqual(3);
    });

    it('runs a few hundred trials of every strategy', () => {
      const r = runScenario(raw as Scenario, { trials: 200, seed: 1, attribution: false });
      expect(r.strategies.length).toBe(1 + ((raw as Scenario).strategies ?? []).length);
      for (const st of r.strategies) {
        expect(Number.isFinite(st.metrics.shortfallPct.mean)).toBe(true);
        expect(st.metrics.shortfallPct.mean).toBeGreaterThanOrEqual(0);
        expect(st.metrics.shortfallPct.mean).toBeLessThan(100);
      }
    });

    it('reproduces its stageShares within one percentage point in an undisrupted, noise-free run', () => {
      const s = raw as Scenario;
      const simulated = simulatedStageShares(s);
      for (const [stage, cited] of Object.entries(s.stageShares ?? {})) {
        const got = simulated[stage as keyof typeof simulated] ?? {};
        for (const country of new Set([...Object.keys(cited!.shares), ...Object.keys(got)])) {
          const want = cited!.shares[country] ?? 0;
          const have = got[country] ?? 0;
          expect(Math.abs(have - want), `${stage} ${country}: cited ${want}, simulated ${have.toFixed(4)}`).toBeLessThanOrEqual(0.01);
        }
      }
    });
  });
});
