/** The data the stress test's and the sensitivity analysis's charts draw (src/report/analysis-chart-data.ts makes it). */

export type ExposureKind = 'node' | 'country' | 'route';

/** The ranked exposure chart: the distinct cuts, the most exposing first. */
export interface ExposureData {
  unit: string;
  /** the cut's duration, months */
  months: number;
  trials: number;
  bars: ExposureBar[];
  /** distinct cuts ranked below the ones drawn */
  omitted: number;
}

export interface ExposureBar {
  id: string;
  /** the target's name, and the other targets that cut the same nodes ("also: CN processing") */
  name: string;
  also: string[];
  kind: ExposureKind;
  /** mean extra shortfall per trial and its 95% interval, units */
  mean: number;
  lo: number;
  hi: number;
  p95: number;
  /** Risk Exposure Index, 0..1 */
  rei: number;
}

/** Time to survive a cut for one maker: each cut it depends on, against the cut's duration. */
export interface SurvivalData {
  maker: { id: string; name: string; country: string };
  strategy: { id: string; name: string };
  /** the cut's duration, months (the time to recover of what is cut) */
  months: number;
  rows: SurvivalRow[];
  omitted: number;
}

export interface SurvivalRow {
  id: string;
  name: string;
  /** time to survive, months */
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  mean: number;
  /** P(time to survive < the cut's duration) */
  probBelowCut: number;
}

/** The tornado: each input's change in mean shortfall at its low and its high setting. */
export interface TornadoData {
  unit: string;
  strategy: { id: string; name: string };
  /** mean shortfall per trial with every input as the scenario has it, units */
  base: number;
  trials: number;
  rows: TornadoRow[];
  omitted: number;
}

export interface TornadoRow {
  id: string;
  name: string;
  kind: 'drawn' | 'plain';
  /** the settings in words, with their values: "P10: 2.8 months" */
  lowLabel: string;
  highLabel: string;
  /** change of the mean shortfall against the base, with 95% intervals, units */
  low: { mean: number; lo: number; hi: number };
  high: { mean: number; lo: number; hi: number };
  /** high minus low, with its 95% interval */
  swing: { mean: number; lo: number; hi: number };
}
