/** A run's result as the command line gives it: a table or JSON on stdout, and the files of --out. */
import type { RunResult } from '../engine/result.ts';
import type { Analyses } from '../export/analysis-files.ts';
import type { Scenario } from '../model/schema.ts';
import { formatReplayComparisons, formatTable } from './table.ts';
import { resultJson, writeOutputs } from './write-outputs.ts';

/**
 * Prints the result (JSON with --json, else the table, a replay's comparisons and the analyses' tables)
 * and writes --out's files, listing them on stderr.
 */
export async function printResult(result: RunResult, scenario: Scenario, options: { json: boolean; outDir?: string }, analyses: Analyses = {}): Promise<void> {
  process.stdout.write(options.json ? resultJson({ ...result, ...analyses }) : formatTable(result));
  if (!options.json && (scenario.comparisons ?? []).length > 0) {
    const { evaluateComparisons } = await import('../analysis/replay-comparisons.ts');
    process.stdout.write(`\n${formatReplayComparisons(evaluateComparisons(scenario, result))}`);
  }
  if (!options.json && (analyses.stress || analyses.sensitivity)) {
    const { formatSensitivity, formatStress } = await import('./analysis-table.ts');
    process.stdout.write([analyses.stress && `\n${formatStress(analyses.stress)}`, analyses.sensitivity && `\n${formatSensitivity(analyses.sensitivity)}`].filter(Boolean).join(''));
  }
  if (options.outDir === undefined) return;
  const written = await writeOutputs(options.outDir, result, scenario, new Date(), { analyses });
  for (const warning of written.warnings) process.stderr.write(`warning: ${warning}\n`);
  process.stderr.write(`wrote ${written.files.length} files:\n${written.files.map((f) => `  ${f}\n`).join('')}`);
}
