/**
 * Adds a strategy the optimiser found to a scenario, keeping ids unique: a strategy id already used gets
 * a number ("eu-optimised-2"), and so does a new node whose id the scenario or another strategy already
 * uses (a second optimisation adds the same template nodes), with every reference to it in the
 * strategy's levers renamed too.
 */
import type { Lever, Scenario, Strategy } from '../model/schema.ts';

/** `id`, or id-2, id-3, ... : the first not in `used`. */
export function freeId(id: string, used: ReadonlySet<string>): string {
  if (!used.has(id)) return id;
  let k = 2;
  while (used.has(`${id}-${k}`)) k++;
  return `${id}-${k}`;
}

/** Every node id of the scenario and of its strategies' new nodes. */
function nodeIds(scenario: Scenario): Set<string> {
  const ids = new Set(scenario.nodes.map((n) => n.id));
  for (const s of scenario.strategies ?? []) for (const l of s.levers) if ('newCapacity' in l) for (const n of l.newCapacity.nodes) ids.add(n.id);
  return ids;
}

/** The strategy with ids that do not clash with the scenario's (a copy; the strategy is untouched). */
export function uniqueStrategy(scenario: Scenario, strategy: Strategy): Strategy {
  const used = nodeIds(scenario);
  const renamed = new Map<string, string>();
  for (const lever of strategy.levers) {
    if (!('newCapacity' in lever)) continue;
    for (const node of lever.newCapacity.nodes) {
      const id = freeId(node.id, used);
      used.add(id);
      if (id !== node.id) renamed.set(node.id, id);
    }
  }
  const strategyIds = new Set(['baseline', ...(scenario.strategies ?? []).map((s) => s.id)]);
  return {
    ...strategy,
    id: freeId(strategy.id, strategyIds),
    // JSON data: a JSON round trip is the deep copy (no structuredClone in the DOM-free build).
    levers: strategy.levers.map((l) => renameIds(JSON.parse(JSON.stringify(l)), renamed) as Lever),
  };
}

/** The scenario with the strategy added at the end of its strategies, ids made unique. */
export function scenarioWithStrategy(scenario: Scenario, strategy: Strategy): { scenario: Scenario; strategy: Strategy } {
  const added = uniqueStrategy(scenario, strategy);
  return { scenario: { ...scenario, strategies: [...(scenario.strategies ?? []), added] }, strategy: added };
}

/** Renames ids in every string value of a lever (names and descriptions excepted: they are prose). */
function renameIds(value: unknown, renamed: ReadonlyMap<string, string>): unknown {
  if (renamed.size === 0) return value;
  if (Array.isArray(value)) return value.map((v) => renameIds(v, renamed));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'name' || k === 'description' ? v : renameIds(v, renamed);
    return out;
  }
  return typeof value === 'string' ? (renamed.get(value) ?? value) : value;
}
