/** The editor offers, as the number a decision variable's size sets, exactly the pointers the validator accepts. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settableNumbers } from '../../src/app/settable-numbers.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { validateScenario } from '../../src/model/validate.ts';

const gallium = JSON.parse(readFileSync(new URL('../../scenarios/gallium.json', import.meta.url), 'utf8')) as Scenario;
const variables = gallium.optimise!.variables;

describe('the numbers a size may set', () => {
  it("offers each gallium variable's own pointer, and every pointer offered passes the validator's check of `sets`", () => {
    variables.forEach((variable, v) => {
      const offered = settableNumbers(variable.levers).map((c) => c.value);
      expect(offered).toContain(variable.sets);
      for (const sets of offered) {
        const scenario = structuredClone(gallium);
        scenario.optimise!.variables[v].sets = sets;
        const result = validateScenario(scenario);
        const atSets = result.ok ? [] : result.issues.filter((i) => i.path === `/optimise/variables/${v}/sets`);
        expect({ sets, atSets }).toEqual({ sets, atSets: [] });
      }
    });
  });

  it('offers the fields of new nodes and their sources, by node id, but not a field that holds a distribution or a list of ids', () => {
    const choices = settableNumbers(variables[1].levers);
    const values = choices.map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(['/0/newCapacity/nodes/0/capacity', '/0/newCapacity/nodes/1/sources/2/share', '/1/diversify/fraction', '/1/diversify/qualificationMonths']));
    expect(choices.find((c) => c.value === '/0/newCapacity/nodes/1/capacity')?.label).toBe('Lever 1 (New capacity): ga-refinery-eu-opt › capacity');
    // commissioningMonths holds a PERT here: a size would replace the distribution whole
    expect(variables[1].levers[0]).toMatchObject({ newCapacity: { commissioningMonths: { pert: [24, 36, 60] } } });
    expect(values).not.toContain('/0/newCapacity/commissioningMonths');
    expect(values.filter((p) => /\/(to|nodes|node|fromCountry|stage|id|country)$/.test(p))).toEqual([]);
    // with a number there, it is offered
    const plain = structuredClone(variables[1].levers);
    (plain[0] as { newCapacity: { commissioningMonths: unknown } }).newCapacity.commissioningMonths = 36;
    expect(settableNumbers(plain).map((c) => c.value)).toContain('/0/newCapacity/commissioningMonths');
  });

  it('offers a number the template leaves out, as the validator allows (a stockpile sized by the variable)', () => {
    expect(variables[0].levers[0]).not.toHaveProperty('stockpile.months');
    expect(settableNumbers(variables[0].levers).map((c) => c.value)).toEqual([
      '/0/stockpile/units',
      '/0/stockpile/months',
      '/0/stockpile/refillPerMonth',
      '/0/stockpile/holdingCostPerUnitYear',
    ]);
    expect(settableNumbers([{ unknownKind: {} }, 'not a lever'])).toEqual([]);
  });
});
