/** A scenario from a file or from the text a partial result carries: validated, every problem one user error. */
import { readFile } from 'node:fs/promises';
import type { Scenario } from '../model/schema.ts';
import { fsReason, UserError } from './user-error.ts';

/** Reads and validates a scenario file; returns the scenario and the text it was read from. */
export async function readScenarioFile(file: string): Promise<{ scenario: Scenario; text: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read the scenario file ${JSON.stringify(file)}: ${fsReason(error)}`);
  }
  return { scenario: await parseScenario(text, file), text };
}

/** Validates a scenario's text; `where` names it in the message (a file name). */
export async function parseScenario(text: string, where: string): Promise<Scenario> {
  // Loaded only now: validation pulls in Ajv and the schema, start-up that a mistyped flag or path
  // should not have to wait for; mathjs comes only for a scenario with expressions.
  const { formatIssues, parseScenarioTextAsync } = await import('../model/validate.ts');
  const validation = await parseScenarioTextAsync(text);
  if (validation.ok) return validation.scenario;
  const count = validation.issues.length;
  throw new UserError(`${where} is not a valid scenario (${count} ${count === 1 ? 'problem' : 'problems'}):\n${formatIssues(validation.issues)}`);
}
