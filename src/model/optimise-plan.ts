/**
 * A plan file: an optimise section kept apart from the scenario it optimises,
 * `{ "scenario": "gallium.json", "optimise": { ... } }` (the path relative to the plan file). The plan's
 * section replaces the scenario's own, and the two are validated together as one scenario, so every
 * problem in the plan is reported at the same path (/optimise/...) as in the plan file.
 */
import { Type } from '@sinclair/typebox';
import { Optimise } from './schema.ts';
import { show } from './issue-text.ts';
import type { ValidationIssue } from './validate.ts';

/** The plan file's schema (scenarios/plans/optimise-plan.schema.json is generated from it). */
export const OptimisePlan = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    scenario: Type.String({ minLength: 1, description: 'the scenario file to optimise, relative to this file' }),
    optimise: Optimise,
  },
  { additionalProperties: false, $id: 'https://example.org/minerals-resilience/optimise-plan.schema.json', title: 'Optimisation plan: an optimise section for a scenario file' },
);

/** True for parsed JSON that is a plan rather than a scenario: it names a scenario file and has no nodes. */
export function isOptimisePlan(json: unknown): json is { scenario: string; optimise: unknown } {
  return json !== null && typeof json === 'object' && !Array.isArray(json) && typeof (json as Record<string, unknown>).scenario === 'string' && !('nodes' in json);
}

/** What is wrong with a plan's own fields (the optimise section itself is checked with its scenario). */
export function planIssues(plan: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (plan.optimise === undefined) issues.push({ path: '', message: 'a plan file needs "optimise": the section to run on its scenario' });
  for (const key of Object.keys(plan)) {
    if (!['$schema', 'scenario', 'optimise'].includes(key)) issues.push({ path: `/${key}`, message: `a plan file has only "scenario" and "optimise" (and "$schema"), got ${show(key)}` });
  }
  return issues;
}

/** The scenario's parsed JSON with the plan's optimise section in place of its own. */
export function scenarioWithPlan(scenario: unknown, plan: { optimise: unknown }): unknown {
  if (scenario === null || typeof scenario !== 'object' || Array.isArray(scenario)) return scenario;
  return { ...(scenario as Record<string, unknown>), optimise: plan.optimise };
}
