/**
 * npx tsx bench/numpy/exact-check.ts SCENARIO.json [--variants N] [--keep DIR]: the numpy yardstick against
 * the engine where both must give the same numbers to rounding, not only in distribution.
 *
 * Each variant pins every random thing of the scenario to a number (noise, lead times, each disruption's
 * start, duration, severity or change and added transit; success 0 or 1; a correlated child's probability
 * 0 or 1), chosen from the distribution's range with a seeded generator, so neither implementation draws
 * anything that matters. Variant 0 has no disruptions. Each is run for one trial by the engine in this
 * process and by bench/numpy/baseline.py; shortfall, demand, worst fulfilment and every ledger account
 * must agree within 1e-9 (relative). Prints one line per variant and exits 1 on any disagreement.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { runScenario } from '../../src/engine/run-scenario.ts';
import type { Distribution, Scenario } from '../../src/model/schema.ts';
import { loadExpressionParser } from '../../src/model/expression.ts';
import { formatIssues, validateScenario } from '../../src/model/validate.ts';

const BASELINE_PY = fileURLToPath(new URL('./baseline.py', import.meta.url));
const TOLERANCE = 1e-9;

/** A number from the distribution's range (not its law: any value the scenario could draw will do). */
function pick(d: Distribution, u: number): number {
  if (typeof d === 'number') return d;
  if ('fixed' in d) return d.fixed;
  if ('uniform' in d) return d.uniform[0] + (d.uniform[1] - d.uniform[0]) * u;
  if ('triangular' in d) return d.triangular[0] + (d.triangular[2] - d.triangular[0]) * u;
  if ('pert' in d) return d.pert[0] + (d.pert[2] - d.pert[0]) * u;
  if ('normal' in d) return d.normal[0] + d.normal[1] * 4 * (u - 0.5);
  if ('lognormal' in d) return d.lognormal.p5 + (d.lognormal.p95 - d.lognormal.p5) * u;
  if ('exponential' in d) return d.exponential * 3 * u;
  if ('bernoulli' in d) return u < d.bernoulli ? 1 : 0;
  return d.discrete[Math.min(d.discrete.length - 1, Math.floor(u * d.discrete.length))][0];
}

/** The scenario with every draw pinned (variant 0: also no disruptions); baseline only. */
export function pinned(scenario: Scenario, variant: number): Scenario {
  const rng = seedrandom(`exact-check:${variant}`);
  const nodes = scenario.nodes.map((n) => {
    const out = { ...n };
    if (n.demandNoise !== undefined) out.demandNoise = { fixed: Math.max(0, pick(n.demandNoise, rng())) };
    if (n.stage === 'exploration') {
      out.successProbability = rng() < (n.successProbability ?? 1) ? 1 : 0;
      out.leadTimeMonths = Math.max(0, pick(n.leadTimeMonths ?? 0, rng()));
    }
    return out;
  });
  const disruptions = variant === 0 ? [] : (scenario.disruptions ?? []).map((d) => {
    const { start: _s, ratePerYear: _r, probabilityPerYear: _p, correlatedWith, ...rest } = d;
    const out: typeof d = { ...rest, duration: Math.max(0, pick(d.duration, rng())) };
    if (correlatedWith) out.correlatedWith = { id: correlatedWith.id, probability: rng() < correlatedWith.probability ? 1 : 0 };
    else out.start = Math.floor(rng() * scenario.horizonMonths);
    if (d.severity !== undefined) out.severity = Math.min(1, Math.max(0, pick(d.severity, rng())));
    if (d.change !== undefined) out.change = Math.max(-1, pick(d.change, rng()));
    if (d.addedTransitMonths !== undefined) out.addedTransitMonths = Math.max(0, pick(d.addedTransitMonths, rng()));
    return out;
  });
  // Baseline only; a replay's comparisons may name strategies, and they do not change the simulation.
  const { comparisons: _c, ...rest } = scenario;
  return { ...rest, nodes, disruptions, strategies: [] };
}

interface Figures {
  [name: string]: number;
}

function engineFigures(scenario: Scenario): Figures {
  const result = runScenario(scenario, { trials: 1, seed: 1, attribution: false });
  const s = result.strategies[0];
  const figures: Figures = { shortfall: s.metrics.shortfall.mean, shortfallPct: s.metrics.shortfallPct.mean, worstFulfilment: s.metrics.worstFulfilment.mean };
  for (const [k, v] of Object.entries(s.ledger)) if (k !== 'recycled') figures[k] = v as number;
  return figures;
}

function numpyFigures(file: string): Figures {
  const run = spawnSync('python3', [BASELINE_PY, file, '--trials', '1'], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' } });
  if (run.status !== 0) throw new Error(`baseline.py failed on ${file}: ${run.stderr.trim().slice(-2000)}`);
  const r = JSON.parse(run.stdout);
  const figures: Figures = { shortfall: r.metrics.shortfall.mean, shortfallPct: r.metrics.shortfallPct.mean, worstFulfilment: r.metrics.worstFulfilment.mean };
  for (const [k, v] of Object.entries(r.ledger)) figures[k] = (v as { mean: number }).mean;
  return figures;
}

async function main(argv: string[]): Promise<void> {
  const file = argv[0];
  let variants = 20;
  let keep = '';
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '--variants') variants = Number(argv[++i]);
    else if (argv[i] === '--keep') keep = argv[++i];
    else throw new Error(`unknown option ${argv[i]}; use --variants N and --keep DIR`);
  }
  if (!file || !(variants >= 1)) throw new Error('usage: npx tsx bench/numpy/exact-check.ts SCENARIO.json [--variants N] [--keep DIR]');
  await loadExpressionParser();
  const scenario = JSON.parse(readFileSync(file, 'utf8')) as Scenario;
  const dir = keep || mkdtempSync(path.join(tmpdir(), 'exact-check-'));
  mkdirSync(dir, { recursive: true });
  let failures = 0;
  for (let v = 0; v < variants; v++) {
    const variant = pinned(scenario, v);
    const checked = validateScenario(variant);
    if (!checked.ok) throw new Error(`variant ${v} does not validate:\n${formatIssues(checked.issues)}`);
    const out = path.join(dir, `variant-${v}.json`);
    writeFileSync(out, JSON.stringify(variant, null, 2));
    const ours = engineFigures(checked.scenario);
    const theirs = numpyFigures(out);
    const off = Object.keys(ours).filter((k) => !(Math.abs(ours[k] - theirs[k]) <= TOLERANCE * Math.max(1, Math.abs(ours[k]), Math.abs(theirs[k]))));
    if (off.length > 0) failures++;
    const worst = Math.max(...Object.keys(ours).map((k) => Math.abs(ours[k] - theirs[k]) / Math.max(1, Math.abs(ours[k]), Math.abs(theirs[k]))));
    const detail = off.map((k) => `${k} engine ${ours[k]} numpy ${theirs[k]}`).join('; ');
    process.stdout.write(`variant ${v}: shortfall ${ours.shortfall.toFixed(6)} ${off.length === 0 ? `agrees (largest relative difference ${worst.toExponential(1)})` : `DIFFERS: ${detail}`}\n`);
  }
  // The variants' files stay when asked for (--keep) or when one disagrees, to look into.
  const kept = keep !== '' || failures > 0;
  process.stdout.write(`${variants - failures} of ${variants} variants agree within ${TOLERANCE}${kept ? ` (files in ${dir})` : ''}\n`);
  if (!kept) rmSync(dir, { recursive: true, force: true });
  if (failures > 0) process.exitCode = 1;
}

await main(process.argv.slice(2));
