import { describe, it, expect } from 'vitest';
import { expectIssue, expectOnlyIssue, issuesOf, scenarioWith, type Draft } from './builders.ts';

const withLevers = (...levers: Draft[]) => scenarioWith((s) => s.strategies.push({ id: 'test', levers }));
const lever0 = '/strategies/1/levers/0';
const newRefinery = {
  newCapacity: { nodes: [{ id: 'ref-new', stage: 'processing', country: 'IN', capacity: 40, sources: [{ from: 'mine-a', share: 1 }] }], commissioningMonths: 12 },
};

describe('stockpile levers', () => {
  it('name existing nodes, including the strategy\'s own new nodes', () => {
    expectOnlyIssue(withLevers({ stockpile: { nodes: ['maker-x'], units: 5 } }), `${lever0}/stockpile/nodes/0`, 'no node "maker-x"');
    expect(issuesOf(withLevers(newRefinery, { stockpile: { nodes: ['ref-new'], units: 5 } }))).toEqual([]);
  });

  it('take exactly one of nodes and stage', () => {
    expectOnlyIssue(withLevers({ stockpile: { nodes: ['maker-a'], stage: 'manufacturing', units: 5 } }), `${lever0}/stockpile`, '"nodes" or "stage", not both');
    expectOnlyIssue(withLevers({ stockpile: { units: 5 } }), `${lever0}/stockpile`, '"nodes" (a list of node ids) or "stage"');
  });

  it('take exactly one of units and months', () => {
    expectOnlyIssue(withLevers({ stockpile: { stage: 'manufacturing', units: 5, months: 1 } }), `${lever0}/stockpile`, 'not both');
    expectOnlyIssue(withLevers({ stockpile: { stage: 'manufacturing' } }), `${lever0}/stockpile`, 'size');
  });

  it('put at most one stockpile on a node within a strategy', () => {
    const s = withLevers({ stockpile: { stage: 'manufacturing', months: 1 } }, { stockpile: { nodes: ['ref-a', 'maker-a'], units: 5 } });
    expectOnlyIssue(s, '/strategies/1/levers/1/stockpile/nodes/1', 'already has a stockpile');
    expectOnlyIssue(withLevers({ stockpile: { nodes: ['maker-a', 'maker-a'], units: 5 } }), `${lever0}/stockpile/nodes/1`, 'twice');
  });

  it('may stockpile the same node in different strategies', () => {
    expect(issuesOf(withLevers({ stockpile: { nodes: ['maker-a'], units: 5 } }))).toEqual([]);
  });
});

describe('diversify levers', () => {
  const diversify = (d: Draft) => withLevers({ diversify: { node: 'maker-a', fromCountry: 'CN', fraction: 0.5, to: ['ref-b'], ...d } });

  it('are valid as written', () => {
    expect(issuesOf(diversify({}))).toEqual([]);
  });

  it('buy at a processing node or a maker', () => {
    expectOnlyIssue(diversify({ node: 'mine-a', to: ['mine-b'] }), `${lever0}/diversify/node`, 'processing node or a maker');
    expectOnlyIssue(diversify({ node: 'maker-x' }), `${lever0}/diversify/node`, 'no node');
  });

  it('take exactly one of fromCountry and fromNode', () => {
    expectOnlyIssue(diversify({ fromNode: 'ref-a' }), `${lever0}/diversify`, 'not both');
    expectOnlyIssue(diversify({ fromCountry: undefined }), `${lever0}/diversify`, '"fromCountry" or "fromNode"');
  });

  it('move from an existing source of the buyer', () => {
    expectOnlyIssue(diversify({ fromCountry: undefined, fromNode: 'ref-x' }), `${lever0}/diversify/fromNode`, 'no node');
    expectOnlyIssue(diversify({ fromCountry: 'US' }), `${lever0}/diversify/fromCountry`, 'nothing would move');
  });

  it('move to existing nodes of the stage the buyer sources from', () => {
    expectOnlyIssue(diversify({ to: ['ref-x'] }), `${lever0}/diversify/to/0`, 'no node');
    expectOnlyIssue(diversify({ to: ['ref-b', 'mine-a'] }), `${lever0}/diversify/to/1`, 'sources from processing');
  });

  it('use an existing route', () => {
    expectOnlyIssue(diversify({ route: 'panama', transitMonths: 2 }), `${lever0}/diversify/route`, 'no route "panama"');
  });
});

describe('other levers', () => {
  it('flexibility acts on processing nodes or makers', () => {
    expectOnlyIssue(withLevers({ flexibility: { stage: 'extraction', fraction: 0.5 } }), `${lever0}/flexibility/stage`, '"processing" or "manufacturing"');
  });

  it('recycling feeds processing nodes', () => {
    expectOnlyIssue(withLevers({ recycling: { nodes: ['maker-a'], rate: 0.1 } }), `${lever0}/recycling/nodes/0`, 'processing');
  });

  it('substitution acts at makers', () => {
    expectOnlyIssue(withLevers({ substitution: { nodes: ['ref-a'], fraction: 0.1 } }), `${lever0}/substitution/nodes/0`, 'makers');
  });

  it('newCapacity adds no exploration projects', () => {
    const s = withLevers({ newCapacity: { nodes: [{ id: 'project-new', stage: 'exploration', country: 'CA', capacity: 5, leadTimeMonths: 12 }], commissioningMonths: 6 } });
    expectOnlyIssue(s, `${lever0}/newCapacity/nodes/0/stage`, 'exploration');
  });

  it('name existing nodes', () => {
    const issues = issuesOf(withLevers({ substitution: { nodes: ['maker-x'], fraction: 0.1 } }, { recycling: { nodes: ['ref-x'], rate: 0.1 } }));
    expectIssue(issues, `${lever0}/substitution/nodes/0`, 'no node "maker-x"');
    expectIssue(issues, '/strategies/1/levers/1/recycling/nodes/0', 'no node "ref-x"');
  });
});
