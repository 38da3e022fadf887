import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, it, expect } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/model/json-schema.ts';
import { smallScenario } from './builders.ts';

const published = readFileSync(new URL('../../scenarios/scenario.schema.json', import.meta.url), 'utf8');

describe('the published JSON Schema', () => {
  it('is up to date with the TypeBox schema (run npm run schema if this fails)', () => {
    expect(published).toBe(scenarioJsonSchemaText());
  });

  it('is draft-07 and validates scenarios on its own', () => {
    const schema = JSON.parse(published) as Record<string, unknown>;
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    const fixture: unknown = JSON.parse(readFileSync(new URL('../fixtures/example-scenario.json', import.meta.url), 'utf8'));
    expect(validate(fixture), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(smallScenario())).toBe(true);
    expect(validate({ ...smallScenario(), horizonMonths: 0 })).toBe(false);
  });

  it('carries no TypeBox-only keys', () => {
    expect(Object.getOwnPropertySymbols(scenarioJsonSchema())).toEqual([]);
  });
});
