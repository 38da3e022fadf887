import { describe, it, expect } from 'vitest';
import { expectIssue, expectOnlyIssue, issuesOf, scenarioWith } from './builders.ts';

describe('structural errors', () => {
  it('say what was expected and what was got', () => {
    const found = expectOnlyIssue(scenarioWith((s) => (s.nodes[3].capacity = '12kt')), '/nodes/3/capacity', 'number >= 0');
    expect(found.message).toBe('must be a number >= 0, got "12kt"');
  });

  it('report a missing required field at its object', () => {
    expectOnlyIssue(scenarioWith((s) => delete s.nodes[0].country), '/nodes/0', 'missing required field "country"');
  });

  it('report a number out of range with its bounds', () => {
    expectOnlyIssue(scenarioWith((s) => (s.nodes[3].yield = 0)), '/nodes/3/yield', '> 0 and <= 1', 'got 0');
    expectOnlyIssue(scenarioWith((s) => (s.horizonMonths = 24.5)), '/horizonMonths', 'whole number between 1 and 1200');
    expectOnlyIssue(scenarioWith((s) => (s.nodes[0].capacity = 2e12)), '/nodes/0/capacity', '1e12');
  });

  it('explain ids and country codes', () => {
    expectOnlyIssue(scenarioWith((s) => (s.routes[0].id = 'Malacca Strait')), '/routes/0/id', 'kebab-case', '"Malacca Strait"');
    expectOnlyIssue(scenarioWith((s) => (s.nodes[0].country = 'Australia')), '/nodes/0/country', 'two-letter country code');
  });

  it('list the allowed values of an enumeration', () => {
    expectOnlyIssue(scenarioWith((s) => (s.nodes[0].stage = 'mining')), '/nodes/0/stage', '"extraction"', 'got "mining"');
    expectOnlyIssue(scenarioWith((s) => (s.periodsPerYear = 4)), '/periodsPerYear', '12 or 52');
  });

  it('name unknown fields, suggest a close one and list the allowed ones when short', () => {
    const typo = expectOnlyIssue(scenarioWith((s) => (s.nodes[0].capcity = 1)), '/nodes/0/capcity', 'unknown field "capcity"');
    expect(typo.message).toContain('did you mean "capacity"');
    const short = expectOnlyIssue(scenarioWith((s) => (s.routes[0].length = 3)), '/routes/0/length', 'unknown field "length"');
    expect(short.message).toContain('"id" and "name"');
    expect(issuesOf(scenarioWith((s) => (s.stageShares = { processing: { shares: { cn: 1 }, reference: 'ref-1' } })))[0].path).toBe(
      '/stageShares/processing/shares/cn',
    );
  });

  it("report a distribution's own errors when its key names the form", () => {
    const issues = issuesOf(scenarioWith((s) => (s.disruptions[0].severity = { uniform: [0.1] })));
    expect(issues).toEqual([{ path: '/disruptions/0/severity/uniform', message: 'must be a list of exactly 2 numbers, got [0.1]' }]);
    expectOnlyIssue(scenarioWith((s) => (s.disruptions[0].severity = { uniform: [0.1, 0.2], seed: 1 })), '/disruptions/0/severity/seed', 'unknown field');
    expectOnlyIssue(scenarioWith((s) => (s.disruptions[0].severity = { lognormal: { p5: 1 } })), '/disruptions/0/severity/lognormal', '"p95"');
  });

  it('list the accepted forms in one sentence when no form is meant', () => {
    const issues = issuesOf(scenarioWith((s) => (s.disruptions[0].severity = { gamma: [1, 2] })));
    expect(issues).toHaveLength(1);
    expectIssue(issues, '/disruptions/0/severity', 'a number', '{ uniform }', '{ discrete }', 'got {"gamma":[1,2]}');
    const both = issuesOf(scenarioWith((s) => (s.disruptions[0].severity = { fixed: 1, uniform: [0, 1] })));
    expect(both).toHaveLength(1);
    expectIssue(both, '/disruptions/0/severity', 'one of');
    expectOnlyIssue(scenarioWith((s) => (s.disruptions[0].severity = 'high')), '/disruptions/0/severity', 'one of', '"high"');
  });

  it('pick the lever a key names and report only its errors', () => {
    const issues = issuesOf(scenarioWith((s) => (s.strategies[0].levers[0] = { stockpile: { nodes: 'maker-a', units: -1 } })));
    expect(issues.map((i) => i.path)).toEqual(['/strategies/0/levers/0/stockpile/nodes', '/strategies/0/levers/0/stockpile/units']);
    expectOnlyIssue(scenarioWith((s) => (s.strategies[0].levers[0] = { stockpiles: {} })), '/strategies/0/levers/0', '{ stockpile }');
  });

  it('pick the target form that fits best', () => {
    expectOnlyIssue(scenarioWith((s) => (s.disruptions[0].target = { nodes: [] })), '/disruptions/0/target/nodes', 'at least 1');
    expectOnlyIssue(scenarioWith((s) => (s.disruptions[0].target = { country: 'CN', exportsOnly: 'yes' })), '/disruptions/0/target/exportsOnly', 'true or false');
    expectOnlyIssue(scenarioWith((s) => (s.disruptions[0].target = { demand: false })), '/disruptions/0/target/demand', 'must be true');
  });

  it('reach into nested unions (a distribution inside a new node inside a lever)', () => {
    const s = scenarioWith((s) =>
      s.strategies[0].levers.push({
        newCapacity: { nodes: [{ id: 'mine-new', stage: 'extraction', country: 'CA', capacity: 5, leadTimeMonths: { pert: [1, 2] } }], commissioningMonths: 3 },
      }),
    );
    expectOnlyIssue(s, '/strategies/0/levers/1/newCapacity/nodes/0/leadTimeMonths/pert', 'exactly 3 numbers');
  });

  it('truncate long got-values to about 40 characters', () => {
    const found = expectOnlyIssue(scenarioWith((s) => (s.nodes[0].capacity = 'x'.repeat(100))), '/nodes/0/capacity', 'got');
    const got = found.message.slice(found.message.indexOf('got ') + 4);
    expect(got.length).toBeLessThanOrEqual(40);
    expect(got.endsWith('…')).toBe(true);
  });

  it('report the root', () => {
    expect(issuesOf(null)).toEqual([{ path: '', message: 'must be an object, got null' }]);
    expect(issuesOf([])).toHaveLength(1);
  });

  it('stop before semantic checks, which rely on a sound structure', () => {
    const s = scenarioWith((s) => {
      s.nodes[0].capacity = -1;
      s.nodes[5].sources[0].from = 'nowhere';
    });
    expectOnlyIssue(s, '/nodes/0/capacity', '>= 0');
  });
});
