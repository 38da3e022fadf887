/**
 * npm run bench:numpy [-- --trials N] [-- --runs R] [-- --seed S] [-- --json] [-- FILE.json ...]: the command line against
 * the numpy yardstick (bench/numpy/baseline.py) in one sitting, on the same scenario files (default: the
 * bench scenario without its strategies; the held-out-like chain with and without beta-PERT demand noise;
 * and, for P(shortfall > 0), the bench scenario over 24 months without noise), as issue 9 measures it.
 *
 * Each round runs, as whole processes: numpy on one core (OMP_NUM_THREADS=1, OPENBLAS_NUM_THREADS=1), the
 * command line with --workers 1, and with --workers 2 (`--no-attribution --json`, 20,000 trials by default);
 * R rounds (default 3) interleaved, each figure the median of its R runs. It prints wall seconds (and CPU
 * seconds, from GNU time), node-periods per second, our speed relative to numpy's on one and two workers
 * (wall and CPU: on a loaded machine the CPU ratio is the steadier core-for-core figure),
 * and whether the two implementations agree: z-scores of the mean total shortfall, mean shortfall %,
 * P(shortfall > 0) and mean worst fulfilment (each side's own standard error), and of the ledger's mean
 * accounts (numpy's standard error on both sides: the engine reports their means only).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCliBundle } from '../../scripts/cli-bundle.mjs';
import { heldOutLikeScenario } from './write-held-out-like.ts';
import { syntheticBaseline } from './write-synthetic.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LAUNCHER = path.join(ROOT, 'scripts/simulate.mjs');
const BASELINE_PY = path.join(ROOT, 'bench/numpy/baseline.py');
const GNU_TIME = '/usr/bin/time';
const ONE_CORE = { OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

interface Args {
  trials: number;
  runs: number;
  seed: number;
  json: boolean;
  files: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { trials: 20_000, runs: 3, seed: 1, json: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if ((a === '--trials' || a === '--runs' || a === '--seed') && /^\d+$/.test(argv[i + 1] ?? '') && Number(argv[i + 1]) >= 1) args[a.slice(2) as 'trials' | 'runs' | 'seed'] = Number(argv[++i]);
    else if (!a.startsWith('--') && existsSync(a)) args.files.push(path.resolve(a));
    else throw new Error(`unknown option or missing file ${JSON.stringify(a)}; use --trials N, --runs R, --seed S, --json and scenario files`);
  }
  return args;
}

interface Timed {
  wall: number;
  cpu: number;
  stdout: string;
}

/** Runs a command as a whole process: wall seconds, CPU seconds (user + sys, children included) and its stdout. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  const timeFile = path.join(tmpdir(), `numpy-compare-${process.pid}-${Date.now()}.time`);
  const withTime = existsSync(GNU_TIME);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = withTime
      ? spawn(GNU_TIME, ['-o', timeFile, '-f', '%U %S', command, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (status) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      if (status !== 0) return reject(new Error(`${command} ${args.join(' ')} exited with ${status}: ${err.trim().slice(-1000)}`));
      let cpu = NaN;
      if (withTime) {
        const [user, sys] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
        cpu = user + sys;
        rmSync(timeFile, { force: true });
      }
      resolve({ wall, cpu, stdout: out });
    });
  });
}

interface Stat {
  mean: number;
  se: number;
}

interface Side {
  shortfall: Stat;
  shortfallPct: Stat;
  probShortfall: Stat;
  worstFulfilment: Stat;
  ledger: Record<string, number>;
}

const LEDGER_CHECKED = ['extracted', 'delivered', 'yieldLoss', 'excess', 'inTransitStart', 'inTransitEnd', 'closing'];

function engineSide(stdout: string, trials: number): Side {
  const s = JSON.parse(stdout).strategies[0];
  const m = s.metrics;
  const p = m.probShortfall;
  return {
    shortfall: m.shortfall, shortfallPct: m.shortfallPct, worstFulfilment: m.worstFulfilment,
    probShortfall: { mean: p, se: Math.sqrt((p * (1 - p)) / trials) },
    ledger: s.ledger,
  };
}

function numpySide(stdout: string): Side & { ledgerSe: Record<string, number>; nodes: number; periods: number } {
  const r = JSON.parse(stdout);
  const ledger: Record<string, number> = {};
  const ledgerSe: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.ledger as Record<string, Stat>)) {
    ledger[k] = v.mean;
    ledgerSe[k] = v.se;
  }
  return { ...r.metrics, ledger, ledgerSe, nodes: r.nodes, periods: r.periods };
}

/**
 * (a - b) / sqrt(se_a^2 + se_b^2). A figure that does not vary over trials (the pipeline at the start, P = 1)
 * is compared to rounding instead: 0 when equal within 1e-9 (relative), else infinite.
 */
function z(a: Stat, b: Stat): number {
  if (Math.abs(a.mean - b.mean) <= 1e-9 * Math.max(1, Math.abs(a.mean), Math.abs(b.mean))) return 0;
  const se = Math.hypot(a.se, b.se);
  return se > 0 ? (a.mean - b.mean) / se : Infinity;
}

/** "some avg60" of /proc/pressure/cpu: the share of the last minute in which some task waited for a core. */
function cpuPressure(): number | null {
  try {
    const m = /some avg10=[\d.]+ avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Report {
  scenario: string;
  file: string;
  trials: number;
  nodes: number;
  periods: number;
  seconds: { numpy: number[]; ours1: number[]; ours2: number[] };
  cpuSeconds: { numpy: number[]; ours1: number[]; ours2: number[] };
  median: { numpy: number; ours1: number; ours2: number };
  nodePeriodsPerSecond: { numpy: number; ours1: number; ours2: number };
  speedVsNumpy: { ours1: number; ours2: number };
  /** numpy's CPU seconds over ours on one worker: core for core, steadier than wall time on a loaded machine */
  cpuSpeedVsNumpy: number;
  /** the machine's 1-minute load average before and after (2 cores here: above 2, runs queue for a core) */
  loadAverage: [number, number];
  /** Linux's CPU pressure before and after: % of the last 60 s some task waited for a core (null where not available) */
  cpuPressure: [number | null, number | null];
  agreement: { name: string; engine: number; numpy: number; z: number }[];
}

async function compareOn(file: string, args: Args): Promise<Report> {
  const seconds = { numpy: [] as number[], ours1: [] as number[], ours2: [] as number[] };
  const cpuSeconds = { numpy: [] as number[], ours1: [] as number[], ours2: [] as number[] };
  const env = { ...process.env, ...ONE_CORE };
  const cli = (workers: number) => [LAUNCHER, file, '--trials', String(args.trials), '--seed', String(args.seed), '--no-attribution', '--json', '--workers', String(workers)];
  const loadBefore = loadavg()[0];
  const pressureBefore = cpuPressure();
  let np: ReturnType<typeof numpySide> | null = null;
  let ours: Side | null = null;
  for (let r = 0; r < args.runs; r++) {
    const a = await timed('python3', [BASELINE_PY, file, '--trials', String(args.trials), '--seed', String(args.seed)], env);
    np ??= numpySide(a.stdout);
    const b = await timed(process.execPath, cli(1), process.env);
    ours ??= engineSide(b.stdout, args.trials);
    const c = await timed(process.execPath, cli(2), process.env);
    for (const [key, t] of [['numpy', a], ['ours1', b], ['ours2', c]] as const) {
      seconds[key].push(t.wall);
      cpuSeconds[key].push(t.cpu);
    }
    process.stderr.write(`  round ${r + 1}: numpy ${a.wall.toFixed(2)} s, ours 1 worker ${b.wall.toFixed(2)} s, 2 workers ${c.wall.toFixed(2)} s\n`);
  }
  const n = np!;
  const e = ours!;
  const med = { numpy: median(seconds.numpy), ours1: median(seconds.ours1), ours2: median(seconds.ours2) };
  const work = args.trials * n.nodes * n.periods;
  const agreement: Report['agreement'] = (['shortfall', 'shortfallPct', 'probShortfall', 'worstFulfilment'] as const).map((k) => ({ name: k, engine: e[k].mean, numpy: n[k].mean, z: z(e[k], n[k]) }));
  for (const k of LEDGER_CHECKED) {
    const se = n.ledgerSe[k];
    agreement.push({ name: `ledger.${k}`, engine: e.ledger[k], numpy: n.ledger[k], z: z({ mean: e.ledger[k], se }, { mean: n.ledger[k], se }) });
  }
  return {
    scenario: JSON.parse(readFileSync(file, 'utf8')).id, file, trials: args.trials, nodes: n.nodes, periods: n.periods,
    seconds, cpuSeconds, median: med,
    nodePeriodsPerSecond: { numpy: work / med.numpy, ours1: work / med.ours1, ours2: work / med.ours2 },
    speedVsNumpy: { ours1: med.numpy / med.ours1, ours2: med.numpy / med.ours2 },
    cpuSpeedVsNumpy: median(cpuSeconds.numpy) / median(cpuSeconds.ours1),
    loadAverage: [loadBefore, loadavg()[0]],
    cpuPressure: [pressureBefore, cpuPressure()],
    agreement,
  };
}

/** The report as a table: on stdout, or on stderr when stdout carries the JSON. */
function print(report: Report, json: boolean): void {
  const f = (x: number, d = 2) => x.toFixed(d);
  const m = (x: number) => `${(x / 1e6).toFixed(1)} M`;
  const lines = [
    `${report.scenario}: ${report.nodes} nodes x ${report.periods} periods x ${report.trials} trials (median of ${report.seconds.numpy.length} runs; CPU = user + sys; load average ${f(report.loadAverage[0], 1)} before, ${f(report.loadAverage[1], 1)} after; CPU pressure ${report.cpuPressure.map((p) => (p === null ? '?' : `${p.toFixed(0)}%`)).join(' before, ')} after)`,
    `  numpy, one core     ${f(report.median.numpy)} s wall  ${f(median(report.cpuSeconds.numpy))} s CPU  ${m(report.nodePeriodsPerSecond.numpy)} node-periods/s`,
    `  ours, 1 worker      ${f(report.median.ours1)} s wall  ${f(median(report.cpuSeconds.ours1))} s CPU  ${m(report.nodePeriodsPerSecond.ours1)} node-periods/s  ${f(report.speedVsNumpy.ours1)}x numpy's speed (CPU: ${f(report.cpuSpeedVsNumpy)}x)`,
    `  ours, 2 workers     ${f(report.median.ours2)} s wall  ${f(median(report.cpuSeconds.ours2))} s CPU  ${m(report.nodePeriodsPerSecond.ours2)} node-periods/s  ${f(report.speedVsNumpy.ours2)}x numpy's speed`,
    '  agreement (z = difference / its standard error):',
    ...report.agreement.map((a) => `    ${a.name.padEnd(22)} engine ${a.engine.toPrecision(7).padStart(12)}  numpy ${a.numpy.toPrecision(7).padStart(12)}  z ${a.z >= 0 ? ' ' : ''}${f(a.z)}`),
  ];
  (json ? process.stderr : process.stdout).write(`${lines.join('\n')}\n\n`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const probe = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) throw new Error('bench:numpy needs python3 with numpy on the PATH (python3 -c "import numpy" failed)');
  await ensureCliBundle();
  const dir = mkdtempSync(path.join(tmpdir(), 'numpy-compare-'));
  let files = args.files;
  if (files.length === 0) {
    const defaults: [string, object][] = [
      ['bench-synthetic-baseline.json', syntheticBaseline()],
      ['held-out-like.json', heldOutLikeScenario()],
      ['held-out-like-no-pert.json', heldOutLikeScenario({ noPert: true })],
      ['bench-synthetic-24-months-no-noise.json', syntheticBaseline({ agreement: true })],
    ];
    files = defaults.map(([name, scenario]) => {
      writeFileSync(path.join(dir, name), JSON.stringify(scenario));
      return path.join(dir, name);
    });
  }
  // One short run of each side first, so that no timed run pays for building the bundle or a cold cache.
  await timed(process.execPath, [LAUNCHER, files[0], '--trials', '10', '--no-attribution', '--json', '--workers', '1'], process.env);
  await timed('python3', [BASELINE_PY, files[0], '--trials', '10'], { ...process.env, ...ONE_CORE });
  process.stderr.write(`numpy ${probe.stdout.trim()}, node ${process.version}; ${args.runs} rounds of numpy, ours on 1 and on 2 workers\n`);
  const reports: Report[] = [];
  for (const file of files) {
    process.stderr.write(`${path.basename(file)}\n`);
    const report = await compareOn(file, args);
    reports.push(report);
    print(report, args.json);
  }
  if (args.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
}

await main();
