/**
 * The optimiser's candidates (issue 13): a size for each decision variable turned into a strategy. The
 * template keeps every variable's levers, in variable order, whatever the sizes (a lever at size 0
 * included), so lever k of every candidate is the same lever and draws from the same stream
 * `seed:i:levers:k` (model.md section 5): candidates differ only in the sizes.
 */
import type { Lever, Optimise, OptimiseVariable, Strategy } from './schema.ts';

/** At most this many sizes a variable: a range finer than this is a continuous choice the grid cannot list. */
export const MAX_LEVELS = 1001;

/** A number without floating-point noise: min + 3 x 0.1 is 0.3, not 0.30000000000000004. */
export const clean = (x: number): number => Number(x.toPrecision(12));

/** The sizes a variable may take, ascending: its range's steps or its choices. */
export function variableLevels(variable: OptimiseVariable): number[] {
  if (variable.choices) return [...new Set(variable.choices)].sort((a, b) => a - b);
  const range = variable.range;
  if (!range) return [0];
  const count = Math.min(MAX_LEVELS, Math.floor((range.max - range.min) / range.step + 1e-9) + 1);
  return Array.from({ length: Math.max(1, count) }, (_, i) => clean(range.min + i * range.step));
}

/** The pointer's segments, RFC 6901 escapes undone: "/0/stockpile/months" -> ["0", "stockpile", "months"]. */
export function pointerSegments(pointer: string): string[] {
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The variable's levers with its size written where `sets` points (copies: the template is untouched). */
export function variableLevers(variable: OptimiseVariable, size: number): Lever[] {
  // JSON data: a JSON round trip is the deep copy (structuredClone is not in the DOM-free engine build).
  const levers = JSON.parse(JSON.stringify(variable.levers)) as Lever[];
  const path = pointerSegments(variable.sets);
  let at: Record<string, unknown> | unknown[] = levers;
  for (const key of path.slice(0, -1)) {
    const next = (at as Record<string, unknown>)[key];
    if (next === null || typeof next !== 'object') throw new Error(`${variable.id}: "sets" ${variable.sets} does not lead to a field of its levers`);
    at = next as Record<string, unknown>;
  }
  (at as Record<string, unknown>)[path[path.length - 1]] = size;
  return levers;
}

/** Capex and opex a year of one variable at one size: per unit of size, plus the fixed part when the size is not 0. */
export function variableCost(variable: OptimiseVariable, size: number): { capex: number; opexPerYear: number } {
  const c = variable.cost ?? {};
  const used = size !== 0;
  return {
    capex: (c.capexPerUnit ?? 0) * size + (used ? (c.fixedCapex ?? 0) : 0),
    opexPerYear: (c.opexPerUnitYear ?? 0) * size + (used ? (c.fixedOpexPerYear ?? 0) : 0),
  };
}

/** A short text of the sizes: "EU stockpile (months) 6, EU refinery share 0.3". */
export function sizesText(optimise: Optimise, sizes: readonly number[]): string {
  return optimise.variables.map((v, i) => `${v.name ?? v.id} ${clean(sizes[i])}`).join(', ');
}

/** The candidate strategy for one size per variable (in variable order). */
export function candidateStrategy(optimise: Optimise, sizes: readonly number[], id = optimise.id ?? 'optimised'): Strategy {
  if (sizes.length !== optimise.variables.length) throw new Error(`expected ${optimise.variables.length} sizes, got ${sizes.length}`);
  let capex = 0;
  let opexPerYear = 0;
  const levers: Lever[] = [];
  optimise.variables.forEach((variable, i) => {
    levers.push(...variableLevers(variable, sizes[i]));
    const cost = variableCost(variable, sizes[i]);
    capex += cost.capex;
    opexPerYear += cost.opexPerYear;
  });
  const refs = [...new Set([...(optimise.refs ?? []), ...optimise.variables.flatMap((v) => v.refs ?? [])])];
  return {
    id,
    name: `${optimise.name ?? 'Optimised'}: ${sizesText(optimise, sizes)}`,
    description: optimise.description ?? 'The cheapest combination of the optimise section\'s variables found to meet its target.',
    levers,
    cost: { capex: clean(capex), opexPerYear: clean(opexPerYear) },
    ...(refs.length > 0 ? { refs } : {}),
  };
}
