/** A chart's data as the CSV file a user downloads or the command line writes (same rows as the exported SVG). */
import type { ChartName } from '../charts/index.ts';
import type { RunResult } from '../engine/result.ts';
import type { Scenario } from '../model/schema.ts';
import { chartCsv } from '../report/chart-csv.ts';
import { chartData } from '../report/chart-data.ts';

/** CSV of what the exported chart `name` draws: every strategy, the baseline's attribution. */
export function exportChartCsv(name: ChartName, result: RunResult, scenario: Scenario): string {
  // No strategy options, exactly like exportChartOptions, so the rows match the exported SVG.
  return chartCsv(name, chartData(result, scenario)[name]);
}
