import { describe, it, expect } from 'vitest';
import { expectOnlyIssue, issuesOf, scenarioWith } from './builders.ts';

describe('stage-specific node fields', () => {
  it('yield only at processing nodes', () => {
    expectOnlyIssue(scenarioWith((s) => (s.nodes[5].yield = 0.9)), '/nodes/5/yield', 'only processing');
  });

  it('inventory only at processing nodes and makers', () => {
    expect(issuesOf(scenarioWith((s) => (s.nodes[3].inventory = { opening: 1, max: 2 })))).toEqual([]);
    expectOnlyIssue(scenarioWith((s) => (s.nodes[0].inventory = { opening: 1, max: 2 })), '/nodes/0/inventory', 'inventory');
  });

  it('inventory opening at most max', () => {
    expectOnlyIssue(scenarioWith((s) => (s.nodes[5].inventory = { opening: 70, max: 60 })), '/nodes/5/inventory/opening', 'must not exceed');
  });

  it('a maker needs demand or a demand expression', () => {
    const s = scenarioWith((s) => {
      delete s.nodes[5].demand;
      delete s.nodes[5].growth;
    });
    expectOnlyIssue(s, '/nodes/5', 'demandExpression');
  });

  it('a maker takes demand or a demand expression, not both', () => {
    expectOnlyIssue(scenarioWith((s) => (s.nodes[5].demandExpression = '100')), '/nodes/5/demandExpression', 'not both');
  });

  it('growth only with demand', () => {
    const s = scenarioWith((s) => {
      delete s.nodes[5].demand;
      s.nodes[5].demandExpression = '100 + t';
    });
    expectOnlyIssue(s, '/nodes/5/growth', 'goes with "demand"');
  });

  it.each(['demand', 'growth', 'demandNoise', 'demandExpression'])('%s only at makers', (field) => {
    const value = field === 'demandExpression' ? '5' : field === 'demandNoise' ? { normal: [1, 0.1] } : 0.1;
    expectOnlyIssue(scenarioWith((s) => (s.nodes[3][field] = value)), `/nodes/3/${field}`, 'only makers');
  });

  it('successProbability and leadTimeMonths only at exploration projects', () => {
    const s = scenarioWith((s) => {
      s.nodes[0].successProbability = 0.5;
      s.nodes[0].leadTimeMonths = 12;
    });
    const issues = issuesOf(s);
    expect(issues.map((i) => i.path)).toEqual(['/nodes/0/successProbability', '/nodes/0/leadTimeMonths']);
    expect(issues[0].message).toContain('exploration');
  });

  it('an exploration project needs leadTimeMonths', () => {
    expectOnlyIssue(scenarioWith((s) => delete s.nodes[2].leadTimeMonths), '/nodes/2', 'leadTimeMonths');
  });

  it('rampMonths only at exploration projects and new nodes', () => {
    expect(issuesOf(scenarioWith((s) => (s.nodes[2].rampMonths = 6)))).toEqual([]);
    expectOnlyIssue(scenarioWith((s) => (s.nodes[0].rampMonths = 6)), '/nodes/0/rampMonths', 'ramp');
  });

  it('apply to new nodes too', () => {
    const s = scenarioWith((s) =>
      s.strategies.push({
        id: 'build',
        levers: [{ newCapacity: { nodes: [{ id: 'mine-new', stage: 'extraction', country: 'CA', capacity: 10, yield: 0.5 }], commissioningMonths: 6 } }],
      }),
    );
    expectOnlyIssue(s, '/strategies/1/levers/0/newCapacity/nodes/0/yield', 'only processing');
  });
});
