/** The flags of npm run queue:submit: the run's own (as npm run simulate takes them) plus --shards and --timeout. */
import { parseArgs, type CliOptions } from '../src/cli/args.ts';

export interface SubmitOptions extends CliOptions {
  shards: number;
  /** seconds to wait for the whole run */
  timeoutSeconds: number;
}

export const DEFAULT_TIMEOUT_SECONDS = 3600;
const MAX_SHARDS = 100_000;
/** Flags of npm run simulate that mean nothing here: the workers choose their threads, and the submitter merges. */
const NOT_HERE: Record<string, string> = {
  '--workers': 'each worker uses its machine\'s cores (npm run queue:worker -- --threads N)',
  '--shard': 'the submitter makes the shards (--shards N)',
  '--partial': 'the submitter merges the shards itself',
  '--optimise': 'the optimiser does not run on the queue yet (npm run simulate -- --optimise)',
  '--write-strategy': 'it goes with --optimise, which does not run on the queue yet',
};

export const SUBMIT_USAGE = `usage: npm run queue:submit -- <scenario.json> --shards N [options]

Splits a run into N shards, puts them on the queue on the Redis server at REDIS_URL (default
redis://127.0.0.1:6379), waits while workers (npm run queue:worker, on any machine reaching the
server) simulate them, merges their partial results and prints or writes the result as
npm run simulate does: the same numbers, bit for bit.

  --shards N         shards to split the trials into (1 to ${MAX_SHARDS}, at most the trials)
  --timeout S        give up after S seconds (default ${DEFAULT_TIMEOUT_SECONDS}) and say which shards were not done
  --trials N, --seed S, --strategy ID, --no-attribution, --flows, --json, --out DIR
                     as for npm run simulate
  --help             show this text
`;

export type SubmitArgsResult = { ok: true; options: SubmitOptions } | { ok: false; message: string };

/** Parses argv (without node and the script). */
export function parseSubmitArgs(argv: readonly string[]): SubmitArgsResult {
  let shards: number | undefined;
  let timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const flag = arg.split('=')[0];
    if (Object.hasOwn(NOT_HERE, flag)) return { ok: false, message: `${flag} is not an option of queue:submit: ${NOT_HERE[flag]}` };
    if (flag !== '--shards' && flag !== '--timeout') {
      rest.push(arg);
      continue;
    }
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
    const n = value !== undefined && /^\d+$/.test(value) ? Number(value) : NaN;
    if (flag === '--shards') {
      if (!(n >= 1 && n <= MAX_SHARDS)) return { ok: false, message: `--shards must be a whole number from 1 to ${MAX_SHARDS}, got ${JSON.stringify(value ?? '')}` };
      shards = n;
    } else {
      if (!(n >= 1)) return { ok: false, message: `--timeout must be a whole number of seconds, at least 1, got ${JSON.stringify(value ?? '')}` };
      timeoutSeconds = n;
    }
  }
  const parsed = parseArgs(rest, 0);
  if (!parsed.ok) return parsed;
  if (parsed.options.help) return { ok: true, options: { ...parsed.options, shards: shards ?? 1, timeoutSeconds } };
  if (shards === undefined) return { ok: false, message: 'missing --shards N: how many shards to split the run into' };
  return { ok: true, options: { ...parsed.options, shards, timeoutSeconds } };
}
