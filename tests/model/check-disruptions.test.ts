import { describe, it, expect } from 'vitest';
import { expectIssue, expectOnlyIssue, issuesOf, scenarioWith, type Draft } from './builders.ts';

const withDisruption = (d: Draft) => scenarioWith((s) => s.disruptions.push({ id: 'extra', duration: 2, severity: 0.5, target: { node: 'mine-b' }, ...d }));

describe('disruptions', () => {
  it('need an occurrence rule', () => {
    expectOnlyIssue(scenarioWith((s) => delete s.disruptions[0].start), '/disruptions/0', 'none was given');
  });

  it('take exactly one occurrence rule and say which were given', () => {
    const found = expectOnlyIssue(scenarioWith((s) => (s.disruptions[0].ratePerYear = 0.2)), '/disruptions/0', 'exactly one');
    expect(found.message).toContain('"start" and "ratePerYear"');
  });

  it('are correlated with an existing disruption', () => {
    expectOnlyIssue(withDisruption({ correlatedWith: { id: 'nothing', probability: 0.5 } }), '/disruptions/1/correlatedWith/id', 'no disruption "nothing"');
  });

  it('are not correlated with themselves', () => {
    expectOnlyIssue(withDisruption({ correlatedWith: { id: 'extra', probability: 0.5 } }), '/disruptions/1/correlatedWith/id', 'itself');
  });

  it('may form chains but not cycles, and the cycle is named', () => {
    const chain = scenarioWith((s) => {
      s.disruptions.push({ id: 'b', target: { node: 'mine-b' }, correlatedWith: { id: 'outage', probability: 0.5 }, duration: 1, severity: 1 });
      s.disruptions.push({ id: 'c', target: { node: 'mine-b' }, correlatedWith: { id: 'b', probability: 0.5 }, duration: 1, severity: 1 });
    });
    expect(issuesOf(chain)).toEqual([]);
    const cycle = scenarioWith((s) => {
      s.disruptions.push({ id: 'b', target: { node: 'mine-b' }, correlatedWith: { id: 'c', probability: 0.5 }, duration: 1, severity: 1 });
      s.disruptions.push({ id: 'c', target: { node: 'mine-b' }, correlatedWith: { id: 'd', probability: 0.5 }, duration: 1, severity: 1 });
      s.disruptions.push({ id: 'd', target: { node: 'mine-b' }, correlatedWith: { id: 'b', probability: 0.5 }, duration: 1, severity: 1 });
    });
    const issues = issuesOf(cycle);
    expect(issues).toHaveLength(1);
    expectIssue(issues, '/disruptions/1/correlatedWith/id', 'cycle', 'b -> c -> d -> b');
  });

  it('target existing nodes', () => {
    expectOnlyIssue(scenarioWith((s) => (s.disruptions[0].target = { node: 'mine-x' })), '/disruptions/0/target/node', 'no node "mine-x"');
    expectOnlyIssue(scenarioWith((s) => (s.disruptions[0].target = { nodes: ['mine-a', 'mine-x'] })), '/disruptions/0/target/nodes/1', 'no node');
  });

  it('may target a new node of any strategy', () => {
    const s = scenarioWith((s) => {
      s.strategies.push({ id: 'build', levers: [{ newCapacity: { nodes: [{ id: 'mine-new', stage: 'extraction', country: 'CA', capacity: 10 }], commissioningMonths: 6 } }] });
      s.disruptions[0].target = { nodes: ['mine-a', 'mine-new'] };
    });
    expect(issuesOf(s)).toEqual([]);
  });

  it('target existing routes', () => {
    expectOnlyIssue(scenarioWith((s) => (s.disruptions[0].target = { route: 'hormuz' })), '/disruptions/0/target/route', 'no route "hormuz"');
  });

  it('of demand name makers only', () => {
    const s = scenarioWith((s) => {
      s.disruptions[0].target = { demand: true, nodes: ['ref-a'] };
      s.disruptions[0].change = 0.2;
      delete s.disruptions[0].severity;
    });
    expectOnlyIssue(s, '/disruptions/0/target/nodes/0', 'makers only');
  });

  it('of demand need change and take no severity', () => {
    const s = scenarioWith((s) => (s.disruptions[0].target = { demand: true }));
    const issues = issuesOf(s);
    expectIssue(issues, '/disruptions/0', '"change"');
    expectIssue(issues, '/disruptions/0/severity', 'not "severity"');
  });

  it('of supply need severity and take no change', () => {
    const s = scenarioWith((s) => {
      delete s.disruptions[0].severity;
      s.disruptions[0].change = 0.2;
    });
    const issues = issuesOf(s);
    expectIssue(issues, '/disruptions/0', '"severity"');
    expectIssue(issues, '/disruptions/0/change', 'only for demand');
  });

  it('add transit time only on routes', () => {
    expectOnlyIssue(scenarioWith((s) => (s.disruptions[0].addedTransitMonths = 1)), '/disruptions/0/addedTransitMonths', 'route');
    const onRoute = scenarioWith((s) => {
      s.disruptions[0].target = { route: 'malacca' };
      s.disruptions[0].addedTransitMonths = { uniform: [0.5, 2] };
    });
    expect(issuesOf(onRoute)).toEqual([]);
  });
});
