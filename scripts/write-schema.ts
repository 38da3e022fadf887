/** Writes scenarios/scenario.schema.json from the TypeBox schema (npm run schema). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../src/model/json-schema.ts';

const target = fileURLToPath(new URL('../scenarios/scenario.schema.json', import.meta.url));
mkdirSync(fileURLToPath(new URL('../scenarios/', import.meta.url)), { recursive: true });
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${target}`);
