/** Small hand-checkable scenarios for engine tests. */
import type { Disruption, Scenario, ScenarioNode } from '../../src/model/schema.ts';

export interface ChainOptions {
  /** demand per period (periodsPerYear 12 unless given) */
  demandPerPeriod?: number;
  capacityPerPeriod?: number;
  horizonMonths?: number;
  periodsPerYear?: 12 | 52;
  transitMonths?: number;
  growth?: number;
  disruptions?: Disruption[];
}

/** mine -> refinery -> maker, one of each, capacity = demand unless told. */
export function singleChain(o: ChainOptions = {}): Scenario {
  const ppy = o.periodsPerYear ?? 12;
  const D = o.demandPerPeriod ?? 100;
  const C = o.capacityPerPeriod ?? D;
  const k = o.transitMonths ?? 0;
  const nodes: ScenarioNode[] = [
    { id: 'mine', stage: 'extraction', country: 'AU', capacity: C * ppy },
    { id: 'ref', stage: 'processing', country: 'AU', capacity: C * ppy, sources: [{ from: 'mine', share: 1, transitMonths: k }] },
    {
      id: 'maker', stage: 'manufacturing', country: 'GB', capacity: C * ppy, demand: D * ppy,
      ...(o.growth ? { growth: o.growth } : {}),
      sources: [{ from: 'ref', share: 1, transitMonths: k }],
    },
  ];
  return {
    id: 'single-chain', name: 'Single chain', unit: 't', periodsPerYear: ppy,
    horizonMonths: o.horizonMonths ?? 60, nodes, routes: [{ id: 'sea' }], disruptions: o.disruptions ?? [],
  };
}

/** An outage of the mine at severity 1. */
export const mineOutage = (extra: Partial<Disruption>): Disruption => ({
  id: 'outage', target: { node: 'mine' }, duration: 1, severity: 1, ...extra,
} as Disruption);
