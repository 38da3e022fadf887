/** The command line's flags (model.md section 7), parsed into options or a plain message about what is wrong. */

export interface CliOptions {
  scenarioPath: string;
  trials?: number;
  seed?: string | number;
  /** strategy ids asked for with --strategy (repeats); undefined runs them all */
  strategies?: string[];
  /** worker threads; 0 simulates in this thread */
  workers: number;
  attribution: boolean;
  /** per-period flow series between countries (--flows); undefined leaves the engine's default (on for replays) */
  flows?: boolean;
  json: boolean;
  outDir?: string;
  help: boolean;
  /** --optimise: run the scenario's optimise section (issue 13) instead of its strategies */
  optimise?: boolean;
  /** --write-strategy FILE: with --optimise, write the scenario with the strategy found added */
  writeStrategy?: string;
  /** --shard k/n: simulate only shard k of n (trials [floor(kT/n), floor((k+1)T/n))) */
  shard?: { k: number; n: number };
  /** --partial FILE: write the partial result there instead of printing the result */
  partialPath?: string;
  /** run the stress test (issue 12) after the run, cutting each target for these months */
  stress?: boolean;
  stressMonths?: number[];
  /** run the sensitivity analysis for the baseline and this strategy ('baseline': the baseline alone) */
  sensitivity?: boolean;
  sensitivityStrategy?: string;
  /** write every trial's outcomes to this CSV file as the run goes */
  samplesPath?: string;
}

export type ArgsResult = { ok: true; options: CliOptions } | { ok: false; message: string };

export const USAGE = `usage: npm run simulate -- <scenario.json> [options]

  --trials N         trials per strategy (default: the scenario's, else 1000)
  --seed S           seed of the run (default: the scenario's, else 1)
  --strategy ID      simulate only this strategy besides the baseline; repeat for more
  --workers N        worker threads (default: the number of cores; 0 runs in this thread)
  --no-attribution   skip the attribution of shortfall to disruptions (faster)
  --flows            add the per-period flow series between countries to --json and
                     flows.csv to --out (always on for scenarios with comparisons)
  --json             print the result as one JSON object on stdout
  --out DIR          write result.json, bands.csv, report.html and the charts (SVG, CSV,
                     PNG at 1x, 2x and 300 dpi for 170 mm) to DIR (created if needed)
  --optimise         find the cheapest strategy that meets the optimise section's target
                     (in the scenario, or in a plan file naming a scenario); prints the
                     strategy found and the frontier (--json: the whole result)
  --write-strategy FILE
                     with --optimise: write the scenario with the strategy found added
  --shard K/N        simulate only shard K of N (K from 0 to N-1): trials floor(K*T/N) to
                     floor((K+1)*T/N) - 1 of the T trials; needs --partial
  --partial FILE     write the trials simulated as a partial result to FILE (Arrow IPC) instead
                     of printing the result; merge the files with npm run merge -- FILE...
  --samples FILE     write every trial's outcomes (strategy, trial, shortfall, %, worst
                     fulfilment, cost, time to recover, each maker's shortfall) as CSV
  --stress           also cut every node, country at each stage and route, one at a time,
                     and rank them by the extra shortfall the cut causes
  --stress-months L  the cuts' durations in months, comma-separated (default 3,6,12)
  --sensitivity      also set each input low and high and rank them by the change in
                     mean shortfall (a tornado), for the baseline and one strategy
  --sensitivity-strategy ID
                     that strategy (default: the first --strategy, else the scenario's
                     first; "baseline" for the baseline alone)
  --help             show this text
`;

const MAX_TRIALS = 10_000_000;
const MAX_WORKERS = 1024;
// Seeds within the scenario format's number limit stay numbers, so `--seed 42` equals `"seed": 42`.
const MAX_NUMERIC_SEED = 1e12;

const VALUE_FLAGS = new Set(['--trials', '--seed', '--strategy', '--workers', '--out', '--write-strategy', '--shard', '--partial', '--samples', '--stress-months', '--sensitivity-strategy']);
const MAX_SHARDS = 100_000;
const SWITCHES = new Set(['--no-attribution', '--flows', '--json', '--help', '-h', '--optimise', '--stress', '--sensitivity']);

/** Parses argv (without node and the script); `defaultWorkers` is used when --workers is not given. */
export function parseArgs(argv: readonly string[], defaultWorkers: number): ArgsResult {
  const options: CliOptions = { scenarioPath: '', workers: defaultWorkers, attribution: true, json: false, help: false };
  const paths: string[] = [];
  try {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      if (arg === '--' || !arg.startsWith('-') || arg === '-') {
        paths.push(...(arg === '--' ? argv.slice(i + 1) : [arg]));
        if (arg === '--') break;
        continue;
      }
      const eq = arg.indexOf('=');
      const flag = eq > 0 ? arg.slice(0, eq) : arg;
      if (SWITCHES.has(flag)) {
        if (eq > 0) throw new ArgError(`${flag} takes no value, got "${arg}"`);
        setSwitch(options, flag);
      } else if (VALUE_FLAGS.has(flag)) {
        let value: string;
        if (eq > 0) value = arg.slice(eq + 1);
        else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
        else throw new ArgError(`${flag} needs a value`);
        setValue(options, flag, value);
      } else {
        throw new ArgError(`unknown option ${JSON.stringify(flag)}`);
      }
    }
    if (options.help) return { ok: true, options };
    if (options.writeStrategy !== undefined && !options.optimise) throw new ArgError('--write-strategy needs --optimise: it writes the strategy the optimiser finds');
    if (options.optimise && options.strategies) throw new ArgError('--strategy does not go with --optimise: the optimiser compares every strategy of the scenario with the one it finds');
    if (paths.length === 0) throw new ArgError('missing the scenario file');
    if (paths.length > 1) throw new ArgError(`expected one scenario file, got ${paths.length}: ${paths.map((p) => JSON.stringify(p)).join(', ')}`);
    options.scenarioPath = paths[0];
    checkPartialFlags(options);
    return { ok: true, options };
  } catch (error) {
    if (error instanceof ArgError) return { ok: false, message: error.message };
    throw error;
  }
}

class ArgError extends Error {}

function setSwitch(options: CliOptions, flag: string): void {
  if (flag === '--no-attribution') options.attribution = false;
  else if (flag === '--flows') options.flows = true;
  else if (flag === '--json') options.json = true;
  else if (flag === '--optimise') options.optimise = true;
  else if (flag === '--stress') options.stress = true;
  else if (flag === '--sensitivity') options.sensitivity = true;
  else options.help = true;
}

function setValue(options: CliOptions, flag: string, value: string): void {
  if (flag === '--trials') options.trials = wholeNumber(flag, value, 1, MAX_TRIALS);
  else if (flag === '--workers') options.workers = wholeNumber(flag, value, 0, MAX_WORKERS);
  else if (flag === '--seed') options.seed = seedValue(value);
  else if (flag === '--strategy') {
    if (value === '') throw new ArgError('--strategy needs a strategy id');
    options.strategies = [...(options.strategies ?? []), value];
  } else if (flag === '--shard') options.shard = shardValue(value);
  else if (flag === '--partial') {
    if (value === '') throw new ArgError('--partial needs a file name');
    options.partialPath = value;
  } else if (flag === '--write-strategy') {
    if (value === '') throw new ArgError('--write-strategy needs a file name');
    options.writeStrategy = value;
  } else if (flag === '--stress-months') {
    options.stress = true;
    options.stressMonths = value.split(',').map((m) => wholeNumber(flag, m.trim(), 1, 1200));
  } else if (flag === '--sensitivity-strategy') {
    if (value === '') throw new ArgError('--sensitivity-strategy needs a strategy id');
    options.sensitivity = true;
    options.sensitivityStrategy = value;
  } else if (flag === '--samples') {
    if (value === '') throw new ArgError('--samples needs a file');
    options.samplesPath = value;
  } else {
    if (value === '') throw new ArgError('--out needs a directory');
    options.outDir = value;
  }
}

/** --shard K/N: two whole numbers, 0 <= K < N. */
function shardValue(value: string): { k: number; n: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const k = match ? Number(match[1]) : NaN;
  const n = match ? Number(match[2]) : NaN;
  if (!(n >= 1 && n <= MAX_SHARDS && k >= 0 && k < n)) throw new ArgError(`--shard must be K/N with N from 1 to ${MAX_SHARDS} and K from 0 to N-1, got ${JSON.stringify(value)}`);
  return { k, n };
}

/** A shard writes a partial result and nothing else: the result itself comes from npm run merge. */
function checkPartialFlags(options: CliOptions): void {
  if (options.shard && options.partialPath === undefined) throw new ArgError('--shard needs --partial FILE, the file to write the shard\'s partial result to');
  if (options.partialPath === undefined) return;
  if (options.json || options.outDir !== undefined) {
    throw new ArgError(`--partial writes a partial result, not the run's result: ${options.json ? '--json' : '--out'} belongs to npm run merge`);
  }
  if (options.optimise) throw new ArgError('--partial does not go with --optimise: the optimiser does not write partial results yet');
}

/** A whole number written in digits, within [min, max]. */
function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw new ArgError(`${flag} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return n;
}

/** An integer seed as a number (the scenario format's form), anything else as the string given. */
function seedValue(value: string): string | number {
  if (value === '') throw new ArgError('--seed needs a value');
  const n = /^-?\d+$/.test(value) ? Number(value) : NaN;
  return Math.abs(n) <= MAX_NUMERIC_SEED && String(n) === value ? n : value;
}
