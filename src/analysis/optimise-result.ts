/** What an optimisation returns (issue 13): the strategy found, the candidates, the frontier and the confirmation run. */
import type { RunResult } from '../engine/result.ts';
import type { OptimiseTarget, Strategy } from '../model/schema.ts';
import type { TargetStatus } from './optimise-search.ts';
import type { Estimate } from './target-statistic.ts';

export interface OptimiseCandidate {
  /** the size of each variable, in variable order */
  sizes: number[];
  /** the sizes in words: "EU stockpile (months) 6, EU refinery share 0" */
  label: string;
  /** trials it was simulated on (0..trials-1): fewer when the search dropped it early */
  trials: number;
  /** the strategy's capex and opex a year (from the variables' costs) */
  capex: number;
  opexPerYear: number;
  /** expected total cost (model.md section 4, mean over its trials) and its 95% interval */
  cost: { mean: number; ci95: [number, number] };
  /** the target's statistic and its 95% interval */
  target: Estimate;
  status: TargetStatus;
  /** no other candidate has a lower (or equal) mean cost and target statistic, one of them lower */
  onFrontier: boolean;
}

/** A strategy of the scenario (or the baseline) measured the same way, from the confirmation run. */
export interface ReferencePoint {
  id: string;
  name: string;
  cost: { mean: number; ci95: [number, number] };
  target: Estimate;
}

export interface OptimiseResult {
  scenario: { id: string; hash: string };
  seed: number | string;
  trials: number;
  unit: string;
  currency: string;
  target: OptimiseTarget & { text: string };
  variables: { id: string; name: string; sizes: number[] }[];
  method: { design: 'grid' | 'halton'; rungs: { trials: number; candidates: number }[]; batch: number };
  candidates: OptimiseCandidate[];
  /**
   * The strategy found: the cheapest candidate whose estimate meets the target at full trials
   * (`meetsTarget`), or, when none does, the one that comes closest. `confirmed` says whether the target
   * is met with 95% confidence (the interval's upper end within the bound).
   */
  found: {
    candidate: number;
    meetsTarget: boolean;
    confirmed: boolean;
    /** the strategy as it is added to the scenario (ids made unique) */
    strategy: Strategy;
  };
  /** the cheapest candidate at full trials that meets the target with 95% confidence, when that is not the one found */
  saferCandidate: number | null;
  /** the baseline and the scenario's own strategies, measured on the same trials */
  references: ReferencePoint[];
  /** the run of the baseline, the strategy found and the scenario's strategies (all trials, the same seed) */
  confirmation: RunResult;
  /** seconds the whole optimisation took */
  seconds: number;
}
