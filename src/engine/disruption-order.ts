/** The order in which disruptions draw each period: file order, with each correlated child after its parent. */
import type { Disruption } from '../model/schema.ts';

/**
 * A stable topological order: repeatedly take the first disruption in file order whose parent (if any)
 * is already placed. Validation rejects cycles; a cycle here would be left in file order.
 */
export function disruptionOrder(list: Disruption[]): number[] {
  const placed = new Set<string>();
  const order: number[] = [];
  const remaining = list.map((_, i) => i);
  while (remaining.length > 0) {
    const k = remaining.findIndex((i) => {
      const parent = list[i].correlatedWith?.id;
      return parent === undefined || placed.has(parent) || !list.some((d) => d.id === parent);
    });
    const pick = k < 0 ? 0 : k;
    const i = remaining.splice(pick, 1)[0];
    placed.add(list[i].id);
    order.push(i);
  }
  return order;
}
