/** The published JSON Schema of the scenario format, generated from the TypeBox schema (the single source). */
import { Scenario } from './schema.ts';

export const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

/** The scenario JSON Schema as a plain object (draft-07), without TypeBox's symbol keys. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return { $schema: JSON_SCHEMA_DRAFT, ...(JSON.parse(JSON.stringify(Scenario)) as Record<string, unknown>) };
}

/** The exact text of scenarios/scenario.schema.json: 2-space indentation and a trailing newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

/** The optimisation plan file's JSON Schema text (scenarios/plans/optimise-plan.schema.json). */
export async function optimisePlanJsonSchemaText(): Promise<string> {
  const { OptimisePlan } = await import('./optimise-plan.ts');
  return `${JSON.stringify({ $schema: JSON_SCHEMA_DRAFT, ...(JSON.parse(JSON.stringify(OptimisePlan)) as Record<string, unknown>) }, null, 2)}\n`;
}
