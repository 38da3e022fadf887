/** The files of --out DIR: result.json and bands.csv (model.md section 7). */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunResult } from '../engine/result.ts';
import { fsReason, UserError } from './user-error.ts';

export const BANDS_HEADER = 'strategy,period,month,p5,p25,p50,p75,p95';

/** The result as the JSON text the command line prints and writes; JSON turns NaN into null. */
export function resultJson(result: RunResult, indent?: number): string {
  return `${JSON.stringify(result, null, indent)}\n`;
}

/** Fulfilment bands as CSV: one row per strategy and period, month = period x 12 / periodsPerYear. */
export function bandsCsv(result: RunResult): string {
  const lines = [BANDS_HEADER];
  for (const s of result.strategies) {
    s.bands.fulfilment.forEach((band, period) => {
      lines.push([s.id, period, (period * 12) / result.periodsPerYear, ...band].join(','));
    });
  }
  return `${lines.join('\n')}\n`;
}

/** Creates the output directory; called before a run so a bad --out fails in a moment, not after the run. */
export async function prepareOutDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new UserError(`cannot write to ${JSON.stringify(dir)}: ${fsReason(error)}`);
  }
}

/** Writes result.json and bands.csv into dir, creating it; returns the paths written. */
export async function writeOutputs(dir: string, result: RunResult): Promise<string[]> {
  const files: [string, string][] = [
    [path.join(dir, 'result.json'), resultJson(result, 2)],
    [path.join(dir, 'bands.csv'), bandsCsv(result)],
  ];
  try {
    await mkdir(dir, { recursive: true });
    for (const [file, text] of files) await writeFile(file, text);
  } catch (error) {
    throw new UserError(`cannot write to ${JSON.stringify(dir)}: ${fsReason(error)}`);
  }
  return files.map(([file]) => file);
}
