/**
 * Semantic check: every field that may be a distribution (model.md section 1) has possible
 * parameters, and a plain or fixed value lies in the range its role allows.
 */
import type { ScenarioIndex } from './scenario-index.ts';
import { num, show } from './issue-text.ts';
import type { Distribution } from './schema.ts';
import type { ValidationIssue } from './validate.ts';

/** How a field uses its value: what range a plain or fixed number must lie in. */
export type Role = 'months' | 'fraction' | 'change' | 'multiplier';

const ROLE_RULES: Record<Role, { ok: (x: number) => boolean; expected: string }> = {
  months: { ok: (x) => x >= 0, expected: 'must be >= 0 months' },
  fraction: { ok: (x) => x >= 0 && x <= 1, expected: 'must lie between 0 and 1' },
  change: { ok: (x) => x > -1, expected: 'must be greater than -1 (a fall of 100%)' },
  // Noise multiplies demand; a negative multiplier would be clipped to 0, which is surely a mistake.
  multiplier: { ok: (x) => x >= 0, expected: 'must be >= 0 (it multiplies demand)' },
};

/** Reports impossible distribution parameters and plain or fixed values out of their role's range. */
export function checkDistributions(index: ScenarioIndex): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const check = (d: Distribution | undefined, path: string, role: Role) => {
    if (d !== undefined) issues.push(...checkDistribution(d, path, role));
  };
  for (const { node, path } of index.allNodes) {
    check(node.leadTimeMonths, `${path}/leadTimeMonths`, 'months');
    check(node.demandNoise, `${path}/demandNoise`, 'multiplier');
  }
  (index.scenario.disruptions ?? []).forEach((d, i) => {
    const path = `/disruptions/${i}`;
    check(d.start, `${path}/start`, 'months');
    check(d.duration, `${path}/duration`, 'months');
    check(d.severity, `${path}/severity`, 'fraction');
    check(d.change, `${path}/change`, 'change');
    check(d.addedTransitMonths, `${path}/addedTransitMonths`, 'months');
  });
  (index.scenario.strategies ?? []).forEach((strategy, s) => {
    strategy.levers.forEach((lever, k) => {
      const path = `/strategies/${s}/levers/${k}`;
      if ('newCapacity' in lever) check(lever.newCapacity.commissioningMonths, `${path}/newCapacity/commissioningMonths`, 'months');
      if ('recycling' in lever) check(lever.recycling.rate, `${path}/recycling/rate`, 'fraction');
    });
  });
  return issues;
}

/** Checks one distribution at any path; exported for fields other parts of the project may add. */
export function checkDistribution(d: Distribution, path: string, role: Role): ValidationIssue[] {
  const value = (x: number, at: string): ValidationIssue[] =>
    ROLE_RULES[role].ok(x) ? [] : [{ path: at, message: `${ROLE_RULES[role].expected}, got ${num(x)}` }];
  const bad = (at: string, rule: string, got: unknown): ValidationIssue[] => [{ path: at, message: `${rule}, got ${show(got)}` }];

  if (typeof d === 'number') return value(d, path);
  if ('fixed' in d) return value(d.fixed, `${path}/fixed`);
  if ('uniform' in d) {
    const [a, b] = d.uniform;
    return a <= b ? [] : bad(`${path}/uniform`, 'a uniform [a, b] needs a <= b', d.uniform);
  }
  if ('triangular' in d || 'pert' in d) {
    const [kind, params]: [string, [number, number, number]] = 'triangular' in d ? ['triangular', d.triangular] : ['pert', d.pert];
    const [min, mode, max] = params;
    return min <= mode && mode <= max ? [] : bad(`${path}/${kind}`, `a ${kind} [min, mode, max] needs min <= mode <= max`, params);
  }
  if ('normal' in d) return d.normal[1] >= 0 ? [] : bad(`${path}/normal/1`, 'a normal [mean, sd] needs sd >= 0', d.normal[1]);
  if ('lognormal' in d) {
    const { p5, p95 } = d.lognormal;
    return p5 > 0 && p5 < p95 ? [] : bad(`${path}/lognormal`, 'a lognormal { p5, p95 } needs 0 < p5 < p95', d.lognormal);
  }
  if ('exponential' in d) return d.exponential > 0 ? [] : bad(`${path}/exponential`, 'an exponential mean must be > 0', d.exponential);
  if ('bernoulli' in d) {
    return d.bernoulli >= 0 && d.bernoulli <= 1 ? [] : bad(`${path}/bernoulli`, 'a bernoulli probability must lie between 0 and 1', d.bernoulli);
  }
  const weights = d.discrete.map(([, w]) => w);
  const negative = weights.findIndex((w) => w < 0);
  if (negative >= 0) return bad(`${path}/discrete/${negative}/1`, 'a discrete weight must be >= 0', weights[negative]);
  return weights.some((w) => w > 0) ? [] : bad(`${path}/discrete`, 'a discrete distribution needs at least one weight > 0', d.discrete);
}
