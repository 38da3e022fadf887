/**
 * npx tsx bench/numpy/write-synthetic.ts OUT.json: the benchmark's scenario (bench/synthetic-scenario.ts)
 * as a file, baseline only (its strategies dropped), so that the command line and the numpy yardstick
 * simulate the same thing: model.md's baseline, sections 1-3.
 */
import { writeFileSync } from 'node:fs';
import { syntheticScenario } from '../synthetic-scenario.ts';

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: npx tsx bench/numpy/write-synthetic.ts OUT.json\n');
  process.exit(2);
}
writeFileSync(out, `${JSON.stringify({ ...syntheticScenario(), strategies: [] }, null, 2)}\n`);
