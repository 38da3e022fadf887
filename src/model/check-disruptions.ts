/** Semantic check: disruptions' occurrence rules, correlation chains, targets and effect fields (model.md section 3). */
import { stageLabel, type ScenarioIndex } from './scenario-index.ts';
import { knownNames, names } from './issue-text.ts';
import type { Disruption } from './schema.ts';
import type { ValidationIssue } from './validate.ts';

const OCCURRENCE_RULES = ['start', 'ratePerYear', 'probabilityPerYear', 'correlatedWith'] as const;
/** More expected new starts of one disruption in one period than any real hazard needs (model.md section 3 faults). */
export const MAX_EVENTS_PER_PERIOD = 100;

/** Reports occurrence rules, unknown or cyclic correlations, unknown targets and misplaced severity/change/added transit. */
export function checkDisruptions(index: ScenarioIndex): ValidationIssue[] {
  const disruptions = index.scenario.disruptions ?? [];
  return [...disruptions.flatMap((d, i) => checkOne(index, d, `/disruptions/${i}`)), ...checkCycles(index)];
}

function checkOne(index: ScenarioIndex, d: Disruption, path: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const given = OCCURRENCE_RULES.filter((rule) => d[rule] !== undefined);
  if (given.length === 0) {
    issues.push({ path, message: `needs one occurrence rule: ${names(OCCURRENCE_RULES)}; none was given` });
  } else if (given.length > 1) {
    issues.push({ path, message: `needs exactly one occurrence rule, but ${names(given, 'and')} were given` });
  }

  // A Poisson draw takes one uniform by inverse CDF from exp(-rate); far above 100 a period that underflows.
  const periodsPerYear = index.scenario.periodsPerYear ?? 12;
  if (d.ratePerYear !== undefined && d.ratePerYear / periodsPerYear > MAX_EVENTS_PER_PERIOD) {
    issues.push({
      path: `${path}/ratePerYear`,
      message: `gives ${+(d.ratePerYear / periodsPerYear).toPrecision(4)} expected events per period; at most ${MAX_EVENTS_PER_PERIOD} per period are allowed (${MAX_EVENTS_PER_PERIOD * periodsPerYear} a year at ${periodsPerYear} periods a year)`,
    });
  }

  if (d.correlatedWith) {
    const parent = d.correlatedWith.id;
    if (parent === d.id) {
      issues.push({ path: `${path}/correlatedWith/id`, message: 'a disruption cannot be correlated with itself' });
    } else if (!index.disruptions.has(parent)) {
      issues.push({ path: `${path}/correlatedWith/id`, message: `no disruption "${parent}" exists` });
    }
  }

  const target = d.target;
  const targetPath = `${path}/target`;
  const isDemand = 'demand' in target;
  if ('node' in target && !index.anyNode(target.node)) {
    issues.push({ path: `${targetPath}/node`, message: `no node "${target.node}" exists` });
  }
  if ('nodes' in target && target.nodes) {
    const seen = new Set<string>();
    target.nodes.forEach((id, j) => {
      const entry = index.anyNode(id);
      if (!entry) issues.push({ path: `${targetPath}/nodes/${j}`, message: `no node "${id}" exists` });
      else if (isDemand && entry.node.stage !== 'manufacturing') {
        issues.push({ path: `${targetPath}/nodes/${j}`, message: `"${id}" is ${stageLabel(entry.node.stage)}; a demand disruption names makers only` });
      }
      if (seen.has(id)) issues.push({ path: `${targetPath}/nodes/${j}`, message: `"${id}" is listed twice` });
      seen.add(id);
    });
  }
  if ('route' in target && !index.routes.includes(target.route)) {
    issues.push({ path: `${targetPath}/route`, message: `no route "${target.route}" exists${knownNames('routes', index.routes)}` });
  }

  if (isDemand) {
    if (d.change === undefined) issues.push({ path, message: 'a demand disruption needs "change" (0.2 for 20% more demand, -0.1 for 10% less)' });
    if (d.severity !== undefined) issues.push({ path: `${path}/severity`, message: 'a demand disruption takes "change", not "severity"' });
  } else {
    if (d.severity === undefined) issues.push({ path, message: 'needs "severity", the fraction of capacity lost (0 to 1)' });
    if (d.change !== undefined) issues.push({ path: `${path}/change`, message: '"change" is only for demand disruptions ({ "demand": true }); use "severity"' });
  }
  if (d.addedTransitMonths !== undefined && !('route' in target)) {
    issues.push({ path: `${path}/addedTransitMonths`, message: 'only a route disruption ({ "route": id }) adds transit time' });
  }
  return issues;
}

/** Each disruption has at most one parent, so following parents from every disruption finds every cycle. */
function checkCycles(index: ScenarioIndex): ValidationIssue[] {
  const disruptions = index.scenario.disruptions ?? [];
  const parentOf = new Map<string, string>();
  for (const d of disruptions) {
    const parent = d.correlatedWith?.id;
    if (parent !== undefined && parent !== d.id && index.disruptions.has(parent) && !parentOf.has(d.id)) parentOf.set(d.id, parent);
  }
  const issues: ValidationIssue[] = [];
  const reported = new Set<string>();
  for (const start of parentOf.keys()) {
    const walk: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && !walk.includes(current)) {
      walk.push(current);
      current = parentOf.get(current);
    }
    if (current === undefined) continue;
    const cycle = walk.slice(walk.indexOf(current));
    const key = [...cycle].sort().join(' ');
    if (reported.has(key)) continue;
    reported.add(key);
    // Reported once, at the cycle's member that comes first in the file.
    const first = cycle.reduce((a, b) => ((index.disruptions.get(a) ?? 0) <= (index.disruptions.get(b) ?? 0) ? a : b));
    const rotated = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first)), first];
    issues.push({
      path: `/disruptions/${index.disruptions.get(first)}/correlatedWith/id`,
      message: `correlatedWith forms a cycle (${rotated.join(' -> ')}); each start would trigger the next forever, so chains must end`,
    });
  }
  return issues;
}
