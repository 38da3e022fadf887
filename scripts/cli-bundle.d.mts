/** Types of scripts/cli-bundle.mjs, for the TypeScript that imports it (tests, bench). */
export interface CliManifest {
  format: number;
  /** the command line's entry file, in OUT_DIR */
  main: string;
  /** each command's entry file (the names of COMMANDS), in OUT_DIR */
  commands: Record<string, string>;
  /** the worker threads' entry file, in OUT_DIR */
  worker: string;
  /** every file of the build, in OUT_DIR */
  outputs: string[];
  /** the files bundled into the worker entry, relative to the project's root */
  workerInputs: string[];
  /** every file the build depends on: [path, mtimeMs, size] */
  inputs: [string, number, number][];
}

export const OUT_DIR: string;
export const COMMANDS: Record<string, string>;
export function ensureCliBundle(command?: string): Promise<string>;
export function freshManifest(): CliManifest | null;
export function buildCliBundle(): Promise<CliManifest>;
