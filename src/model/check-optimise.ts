/**
 * Semantic check of the optimise section (issue 13): the target names something the run measures, each
 * variable's sizes and pointer make sense, and the candidate strategies its sizes make are valid
 * strategies of the scenario (checked by validating the scenario with the candidate added, every issue
 * mapped back to the variable's own path).
 */
import { at, knownNames, num } from './issue-text.ts';
import { candidateStrategy, MAX_LEVELS, pointerSegments, variableLevels } from './optimise-candidate.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import type { Optimise, OptimiseVariable, Scenario } from './schema.ts';
import type { ValidationIssue, ValidationResult } from './validate.ts';

const BASE = '/optimise';

/** Reports every problem of the optimise section; `validate` validates a scenario (passed in to avoid an import cycle). */
export function checkOptimise(index: ScenarioIndex, validate: (input: unknown) => ValidationResult): ValidationIssue[] {
  const optimise = index.scenario.optimise;
  if (!optimise) return [];
  const issues = [...checkTarget(index, optimise), ...checkVariables(index, optimise)];
  // Candidates are only worth building from variables whose sizes and pointers are sound.
  if (issues.length === 0) issues.push(...checkCandidates(index.scenario, optimise, validate));
  return issues;
}

function checkTarget(index: ScenarioIndex, optimise: Optimise): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const target = optimise.target;
  const path = `${BASE}/target`;
  if (target.statistic === 'probAbove') {
    if (target.above === undefined) issues.push({ path, message: 'the statistic "probAbove" needs "above": the x of P(shortfall > x)' });
    if (target.atMost > 1) issues.push({ path: `${path}/atMost`, message: `a probability's bound must be 0 to 1, got ${num(target.atMost)}` });
  } else if (target.above !== undefined) {
    issues.push({ path: `${path}/above`, message: `"above" is only for the statistic "probAbove"; "${target.statistic}" takes none` });
  }
  if ((target.measure ?? 'shortfallPct') === 'shortfallPct') {
    if (target.statistic !== 'probAbove' && target.atMost > 100) {
      issues.push({ path: `${path}/atMost`, message: `a shortfall in % of demand is 0 to 100, so a bound of ${num(target.atMost)} is always met` });
    }
  }
  if (target.of !== undefined && target.of !== 'chain') {
    const country = target.of.country;
    const countries = makerCountries(index, optimise);
    if (!countries.includes(country)) {
      issues.push({ path: `${path}/of/country`, message: `no maker is in "${country}"${knownNames("makers' countries", countries)}` });
    }
  }
  (optimise.refs ?? []).forEach((id, j) => issues.push(...refIssue(index, id, `${BASE}/refs/${j}`)));
  return issues;
}

/** Countries of the scenario's makers and of the new makers the variables' levers add. */
function makerCountries(index: ScenarioIndex, optimise: Optimise): string[] {
  const nodes = [
    ...index.scenario.nodes,
    ...optimise.variables.flatMap((v) => v.levers.flatMap((l) => ('newCapacity' in l ? l.newCapacity.nodes : []))),
  ];
  return [...new Set(nodes.filter((n) => n.stage === 'manufacturing').map((n) => n.country))].sort();
}

function refIssue(index: ScenarioIndex, id: string, path: string): ValidationIssue[] {
  return index.references.includes(id) ? [] : [{ path, message: `no reference "${id}" exists${knownNames('references', index.references)}` }];
}

function checkVariables(index: ScenarioIndex, optimise: Optimise): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const first = new Map<string, number>();
  optimise.variables.forEach((variable, v) => {
    const path = `${BASE}/variables/${v}`;
    const earlier = first.get(variable.id);
    if (earlier === undefined) first.set(variable.id, v);
    else issues.push({ path: `${path}/id`, message: `id "${variable.id}" is already used by ${BASE}/variables/${earlier}; variable ids must be unique` });
    issues.push(...checkSizes(variable, path), ...checkPointer(variable, path));
    (variable.refs ?? []).forEach((id, j) => issues.push(...refIssue(index, id, `${path}/refs/${j}`)));
  });
  return issues;
}

function checkSizes(variable: OptimiseVariable, path: string): ValidationIssue[] {
  const { range, choices } = variable;
  if ((range === undefined) === (choices === undefined)) {
    return [{ path, message: 'give its sizes as either "range" ({ min, max, step }) or "choices" (a list of numbers), one of the two' }];
  }
  if (choices) {
    const seen = new Set<number>();
    return choices.flatMap((c, j) => {
      const repeated = seen.has(c);
      seen.add(c);
      return repeated ? [{ path: `${path}/choices/${j}`, message: `${num(c)} is listed twice` }] : [];
    });
  }
  const r = range!;
  if (r.min > r.max) return [{ path: `${path}/range`, message: `min (${num(r.min)}) must not be above max (${num(r.max)})` }];
  const steps = (r.max - r.min) / r.step;
  if (Math.abs(steps - Math.round(steps)) > 1e-9 * Math.max(1, steps)) {
    return [{ path: `${path}/range/step`, message: `the range ${num(r.min)} to ${num(r.max)} is not a whole number of steps of ${num(r.step)} (${num(steps)} steps)` }];
  }
  if (Math.round(steps) + 1 > MAX_LEVELS) {
    return [{ path: `${path}/range/step`, message: `the range has ${num(Math.round(steps) + 1)} sizes; at most ${MAX_LEVELS} are allowed, so take a larger step` }];
  }
  return [];
}

/** The pointer must start at one of the variable's levers and lead through objects to a number or an absent field. */
function checkPointer(variable: OptimiseVariable, path: string): ValidationIssue[] {
  const segments = pointerSegments(variable.sets);
  const lever = Number(segments[0]);
  const problem = (message: string) => [{ path: `${path}/sets`, message }];
  if (!(lever < variable.levers.length)) {
    return problem(`"${variable.sets}" starts at lever ${segments[0]}, but the variable has ${variable.levers.length} ${variable.levers.length === 1 ? 'lever (index 0)' : `levers (0 to ${variable.levers.length - 1})`}`);
  }
  let value: unknown = variable.levers;
  for (let i = 0; i < segments.length; i++) {
    if (value === null || typeof value !== 'object') return problem(`"${variable.sets}" goes through "${segments[i - 1]}", which is not an object`);
    const next = (value as Record<string, unknown>)[segments[i]];
    if (next === undefined && i < segments.length - 1) return problem(`"${variable.sets}" goes through "${segments[i]}", which the lever does not have`);
    value = next;
  }
  if (value !== undefined && typeof value !== 'number') return problem(`"${variable.sets}" points to ${JSON.stringify(value)}; the size must set a number`);
  return [];
}

/**
 * Validates the scenario with a candidate added: first all variables at their smallest size, then each
 * variable at its largest size (and at each of its choices). A problem at the set field is reported at the
 * size that caused it; any other at the template's own path.
 */
function checkCandidates(scenario: Scenario, optimise: Optimise, validate: (input: unknown) => ValidationResult): ValidationIssue[] {
  const levels = optimise.variables.map(variableLevels);
  const lowest = levels.map((l) => l[0]);
  const trials: { sizes: number[]; variable: number; level: number }[] = [{ sizes: lowest, variable: -1, level: -1 }];
  levels.forEach((l, v) => {
    const tested = optimise.variables[v].choices ? l.slice(1) : l.length > 1 ? [l[l.length - 1]] : [];
    for (const size of tested) trials.push({ sizes: lowest.map((s, w) => (w === v ? size : s)), variable: v, level: size });
  });
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  // The candidate alone beside the scenario's nodes: its new nodes may share ids with another strategy's
  // (an optimised strategy added earlier, or the strategy whose nodes it reuses), since candidates are
  // never run beside those, and a strategy added to the scenario gets fresh ids (add-strategy.ts).
  const { optimise: _omit, strategies: _others, ...rest } = scenario;
  const s = 0;
  trials.forEach((trial, t) => {
    const candidate = candidateStrategy(optimise, trial.sizes, 'optimise-candidate');
    const result = validate({ ...rest, strategies: [candidate] });
    if (result.ok) return;
    for (const issue of result.issues) {
      // Problems elsewhere in the scenario are the scenario's own, reported by its own checks.
      if (!isUnder(issue.path, `/strategies/${s}`)) continue;
      const mapped = mapIssue(optimise, issue, s, trial.sizes, t > 0);
      // The same problem of the template shows in every candidate: once is enough.
      const key = `${mapped.path}\u0000${issue.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push(mapped);
    }
  });
  return issues;
}

/** From a path in the candidate strategy (strategy index s) to the variable that made it. */
function mapIssue(optimise: Optimise, issue: ValidationIssue, s: number, sizes: number[], sayWhen: boolean): ValidationIssue {
  const prefix = `/strategies/${s}/levers/`;
  if (!issue.path.startsWith(prefix)) return { path: BASE, message: `a candidate strategy (${describe(optimise, sizes)}): ${issue.message}` };
  const [k, ...tail] = issue.path.slice(prefix.length).split('/');
  let lever = Number(k);
  let v = 0;
  while (v < optimise.variables.length && lever >= optimise.variables[v].levers.length) lever -= optimise.variables[v++].levers.length;
  const variable = optimise.variables[v];
  const inner = `/${lever}${tail.length > 0 ? `/${tail.join('/')}` : ''}`;
  const path = at(`${BASE}/variables/${v}`) + `/levers${inner}`;
  if (inner === variable.sets) {
    return { path: `${BASE}/variables/${v}/${variable.choices ? 'choices' : 'range'}`, message: `size ${num(sizes[v])} (set at ${variable.sets}): ${issue.message}` };
  }
  return { path, message: sayWhen ? `${issue.message} (with ${describe(optimise, sizes)})` : issue.message };
}

const isUnder = (path: string, base: string): boolean => path === base || path.startsWith(`${base}/`);

const describe = (optimise: Optimise, sizes: number[]): string => optimise.variables.map((v, i) => `${v.id} = ${num(sizes[i])}`).join(', ');
