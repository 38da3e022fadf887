/** Writes scenarios/scenario.schema.json and scenarios/optimise-plan.schema.json from the TypeBox schemas (npm run schema). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { optimisePlanJsonSchemaText, scenarioJsonSchemaText } from '../src/model/json-schema.ts';

const target = fileURLToPath(new URL('../scenarios/scenario.schema.json', import.meta.url));
mkdirSync(fileURLToPath(new URL('../scenarios/', import.meta.url)), { recursive: true });
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${target}`);

const plan = fileURLToPath(new URL('../scenarios/plans/optimise-plan.schema.json', import.meta.url));
writeFileSync(plan, await optimisePlanJsonSchemaText());
console.log(`wrote ${plan}`);
