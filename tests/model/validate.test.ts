import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { formatIssues, parseScenarioText, validateScenario } from '../../src/model/validate.ts';
import { expectIssue, issuesOf, scenarioWith, smallScenario } from './builders.ts';

const fixture = readFileSync(new URL('../fixtures/example-scenario.json', import.meta.url), 'utf8');

describe('validateScenario', () => {
  it('accepts the example scenario', () => {
    const result = parseScenarioText(fixture);
    expect(result.ok ? [] : formatIssues(result.issues)).toEqual([]);
  });

  it('accepts the small test scenario and returns it', () => {
    const input = smallScenario();
    const result = validateScenario(input);
    expect(result).toEqual({ ok: true, scenario: input });
  });

  it('reports several structural errors at once', () => {
    const s = scenarioWith((s) => {
      s.nodes[0].capacity = '12kt';
      s.nodes[1].country = 'chile';
      delete s.unit;
      s.disruptions[0].severity = { uniform: [1] };
      s.strategies[0].levers[0] = { stockpile: { nodes: ['maker-a'], size: 3 } };
    });
    const issues = issuesOf(s);
    expectIssue(issues, '/nodes/0/capacity', 'number');
    expectIssue(issues, '/nodes/1/country', 'country code');
    expectIssue(issues, '', '"unit"');
    expectIssue(issues, '/disruptions/0/severity/uniform', '2 numbers');
    expectIssue(issues, '/strategies/0/levers/0/stockpile/size', 'unknown field');
    expect(issues).toHaveLength(5);
  });

  it('reports several semantic errors of different kinds at once', () => {
    const s = scenarioWith((s) => {
      s.nodes[1].id = 'mine-a';
      s.nodes[5].sources[1].share = 0.5;
      s.nodes[0].yield = 0.5;
      s.disruptions[0].ratePerYear = 1;
      s.disruptions[0].duration = { uniform: [2, 1] };
      s.strategies[0].levers.push({ recycling: { nodes: ['maker-a'], rate: 0.1 } });
      s.stageShares = { extraction: { shares: { AU: 0.5 }, reference: 'nope' } };
    });
    const issues = issuesOf(s);
    expectIssue(issues, '/nodes/1/id', 'already used');
    // mine-b is gone now that it is called mine-a, so ref-a's link to it is unknown too.
    expectIssue(issues, '/nodes/3/sources/1/from', 'no node "mine-b"');
    expectIssue(issues, '/nodes/5/sources', 'sum to 1');
    expectIssue(issues, '/nodes/0/yield', 'only processing');
    expectIssue(issues, '/disruptions/0', 'exactly one');
    expectIssue(issues, '/disruptions/0/duration/uniform', 'a <= b');
    expectIssue(issues, '/strategies/0/levers/1/recycling/nodes/0', 'processing');
    expectIssue(issues, '/stageShares/extraction/shares', 'sum to 1');
    expectIssue(issues, '/stageShares/extraction/reference', 'no reference');
    expect(issues).toHaveLength(9);
  });
});

describe('formatIssues', () => {
  it('writes one "path: message" line per issue, the root as /', () => {
    expect(formatIssues([{ path: '', message: 'a' }, { path: '/nodes/3/capacity', message: 'b' }])).toBe('/: a\n/nodes/3/capacity: b');
  });
});

describe('parseScenarioText', () => {
  const syntax = (text: string) => {
    const result = parseScenarioText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return '';
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0].path).toBe('/');
    return result.issues[0].message;
  };

  it('reports a JSON syntax error with its line and column, without throwing', () => {
    expect(syntax('{\n  "id": "x",\n  "name": }')).toContain('line 3, column 11');
    expect(syntax('{\n  "id": "x",\n}')).toContain('line 3, column 1');
    expect(syntax('{"id": "x"')).toContain('line 1, column 11');
    expect(syntax('{"id": \'x\'}')).toContain('line 1, column 8');
    expect(syntax('[1, 2,]')).toContain('comma');
    expect(syntax('{} {}')).toContain('end of the text');
    expect(syntax('')).toContain('empty');
  });

  it('validates what it parsed', () => {
    const result = parseScenarioText(JSON.stringify(scenarioWith((s) => (s.nodes[0].capacity = -1))));
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(['/nodes/0/capacity']);
  });

  it('accepts a leading byte-order mark', () => {
    expect(parseScenarioText(`\uFEFF${JSON.stringify(smallScenario())}`).ok).toBe(true);
  });
});
