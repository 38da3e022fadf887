/** Random valid scenarios for property tests, built from a seed so that fast-check can replay them. */
import type { Disruption, Lever, Scenario, ScenarioNode, Strategy } from '../../src/model/schema.ts';

/** mulberry32: a tiny deterministic generator for building test scenarios (not the engine's). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomScenarioOptions {
  /** no disruptions and no demand noise */
  quiet?: boolean;
  /** capacities far above any demand */
  spare?: boolean;
  /** allow exploration projects */
  projects?: boolean;
}

const COUNTRIES = ['AU', 'CN', 'IN', 'GB', 'CL', 'XX'];

/** Shares > 0 that sum to 1 within 1e-6. */
function shares(rand: () => number, n: number): number[] {
  const w = Array.from({ length: n }, () => 0.2 + rand());
  const sum = w.reduce((a, b) => a + b, 0);
  const s = w.map((x) => Math.round((x / sum) * 1e6) / 1e6);
  s[n - 1] = Math.round((1 - s.slice(0, -1).reduce((a, b) => a + b, 0)) * 1e6) / 1e6;
  return s;
}

function pick<T>(rand: () => number, list: T[], k: number): T[] {
  const copy = [...list];
  const out: T[] = [];
  while (out.length < k && copy.length > 0) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]);
  return out;
}

/** A random scenario of 1-3 mines (and maybe a project), 1-3 refineries and 1-3 makers. */
export function randomScenario(seed: number, o: RandomScenarioOptions = {}): Scenario {
  const rand = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const country = () => COUNTRIES[int(0, COUNTRIES.length - 1)];
  const ppy = rand() < 0.2 ? 52 : 12;
  const horizonMonths = int(6, 36);
  const nMines = int(1, 3);
  const nRefs = int(1, 3);
  const nMakers = int(1, 3);
  const totalDemand = 1200;
  const capScale = (share: number) => (o.spare ? 20 * totalDemand : totalDemand * share * (0.5 + rand()));
  const nodes: ScenarioNode[] = [];
  const mines = Array.from({ length: nMines }, (_, i) => `mine-${i}`);
  mines.forEach((id) => nodes.push({ id, stage: 'extraction', country: country(), capacity: capScale(2 / nMines) }));
  if (o.projects && rand() < 0.5) {
    mines.push('project-0');
    nodes.push({
      id: 'project-0', stage: 'exploration', country: country(), capacity: capScale(1), successProbability: rand(),
      leadTimeMonths: { uniform: [0, horizonMonths] }, rampMonths: int(0, 6),
    });
  }
  const refs = Array.from({ length: nRefs }, (_, i) => `ref-${i}`);
  refs.forEach((id) => {
    const from = pick(rand, mines, int(1, mines.length));
    const sh = shares(rand, from.length);
    nodes.push({
      id, stage: 'processing', country: country(), capacity: capScale(1.5 / nRefs), yield: 0.5 + 0.5 * rand(),
      ...(rand() < 0.5 ? { inventory: { opening: int(0, 20), max: int(20, 60) } } : {}),
      sources: from.map((f, k) => ({ from: f, share: sh[k], transitMonths: int(0, 3), ...(rand() < 0.3 ? { route: 'sea' } : {}) })),
    });
  });
  for (let i = 0; i < nMakers; i++) {
    const from = pick(rand, refs, int(1, refs.length));
    const sh = shares(rand, from.length);
    const expression = rand() < 0.2;
    nodes.push({
      id: `maker-${i}`, stage: 'manufacturing', country: country(), capacity: capScale(1.5 / nMakers),
      ...(expression ? { demandExpression: `${(totalDemand / nMakers).toFixed(0)} + 2 * t` } : { demand: totalDemand / nMakers, growth: rand() * 0.2 - 0.05 }),
      ...(!o.quiet && rand() < 0.5 ? { demandNoise: { normal: [1, 0.1] } } : {}),
      ...(rand() < 0.5 ? { inventory: { opening: int(0, 30), max: int(30, 90) } } : {}),
      sources: from.map((f, k) => ({ from: f, share: sh[k], transitMonths: int(0, 3), ...(rand() < 0.3 ? { route: 'sea' } : {}) })),
    });
  }
  const disruptions: Disruption[] = [];
  if (!o.quiet) {
    const n = int(0, 4);
    for (let k = 0; k < n; k++) {
      const id = `d-${k}`;
      const kind = int(0, 5);
      const occurrence = k > 0 && rand() < 0.2
        ? { correlatedWith: { id: `d-${k - 1}`, probability: rand() } }
        : rand() < 0.5 ? { start: { uniform: [0, horizonMonths] as [number, number] } } : { ratePerYear: rand() * 2 };
      const common = { id, duration: { triangular: [1, 2, 6] as [number, number, number] }, ...occurrence, ...(rand() < 0.3 ? { recoveryMonths: int(1, 4) } : {}) };
      const severity = { uniform: [0.2, 1] as [number, number] };
      if (kind === 0) disruptions.push({ ...common, target: { node: pick(rand, [...mines, ...refs], 1)[0] }, severity });
      else if (kind === 1) disruptions.push({ ...common, target: { country: country() }, severity });
      else if (kind === 2) disruptions.push({ ...common, target: { country: country(), stages: ['processing'], exportsOnly: true }, severity });
      else if (kind === 3) disruptions.push({ ...common, target: { route: 'sea' }, severity: 0.5, addedTransitMonths: { discrete: [[0, 1], [1, 1], [2, 1]] } });
      else if (kind === 4) disruptions.push({ ...common, target: { demand: true }, change: { uniform: [-0.3, 0.5] } });
      else disruptions.push({ ...common, target: { nodes: pick(rand, refs, 1) }, severity: 1 });
    }
  }
  return {
    id: `random-${seed >>> 0}`, name: 'Random scenario', unit: 't', periodsPerYear: ppy, horizonMonths,
    routes: [{ id: 'sea' }], nodes, disruptions,
  };
}

/**
 * A random strategy for a random scenario: a stockpile, flexibility at one stage, recycling at a refinery and
 * substitution at a maker. `inert` sizes every lever to do nothing (0 units, fraction 0, rate 0).
 */
export function randomStrategy(seed: number, scenario: Scenario, inert = false): Strategy {
  const rand = mulberry32(seed ^ 0x5bd1e995);
  const ids = (stage: ScenarioNode['stage']) => scenario.nodes.filter((n) => n.stage === stage).map((n) => n.id);
  const makers = ids('manufacturing');
  const refs = ids('processing');
  const size = (x: number) => (inert ? 0 : x);
  const levers: Lever[] = [
    { stockpile: { nodes: pick(rand, [...makers, ...refs], 1), units: size(50 + 300 * rand()), refillPerMonth: 5 + 30 * rand() } },
    { flexibility: { stage: rand() < 0.5 ? 'manufacturing' : 'processing', fraction: size(0.2 + 0.8 * rand()), delayMonths: Math.floor(3 * rand()) } },
    { recycling: { nodes: pick(rand, refs, 1), rate: inert ? 0 : { uniform: [0.05, 0.3] }, lagMonths: Math.floor(6 * rand()), rampMonths: Math.floor(4 * rand()) } },
    { substitution: { nodes: pick(rand, makers, 1), fraction: size(0.1 + 0.4 * rand()), delayMonths: Math.floor(3 * rand()) } },
  ];
  return { id: inert ? 'inert' : 'random-levers', levers };
}
