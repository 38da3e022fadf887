/**
 * The scenario JSON Schema's validator, compiled by Ajv from the published schema. The bundled command
 * line (scripts/cli-bundle.mjs) replaces this module with the same validator compiled ahead of time
 * (Ajv's standalone code, from AJV_OPTIONS and the same schema), which saves it a quarter of a second of
 * compiling at every start; everything else compiles it here, once, on first use.
 */
import Ajv, { type Options, type ValidateFunction } from 'ajv';
import { scenarioJsonSchema } from './json-schema.ts';

/** Every error, each with the schema and data it concerns, so that structure.ts can phrase it for people. */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true } as const satisfies Options;

/** Compiles the validator of the scenario JSON Schema (a few hundred milliseconds: callers keep it). */
export function scenarioValidator(): ValidateFunction {
  return new Ajv(AJV_OPTIONS).compile(scenarioJsonSchema());
}
