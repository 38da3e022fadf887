/** The sensitivity analysis's result object (issue 12; documented in docs/model.md, "Sensitivity"). */
import type { SensitivityInput } from './sensitivity-inputs.ts';

export interface SensitivityResult {
  kind: 'sensitivity';
  scenario: { id: string; hash: string };
  trials: number;
  seed: number | string;
  unit: string;
  /** bootstrap resamples behind each P95 interval */
  resamples: number;
  /** the baseline first, then the chosen strategy if any */
  strategies: StrategySensitivity[];
}

export interface StrategySensitivity {
  id: string;
  name: string;
  /** the total shortfall per trial with every input as the scenario has it, units */
  base: { mean: number; ci95: [number, number]; p95: number };
  /** every input, the largest swing of mean shortfall first (ties in id order) */
  inputs: InputSensitivity[];
  skipped: { id: string; reason: string }[];
}

export interface InputSensitivity extends Pick<SensitivityInput, 'id' | 'name' | 'unit' | 'kind' | 'setting' | 'base' | 'low' | 'high'> {
  rank: number;
  /** mean and P95 of the total shortfall per trial at each setting, units */
  atLow: { mean: number; p95: number };
  atHigh: { mean: number; p95: number };
  /** each setting against the scenario as it is, trial by trial: mean change with its 95% interval */
  lowChange: { mean: number; ci95: [number, number] };
  highChange: { mean: number; ci95: [number, number] };
  /** high minus low, trial by trial: the swing the tornado ranks by */
  swing: { mean: number; ci95: [number, number] };
  /** P95 at the high setting minus P95 at the low, with a paired bootstrap 95% interval */
  p95Swing: { value: number; ci95: [number, number] };
}
