import { describe, it, expect } from 'vitest';
import { expectOnlyIssue, issuesOf, scenarioWith } from './builders.ts';

describe('sourcing mixes', () => {
  it('are only at processing nodes and makers', () => {
    expectOnlyIssue(scenarioWith((s) => (s.nodes[0].sources = [{ from: 'mine-b', share: 1 }])), '/nodes/0/sources', 'only processing nodes and makers');
  });

  it('accept an empty list where sources are not allowed', () => {
    expect(issuesOf(scenarioWith((s) => (s.nodes[0].sources = [])))).toEqual([]);
  });

  it('are required at processing nodes', () => {
    expectOnlyIssue(scenarioWith((s) => delete s.nodes[4].sources), '/nodes/4', 'at least one source');
  });

  it('are required at makers, even as an empty list', () => {
    expectOnlyIssue(scenarioWith((s) => (s.nodes[5].sources = [])), '/nodes/5/sources', 'at least one source');
  });

  it('name existing nodes', () => {
    expectOnlyIssue(scenarioWith((s) => (s.nodes[4].sources[0].from = 'mine-x')), '/nodes/4/sources/0/from', 'no node "mine-x"');
  });

  it('follow the stages: a processing node sources from mines and projects', () => {
    const s = scenarioWith((s) => (s.nodes[4].sources[0].from = 'ref-a'));
    expectOnlyIssue(s, '/nodes/4/sources/0/from', 'extraction or exploration');
  });

  it('follow the stages: a maker sources from processing nodes', () => {
    const s = scenarioWith((s) => (s.nodes[5].sources[1].from = 'mine-b'));
    expectOnlyIssue(s, '/nodes/5/sources/1/from', 'sources from processing');
  });

  it('list each node once', () => {
    const s = scenarioWith((s) => (s.nodes[5].sources[1].from = 'ref-a'));
    expectOnlyIssue(s, '/nodes/5/sources/1/from', 'twice');
  });

  it('have shares that sum to 1', () => {
    const s = scenarioWith((s) => (s.nodes[5].sources[1].share = 0.1));
    expectOnlyIssue(s, '/nodes/5/sources', 'sum to 1', '0.9');
  });

  it('tolerate rounding within 1e-6', () => {
    const s = scenarioWith((s) => {
      s.nodes[5].sources[0].share = 0.3333333;
      s.nodes[5].sources[1].share = 0.6666667;
    });
    expect(issuesOf(s)).toEqual([]);
  });

  it('name existing routes', () => {
    const s = scenarioWith((s) => (s.nodes[5].sources[0].route = 'suez'));
    expectOnlyIssue(s, '/nodes/5/sources/0/route', 'no route "suez"', 'malacca');
  });

  it('of a new node may name new nodes of the same strategy, not of another', () => {
    const build = {
      id: 'build',
      levers: [
        { newCapacity: { nodes: [{ id: 'mine-new', stage: 'extraction', country: 'CA', capacity: 10, rampMonths: 6 }], commissioningMonths: 6 } },
        { newCapacity: { nodes: [{ id: 'ref-new', stage: 'processing', country: 'CA', capacity: 10, sources: [{ from: 'mine-new', share: 1 }] }], commissioningMonths: 6 } },
      ],
    };
    expect(issuesOf(scenarioWith((s) => s.strategies.push(build)))).toEqual([]);
    const other = { id: 'other', levers: [{ newCapacity: { nodes: [{ id: 'ref-other', stage: 'processing', country: 'CA', capacity: 10, sources: [{ from: 'mine-new', share: 1 }] }], commissioningMonths: 6 } }] };
    expectOnlyIssue(scenarioWith((s) => s.strategies.push(build, other)), '/strategies/2/levers/0/newCapacity/nodes/0/sources/0/from', 'new node of strategy "build"');
  });

  it("of the scenario's nodes may not name a strategy's new node", () => {
    const s = scenarioWith((s) => {
      s.strategies.push({ id: 'build', levers: [{ newCapacity: { nodes: [{ id: 'mine-new', stage: 'extraction', country: 'CA', capacity: 10 }], commissioningMonths: 6 } }] });
      s.nodes[4].sources[0].from = 'mine-new';
    });
    expectOnlyIssue(s, '/nodes/4/sources/0/from', 'exists only in that strategy');
  });
});
