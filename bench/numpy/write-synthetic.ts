/**
 * npx tsx bench/numpy/write-synthetic.ts OUT.json [--agreement]: the benchmark's scenario (bench/synthetic-scenario.ts)
 * as a file, baseline only (its strategies dropped), so that the command line and the numpy yardstick
 * simulate the same thing: model.md's baseline, sections 1-3.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Scenario } from '../../src/model/schema.ts';
import { syntheticScenario } from '../synthetic-scenario.ts';

/**
 * The bench scenario without its strategies. With `agreement`, also without demand noise and over 24
 * months (before its scripted strike and before demand outgrows capacity): shortfall then comes from
 * disruptions alone, in about 14% of trials, so that P(shortfall > 0) tells the implementations apart
 * (on the full scenario it is 1 for both).
 */
export function syntheticBaseline(options: { agreement?: boolean } = {}): Scenario {
  const scenario = syntheticScenario();
  if (!options.agreement) return { ...scenario, strategies: [] };
  const nodes = scenario.nodes.map(({ demandNoise: _, ...node }) => node);
  return { ...scenario, id: 'bench-synthetic-24-months-no-noise', horizonMonths: 24, nodes, strategies: [] };
}

// Run as a script (not imported by compare.ts): write the file.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, flag] = process.argv.slice(2);
  if (!out || (flag !== undefined && flag !== '--agreement')) {
    process.stderr.write('usage: npx tsx bench/numpy/write-synthetic.ts OUT.json [--agreement]\n');
    process.exit(2);
  }
  writeFileSync(out, `${JSON.stringify(syntheticBaseline({ agreement: flag === '--agreement' }), null, 2)}\n`);
}
