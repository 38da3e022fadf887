/** Small hand-checkable optimisation problems: chains whose only source fails for a scripted 6 months. */
import type { Optimise, OptimiseTarget, Scenario, ScenarioNode } from '../../src/model/schema.ts';
import { createWorkerApi } from '../../workers/worker-api.ts';
import type { PoolWorker } from '../../src/engine/run-pool.ts';

export const OUTAGE_START = 3;
export const OUTAGE_MONTHS = 6;
export const HORIZON = 24;

/** One chain per maker (mine -> refinery -> maker, capacity = demand), every mine out at severity 1 for 6 months. */
export function outageScenario(makers: { id: string; country: string; demandPerMonth: number }[], optimise?: Optimise): Scenario {
  const nodes: ScenarioNode[] = makers.flatMap((m) => [
    { id: `mine-${m.id}`, stage: 'extraction', country: 'AU', capacity: 12 * m.demandPerMonth },
    { id: `ref-${m.id}`, stage: 'processing', country: 'AU', capacity: 12 * m.demandPerMonth, sources: [{ from: `mine-${m.id}`, share: 1 }] },
    { id: m.id, stage: 'manufacturing', country: m.country, capacity: 12 * m.demandPerMonth, demand: 12 * m.demandPerMonth, sources: [{ from: `ref-${m.id}`, share: 1 }] },
  ] as ScenarioNode[]);
  return {
    id: 'outage',
    name: 'Scripted outage',
    unit: 't',
    horizonMonths: HORIZON,
    trials: 40,
    seed: 5,
    nodes,
    disruptions: [{ id: 'outage', target: { nodes: makers.map((m) => `mine-${m.id}`) }, start: OUTAGE_START, duration: OUTAGE_MONTHS, severity: 1 }],
    ...(optimise ? { optimise } : {}),
  };
}

/** A stockpile variable at one maker: 0..max months, step 1, at `perMonth` capex a month of stock. */
export function stockpileVariable(maker: string, max: number, perMonth: number) {
  return {
    id: `stock-${maker}`,
    levers: [{ stockpile: { nodes: [maker] } }],
    sets: '/0/stockpile/months',
    range: { min: 0, max, step: 1 },
    cost: { capexPerUnit: perMonth },
  };
}

export const target = (t: Partial<OptimiseTarget> & Pick<OptimiseTarget, 'statistic' | 'atMost'>): OptimiseTarget => t as OptimiseTarget;

/** In-process workers running the shared worker API (the same code as a thread). */
export const inProcess = (n = 1): PoolWorker[] => Array.from({ length: n }, () => createWorkerApi());
