/**
 * Scenario validation (model.md section 7): structure against the published JSON Schema first,
 * then, on a well-formed scenario, meaning. Every error is reported at once, each with its path.
 */
import { checkDemand } from './check-demand.ts';
import { checkDisruptions } from './check-disruptions.ts';
import { checkDistributions } from './check-distributions.ts';
import { checkIds } from './check-ids.ts';
import { checkLevers } from './check-levers.ts';
import { checkNodeFields } from './check-node-fields.ts';
import { checkObserved } from './check-observed.ts';
import { checkOptimise } from './check-optimise.ts';
import { checkReferences } from './check-references.ts';
import { checkSources } from './check-sources.ts';
import { hasDemandExpression, loadExpressionParser } from './expression.ts';
import { describeJsonSyntaxError } from './json-syntax.ts';
import { ScenarioIndex } from './scenario-index.ts';
import type { Scenario } from './schema.ts';
import { checkStructure } from './structure.ts';

/** One problem in a scenario: where (a JSON pointer, "" for the root) and what, as a plain sentence. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; issues: ValidationIssue[] };

/**
 * Validates a parsed scenario: structural errors, or when the structure is sound, every semantic error.
 * A scenario with a demandExpression needs loadExpressionParser() to have resolved first.
 */
export function validateScenario(input: unknown): ValidationResult {
  const structural = checkStructure(input);
  if (structural.length > 0) return { ok: false, issues: structural };
  // The semantic checks rely on the types the structure guarantees, so they run only on a sound structure.
  const scenario = input as Scenario;
  const index = new ScenarioIndex(scenario);
  const issues = [
    ...checkIds(index),
    ...checkNodeFields(index),
    ...checkSources(index),
    ...checkDisruptions(index),
    ...checkLevers(index),
    ...checkDistributions(index),
    ...checkReferences(index),
    ...checkDemand(index),
    ...checkObserved(index),
    ...checkOptimise(index, validateScenario),
  ];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, scenario };
}

/** Formats issues one per line as "path: message", the root shown as "/". */
export function formatIssues(issues: ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path || '/'}: ${issue.message}`).join('\n');
}

/**
 * Parses scenario JSON text and validates it; a syntax error becomes one issue at "/", never an exception.
 * Synchronous: a scenario with a demandExpression needs loadExpressionParser() to have resolved first
 * (parseScenarioTextAsync does that itself).
 */
export function parseScenarioText(text: string): ValidationResult {
  const json = parseJson(text);
  return json.ok ? validateScenario(json.data) : json;
}

/** parseScenarioText, loading the expression parser first when the scenario has a demandExpression (and only then). */
export async function parseScenarioTextAsync(text: string): Promise<ValidationResult> {
  const json = parseJson(text);
  if (!json.ok) return json;
  if (hasDemandExpression(json.data)) await loadExpressionParser();
  return validateScenario(json.data);
}

/** JSON.parse with a byte-order mark allowed and a syntax error described where it is. */
function parseJson(text: string): { ok: true; data: unknown } | { ok: false; issues: ValidationIssue[] } {
  // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, data: JSON.parse(body) };
  } catch (error) {
    let message: string | undefined;
    try {
      message = body.trim() === '' ? 'the text is empty; a scenario is a JSON object' : describeJsonSyntaxError(body);
    } catch {
      // Our scanner recurses; absurdly deep nesting overflows it, and JSON.parse's own message must do.
    }
    return { ok: false, issues: [{ path: '/', message: message ?? `not valid JSON: ${(error as Error).message}` }] };
  }
}
