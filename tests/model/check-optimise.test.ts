import { describe, expect, it } from 'vitest';
import { candidateStrategy, variableLevels } from '../../src/model/optimise-candidate.ts';
import type { Optimise } from '../../src/model/schema.ts';
import { expectIssue, expectOnlyIssue, issuesOf, scenarioWith, type Draft } from './builders.ts';

const stockVar = (extra: Draft = {}): Draft => ({
  id: 'stock', levers: [{ stockpile: { nodes: ['maker-a'] } }], sets: '/0/stockpile/months', range: { min: 0, max: 6, step: 1 }, cost: { capexPerUnit: 10 }, ...extra,
});
const refineryVar = (extra: Draft = {}): Draft => ({
  id: 'share',
  levers: [
    { newCapacity: { nodes: [{ id: 'ref-new', stage: 'processing', country: 'GB', capacity: 40, sources: [{ from: 'mine-b', share: 1 }] }], commissioningMonths: 6 } },
    { diversify: { node: 'maker-a', fromNode: 'ref-a', fraction: 0, to: ['ref-new'] } },
  ],
  sets: '/1/diversify/fraction',
  range: { min: 0, max: 0.5, step: 0.1 },
  cost: { fixedCapex: 1000 },
  ...extra,
});
const withOptimise = (optimise: Draft) => scenarioWith((s) => (s.optimise = optimise));
const meanTarget = { of: { country: 'GB' }, statistic: 'mean', atMost: 2 };

describe('an optimise section', () => {
  it('validates when its target and variables make sense', () => {
    expect(issuesOf(withOptimise({ target: meanTarget, variables: [stockVar(), refineryVar()] }))).toEqual([]);
  });

  it('names a country that has makers', () => {
    expectOnlyIssue(withOptimise({ target: { ...meanTarget, of: { country: 'DE' } }, variables: [stockVar()] }), '/optimise/target/of/country', 'no maker', '"GB"');
  });

  it('gives "above" with probAbove, and only then', () => {
    expectOnlyIssue(withOptimise({ target: { statistic: 'probAbove', atMost: 0.1 }, variables: [stockVar()] }), '/optimise/target', 'needs "above"');
    expectOnlyIssue(withOptimise({ target: { statistic: 'mean', above: 3, atMost: 2 }, variables: [stockVar()] }), '/optimise/target/above', 'only for');
    expectOnlyIssue(withOptimise({ target: { statistic: 'probAbove', above: 3, atMost: 5 }, variables: [stockVar()] }), '/optimise/target/atMost', 'probability');
  });

  it('takes sizes as a range of whole steps or as choices, one of the two', () => {
    expectOnlyIssue(withOptimise({ target: meanTarget, variables: [stockVar({ range: { min: 0, max: 1, step: 0.3 } })] }), '/optimise/variables/0/range/step', 'whole number of steps');
    expectOnlyIssue(withOptimise({ target: meanTarget, variables: [stockVar({ range: { min: 3, max: 1, step: 1 } })] }), '/optimise/variables/0/range', 'must not be above');
    expectOnlyIssue(withOptimise({ target: meanTarget, variables: [stockVar({ choices: [1, 2] })] }), '/optimise/variables/0', 'one of the two');
    expectOnlyIssue(withOptimise({ target: meanTarget, variables: [stockVar({ range: undefined, choices: [1, 1] })] }), '/optimise/variables/0/choices/1', 'twice');
  });

  it('points "sets" at a number of one of its levers', () => {
    expectOnlyIssue(withOptimise({ target: meanTarget, variables: [stockVar({ sets: '/1/stockpile/months' })] }), '/optimise/variables/0/sets', 'lever 1', '1 lever');
    expectOnlyIssue(withOptimise({ target: meanTarget, variables: [stockVar({ sets: '/0/stockpile/nodes' })] }), '/optimise/variables/0/sets', 'must set a number');
    expectOnlyIssue(withOptimise({ target: meanTarget, variables: [stockVar({ sets: '/0/diversify/fraction' })] }), '/optimise/variables/0/sets', 'does not have');
  });

  it('reports a size the lever refuses at the range, with the size', () => {
    const issue = expectOnlyIssue(withOptimise({ target: meanTarget, variables: [refineryVar({ range: { min: 0, max: 1.5, step: 0.5 } })] }), '/optimise/variables/0/range', 'size 1.5');
    expect(issue.message).toMatch(/between 0 and 1, got 1.5/);
  });

  it("reports a template's own mistake at the template's path", () => {
    const bad = stockVar({ levers: [{ stockpile: { nodes: ['maker-x'] } }] });
    expectOnlyIssue(withOptimise({ target: meanTarget, variables: [bad] }), '/optimise/variables/0/levers/0/stockpile/nodes/0', 'no node "maker-x"');
  });

  it('refuses two variables that stockpile the same node, and repeated variable ids', () => {
    expectIssue(issuesOf(withOptimise({ target: meanTarget, variables: [stockVar(), stockVar()] })), '/optimise/variables/1/id', 'already used');
    expectOnlyIssue(withOptimise({ target: meanTarget, variables: [stockVar(), stockVar({ id: 'stock-2' })] }), '/optimise/variables/1/levers/0/stockpile/nodes/0', 'already has a stockpile');
  });

  it("refuses new node ids the scenario's own nodes use, at the template node, and allows another strategy's", () => {
    const clash = refineryVar();
    clash.levers[0].newCapacity.nodes[0].id = 'ref-b';
    clash.levers[1].diversify.to = ['ref-b'];
    expectIssue(issuesOf(withOptimise({ target: meanTarget, variables: [clash] })), '/optimise/variables/0/levers/0/newCapacity/nodes/0/id', 'unique across the whole scenario');
    // An optimised strategy added earlier has the template's node ids: the section stays valid.
    const s = withOptimise({ target: meanTarget, variables: [refineryVar()] });
    s.strategies.push({ id: 'added', levers: refineryVar().levers });
    expect(issuesOf(s)).toEqual([]);
  });

  it('refuses a malformed section structurally, with the path', () => {
    expectIssue(issuesOf(withOptimise({ target: { statistic: 'median', atMost: 2 }, variables: [stockVar()] })), '/optimise/target/statistic');
    expectIssue(issuesOf(withOptimise({ target: meanTarget, variables: [] })), '/optimise/variables');
  });
});

describe('a candidate strategy', () => {
  it('keeps every lever in template order at any size, with the cost of the sizes', () => {
    const optimise = { target: meanTarget, variables: [stockVar(), refineryVar()] } as unknown as Optimise;
    expect(variableLevels(optimise.variables[1])).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    const zero = candidateStrategy(optimise, [0, 0]);
    const some = candidateStrategy(optimise, [3, 0.3]);
    expect(zero.levers.map((l) => Object.keys(l)[0])).toEqual(['stockpile', 'newCapacity', 'diversify']);
    expect(some.levers.map((l) => Object.keys(l)[0])).toEqual(['stockpile', 'newCapacity', 'diversify']);
    expect(zero.cost).toEqual({ capex: 0, opexPerYear: 0 });
    expect(some.cost).toEqual({ capex: 3 * 10 + 1000, opexPerYear: 0 });
    expect(some.levers[2]).toMatchObject({ diversify: { fraction: 0.3 } });
    // the template itself is untouched
    expect(optimise.variables[1].levers[1]).toMatchObject({ diversify: { fraction: 0 } });
  });
});
