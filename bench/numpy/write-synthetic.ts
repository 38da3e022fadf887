/**
 * npx tsx bench/numpy/write-synthetic.ts OUT.json [--no-noise]: the benchmark's scenario (bench/synthetic-scenario.ts)
 * as a file, baseline only (its strategies dropped), so that the command line and the numpy yardstick
 * simulate the same thing: model.md's baseline, sections 1-3.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Scenario } from '../../src/model/schema.ts';
import { syntheticScenario } from '../synthetic-scenario.ts';

/** The bench scenario without its strategies (and with `noNoise`, without demand noise: then P(shortfall > 0) is below 1). */
export function syntheticBaseline(options: { noNoise?: boolean } = {}): Scenario {
  const scenario = syntheticScenario();
  if (!options.noNoise) return { ...scenario, strategies: [] };
  const nodes = scenario.nodes.map(({ demandNoise: _, ...node }) => node);
  return { ...scenario, id: 'bench-synthetic-no-noise', nodes, strategies: [] };
}

// Run as a script (not imported by compare.ts): write the file.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, flag] = process.argv.slice(2);
  if (!out || (flag !== undefined && flag !== '--no-noise')) {
    process.stderr.write('usage: npx tsx bench/numpy/write-synthetic.ts OUT.json [--no-noise]\n');
    process.exit(2);
  }
  writeFileSync(out, `${JSON.stringify(syntheticBaseline({ noNoise: flag === '--no-noise' }), null, 2)}\n`);
}
