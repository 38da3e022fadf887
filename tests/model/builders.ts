/** A small valid scenario to start tests from, and helpers to look for an issue in the result. */
import { expect } from 'vitest';
import { formatIssues, validateScenario, type ValidationIssue } from '../../src/model/validate.ts';

/** A scenario as a test builds it: loosely typed, so tests can break it in any way. */
export type Draft = Record<string, any>;

/** Mine, mine and exploration project -> two refineries -> one maker; one disruption, one strategy, one reference. */
export function smallScenario(): Draft {
  return {
    id: 'small-chain',
    name: 'Small chain',
    unit: 't',
    horizonMonths: 24,
    routes: [{ id: 'malacca', name: 'Strait of Malacca' }],
    nodes: [
      { id: 'mine-a', stage: 'extraction', country: 'AU', capacity: 100 },
      { id: 'mine-b', stage: 'extraction', country: 'CL', capacity: 100 },
      { id: 'project-c', stage: 'exploration', country: 'CA', capacity: 50, successProbability: 0.5, leadTimeMonths: 12 },
      {
        id: 'ref-a', stage: 'processing', country: 'CN', capacity: 150, yield: 0.9,
        sources: [{ from: 'mine-a', share: 0.6 }, { from: 'mine-b', share: 0.4, route: 'malacca', transitMonths: 1 }],
      },
      { id: 'ref-b', stage: 'processing', country: 'IN', capacity: 50, sources: [{ from: 'mine-a', share: 0.5 }, { from: 'project-c', share: 0.5 }] },
      {
        id: 'maker-a', stage: 'manufacturing', country: 'GB', capacity: 120, demand: 100, growth: 0.02,
        sources: [{ from: 'ref-a', share: 0.8 }, { from: 'ref-b', share: 0.2 }],
      },
    ],
    disruptions: [{ id: 'outage', target: { node: 'mine-a' }, start: 6, duration: 3, severity: 1 }],
    strategies: [{ id: 'stock', levers: [{ stockpile: { nodes: ['maker-a'], months: 2 } }] }],
    references: [{ id: 'ref-1', title: 'A source', url: '' }],
  };
}

/** The small scenario after a change. */
export function scenarioWith(change: (s: Draft) => void): Draft {
  const s = smallScenario();
  change(s);
  return s;
}

/** The issues validation reports ([] when the scenario is valid). */
export function issuesOf(input: unknown): ValidationIssue[] {
  const result = validateScenario(input);
  return result.ok ? [] : result.issues;
}

/** Asserts that an issue sits at exactly this path and its message contains every given word. */
export function expectIssue(issues: ValidationIssue[], path: string, ...words: string[]): ValidationIssue {
  const found = issues.find((i) => i.path === path && words.every((w) => i.message.toLowerCase().includes(w.toLowerCase())));
  expect(found, `expected an issue at "${path}" mentioning ${words.join(', ')}; got:\n${formatIssues(issues)}`).toBeDefined();
  return found as ValidationIssue;
}

/** Asserts that the only issue(s) of a scenario sit at this path and mention the words. */
export function expectOnlyIssue(input: unknown, path: string, ...words: string[]): ValidationIssue {
  const issues = issuesOf(input);
  const found = expectIssue(issues, path, ...words);
  expect(issues.filter((i) => i.path !== path), formatIssues(issues)).toEqual([]);
  return found;
}
