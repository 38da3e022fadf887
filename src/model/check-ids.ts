/** Semantic check: ids unique in their lists, new node ids unique across the scenario, "baseline" reserved. */
import type { ScenarioIndex } from './scenario-index.ts';
import type { ValidationIssue } from './validate.ts';

/** Reports duplicate ids in every list, new node ids that clash anywhere, and the reserved strategy id. */
export function checkIds(index: ScenarioIndex): ValidationIssue[] {
  const { scenario } = index;
  const issues: ValidationIssue[] = [];
  const lists: [string, { id: string }[] | undefined][] = [
    ['nodes', scenario.nodes],
    ['routes', scenario.routes],
    ['disruptions', scenario.disruptions],
    ['strategies', scenario.strategies],
    ['references', scenario.references],
  ];
  for (const [name, list] of lists) {
    const first = new Map<string, number>();
    (list ?? []).forEach((item, i) => {
      const earlier = first.get(item.id);
      if (earlier === undefined) first.set(item.id, i);
      else issues.push({ path: `/${name}/${i}/id`, message: `id "${item.id}" is already used by /${name}/${earlier}; ids must be unique in ${name}` });
    });
  }

  // New nodes join the same graph as the scenario's nodes (disruptions may target them), so
  // their ids must be unique across the scenario and every strategy, not just within one.
  const seen = new Map<string, string>();
  for (const entry of index.allNodes) {
    const earlier = seen.get(entry.node.id);
    if (earlier === undefined) seen.set(entry.node.id, entry.path);
    else if (entry.strategy !== null) {
      issues.push({
        path: `${entry.path}/id`,
        message: `id "${entry.node.id}" is already used by the node at ${earlier}; a new node needs an id unique across the whole scenario`,
      });
    }
  }

  (scenario.strategies ?? []).forEach((strategy, s) => {
    if (strategy.id === 'baseline') {
      issues.push({ path: `/strategies/${s}/id`, message: 'the id "baseline" is reserved for the strategy without levers, which every run includes; choose another id' });
    }
  });
  return issues;
}
