/** File names of downloads: `<scenario-id>-<chart>-seed<seed>.<ext>`, so files of different runs do not overwrite each other. */
import type { RunResult } from '../engine/result.ts';

/** A seed as a file-name part: a string seed may hold spaces or slashes, which become dashes. */
export function seedPart(seed: number | string): string {
  return String(seed).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'none';
}

/** The download name of one exported thing (a chart name, or "report") of a run: "example-fulfilment-seed1.svg", "...-seed1@2x.png". */
export function downloadName(result: Pick<RunResult, 'scenario' | 'seed'>, what: string, ext: string, variant = ''): string {
  // Scenario ids are kebab-case by the schema, so they need no cleaning.
  return `${result.scenario.id}-${what}-seed${seedPart(result.seed)}${variant}.${ext}`;
}
