/**
 * The demand-expression parser (mathjs) loads only when a scenario has a demandExpression: validation of
 * any other scenario stays synchronous and never asks for it. Runs on fresh copies of the modules, since
 * the test setup has loaded the parser in the shared ones.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const read = (relative: string): string => readFileSync(new URL(relative, import.meta.url), 'utf8');
const gallium = read('../../scenarios/gallium.json');
const example = read('../fixtures/example-scenario.json');

/** expression.ts and validate.ts as a fresh process sees them: no parser loaded yet. */
async function freshModules() {
  vi.resetModules();
  const expression = await import('../../src/model/expression.ts');
  const validate = await import('../../src/model/validate.ts');
  return { expression, validate };
}

describe('loading the expression parser on demand', () => {
  it('validates a scenario without expressions, sync or async, without loading the parser', async () => {
    const { expression, validate } = await freshModules();
    expect(expression.expressionParserLoaded()).toBe(false);
    expect(validate.parseScenarioText(gallium).ok).toBe(true);
    expect((await validate.parseScenarioTextAsync(gallium)).ok).toBe(true);
    expect(expression.expressionParserLoaded()).toBe(false);
  });

  it('refuses to check an expression before the parser is loaded, and the async path loads it', async () => {
    const { expression, validate } = await freshModules();
    expect(() => validate.parseScenarioText(example)).toThrow(/await loadExpressionParser\(\)/);
    const checked = await validate.parseScenarioTextAsync(example);
    expect(checked.ok, checked.ok ? '' : validate.formatIssues(checked.issues)).toBe(true);
    expect(expression.expressionParserLoaded()).toBe(true);
    expect(validate.parseScenarioText(example).ok).toBe(true);
    const bad = example.replace('"600 * 1.08 ^ (t / 12)"', '"600 * sin(t)"');
    const refused = validate.parseScenarioText(bad);
    expect(refused.ok ? [] : refused.issues.map((i) => i.path)).toEqual(['/nodes/6/demandExpression']);
  });

  it('shares one load between callers', async () => {
    const { expression } = await freshModules();
    const [a, b] = [expression.loadExpressionParser(), expression.loadExpressionParser()];
    expect(a).toBe(b);
    await a;
    expect(expression.compileDemandExpression('2 * t').ok).toBe(true);
  });
});

describe('hasDemandExpression', () => {
  it('finds the key at any depth, including new nodes inside a strategy, and only as a key', async () => {
    const { hasDemandExpression } = await import('../../src/model/expression.ts');
    expect(hasDemandExpression(JSON.parse(example))).toBe(true);
    expect(hasDemandExpression(JSON.parse(gallium))).toBe(false);
    const inLever = { nodes: [], strategies: [{ levers: [{ newCapacity: { nodes: [{ id: 'x', demandExpression: '5' }] } }] }] };
    expect(hasDemandExpression(inLever)).toBe(true);
    expect(hasDemandExpression({ notes: 'demandExpression', tags: ['demandExpression'] })).toBe(false);
    expect(hasDemandExpression(null)).toBe(false);
  });
});
