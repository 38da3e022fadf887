import { describe, it, expect } from 'vitest';
import { compileDemandExpression } from '../../src/model/expression.ts';

const evaluate = (text: string, t: number): number => {
  const compiled = compileDemandExpression(text);
  if (!compiled.ok) throw new Error(`refused: ${compiled.message}`);
  return compiled.evaluate(t);
};

const refusal = (text: string): string => {
  const compiled = compileDemandExpression(text);
  expect(compiled.ok, `${text} should be refused`).toBe(false);
  return compiled.ok ? '' : compiled.message;
};

describe('compileDemandExpression', () => {
  it('evaluates the allowed grammar', () => {
    expect(evaluate('600 * 1.08 ^ (t / 12)', 0)).toBe(600);
    expect(evaluate('600 * 1.08 ^ (t / 12)', 24)).toBeCloseTo(600 * 1.08 ** 2, 9);
    expect(evaluate('max(0, 100 - t)', 30)).toBe(70);
    expect(evaluate('max(0, 100 - t)', 130)).toBe(0);
    expect(evaluate('-t + 5', 2)).toBe(3);
    expect(evaluate('2 - 3 - 4', 0)).toBe(-5);
    expect(evaluate('2 ^ 3 ^ 2', 0)).toBe(512);
    expect(evaluate('exp(0) + log(exp(2)) + sqrt(16) + abs(-3)', 0)).toBe(1 + 2 + 4 + 3);
    expect(evaluate('floor(t) + ceil(t) + round(t)', 1.5)).toBe(1 + 2 + 2);
    expect(evaluate('min(t)', 7)).toBe(7);
    expect(evaluate('min(3, t, 10)', 1)).toBe(1);
  });

  it('rounds half away from zero, as mathjs does', () => {
    expect(evaluate('round(t)', -2.5)).toBe(-3);
    expect(evaluate('round(t)', 2.5)).toBe(3);
  });

  it('accepts implicit multiplication, which mathjs parses as an ordinary multiply', () => {
    expect(evaluate('2t', 4)).toBe(8);
    expect(evaluate('(t + 1)(t - 1)', 3)).toBe(8);
  });

  it.each([
    ['import({}, {})', 'import'],
    ['createUnit("x")', 'createUnit'],
    ['evaluate("1")', 'evaluate'],
    ['parse("1")', 'parse'],
    ['a.b', 'access'],
    ['t = 3', 'assignment'],
    ['f(x) = x', 'function definition'],
    ['"str"', 'text'],
    ['[1,2]', 'list or matrix'],
    ['2 cm', '"cm"'],
    ['sin(t)', '"sin"'],
    ['pi * t', '"pi"'],
    ['t > 1 ? 1 : 2', 'condition'],
    ['t mod 2', '"mod"'],
    ['t!', '"!"'],
    ['t .* 2', '".*"'],
    ['+t', 'unary plus'],
    ['t == 1', '"=="'],
    ['1:3', 'range'],
    ['{a: 1}', 'object'],
    ['1; 2', 'several'],
    ['t[1]', 'access'],
    ['true', 'true'],
    ['a.b(1)', 'calling'],
    ['t(2)', '"t"'],
    ['log(t, 10)', 'one argument'],
    ['round(t, 2)', 'one argument'],
    ['max()', 'at least one'],
    ['(', 'cannot be read'],
    ['100 - 5%', '%'],
    ['10 mod 3', 'mod'],
  ])('refuses %s, naming %s', (text, word) => {
    expect(refusal(text)).toContain(word);
  });

  it('never lets a refused function run', () => {
    // If mathjs's import ran, it would throw or alter the instance; refusal must come before any evaluation.
    const compiled = compileDemandExpression('import({ t: 1 }, { override: true })');
    expect(compiled.ok).toBe(false);
  });
});
