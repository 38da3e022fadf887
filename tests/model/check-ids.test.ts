import { describe, it, expect } from 'vitest';
import { expectIssue, expectOnlyIssue, issuesOf, scenarioWith, type Draft } from './builders.ts';

const newRefinery = (id = 'ref-new'): Draft => ({
  newCapacity: {
    nodes: [{ id, stage: 'processing', country: 'IN', capacity: 40, sources: [{ from: 'mine-a', share: 1 }] }],
    commissioningMonths: 12,
  },
});

describe('ids', () => {
  it.each([
    ['nodes', (s: Draft) => s.nodes.push({ id: 'mine-a', stage: 'extraction', country: 'US', capacity: 1 }), '/nodes/6/id'],
    ['routes', (s: Draft) => s.routes.push({ id: 'malacca' }), '/routes/1/id'],
    ['disruptions', (s: Draft) => s.disruptions.push({ ...s.disruptions[0] }), '/disruptions/1/id'],
    ['strategies', (s: Draft) => s.strategies.push({ id: 'stock', levers: [] }), '/strategies/1/id'],
    ['references', (s: Draft) => s.references.push({ id: 'ref-1', title: 'again', url: '' }), '/references/1/id'],
  ])('must be unique in %s', (_list, change, path) => {
    expectOnlyIssue(scenarioWith(change), path, 'already used');
  });

  it('of new nodes must not repeat an existing node', () => {
    expectOnlyIssue(
      scenarioWith((s) => s.strategies.push({ id: 'build', levers: [newRefinery('ref-b')] })),
      '/strategies/1/levers/0/newCapacity/nodes/0/id',
      'already used',
      '/nodes/4',
    );
  });

  it("of new nodes must not repeat another strategy's new node", () => {
    const s = scenarioWith((s) => {
      s.strategies.push({ id: 'build', levers: [newRefinery()] });
      s.strategies.push({ id: 'build-too', levers: [newRefinery()] });
    });
    expectOnlyIssue(s, '/strategies/2/levers/0/newCapacity/nodes/0/id', 'whole scenario');
  });

  it('reserves the strategy id "baseline"', () => {
    expectOnlyIssue(scenarioWith((s) => (s.strategies[0].id = 'baseline')), '/strategies/0/id', 'reserved');
  });

  it('ignores $schema', () => {
    expect(issuesOf(scenarioWith((s) => (s.$schema = 'anything at all')))).toEqual([]);
  });

  it('lets a strategy use its own new nodes', () => {
    const s = scenarioWith((s) =>
      s.strategies.push({
        id: 'build',
        levers: [newRefinery(), { diversify: { node: 'maker-a', fromNode: 'ref-a', fraction: 0.5, to: ['ref-new'] } }],
      }),
    );
    expect(issuesOf(s)).toEqual([]);
  });

  it("does not let a strategy use another strategy's new nodes", () => {
    const s = scenarioWith((s) => {
      s.strategies.push({ id: 'build', levers: [newRefinery()] });
      s.strategies.push({ id: 'move', levers: [{ diversify: { node: 'maker-a', fromNode: 'ref-a', fraction: 0.5, to: ['ref-new'] } }] });
    });
    expectIssue(issuesOf(s), '/strategies/2/levers/0/diversify/to/0', 'only in that strategy');
  });
});
