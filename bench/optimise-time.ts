/**
 * The time of gallium's optimisation (its optimise section, with the scenario's trials and seed) on N Node
 * worker threads, for the lead's bench: optimiseTime(2) on two cores is the figure issue 13 asks about
 * (aim: under two minutes). Thread start-up is left out; the confirmation run (with attribution) is in.
 */
import { readFileSync } from 'node:fs';
import { optimiseOnPool } from '../src/analysis/optimise-run.ts';
import { formatIssues, parseScenarioText } from '../src/model/validate.ts';
import { createNodePool } from '../workers/node-pool.ts';

export interface OptimiseTiming {
  workers: number;
  seconds: number;
  trials: number;
  candidates: number;
  /** the candidates' trial simulations: the work the search did */
  simulations: number;
}

/** Optimises scenarios/gallium.json on `workers` threads and returns the seconds it took (and what it did). */
export async function optimiseTime(workers: number, trials?: number): Promise<OptimiseTiming> {
  const checked = parseScenarioText(readFileSync(new URL('../scenarios/gallium.json', import.meta.url), 'utf8'));
  if (!checked.ok) throw new Error(`gallium.json is not valid:\n${formatIssues(checked.issues)}`);
  const pool = createNodePool(workers);
  try {
    // Threads load their code on the first message: a tiny run first, so the time is the optimiser's.
    await Promise.race([Promise.all(pool.workers.map((w) => w.load({ seed: 1, trials: 0, attributionTrials: 0, disruptionIds: [], models: [] }))), pool.failed]);
    const start = performance.now();
    const result = await Promise.race([optimiseOnPool(checked.scenario, pool.workers, { trials }), pool.failed]);
    const seconds = (performance.now() - start) / 1000;
    return { workers, seconds, trials: result.trials, candidates: result.candidates.length, simulations: result.candidates.reduce((n, c) => n + c.trials, 0) };
  } finally {
    await pool.close();
  }
}

// npx tsx bench/optimise-time.ts [workers]: prints one timing as JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await optimiseTime(Number(process.argv[2] ?? 2))));
}
