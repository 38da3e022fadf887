/**
 * npx tsx bench/numpy/write-held-out-like.ts OUT.json [--no-pert]: a chain like issue 9's held-out one as the issue
 * describes it ("a 48-node, 120-month chain with demand noise and a dozen disruptions"), which we have
 * not seen: 4 projects, 14 mines, 14 refineries and 16 makers, every maker with demand noise, twelve
 * disruptions over every target kind and occurrence rule, and no inventories (so no refills: tier 3 never
 * runs), baseline only. Figures are invented; capacity exceeds planned demand for the first years.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Disruption, Distribution, Scenario, ScenarioNode, SourceLink } from '../../src/model/schema.ts';

const PROJECTS = 4;
const MINES = 14;
const REFINERIES = 14;
const MAKERS = 16;

const MINE_COUNTRIES = ['CN', 'AU', 'CL', 'AR', 'CD', 'ZA', 'BR'];
const REFINERY_COUNTRIES = ['CN', 'CN', 'JP', 'CN', 'KR', 'DE', 'US', 'CN', 'FI', 'NO', 'CN', 'MY', 'IN', 'CA'];
const MAKER_COUNTRIES = ['US', 'DE', 'JP', 'KR', 'CN', 'FR', 'IT', 'GB', 'CN', 'TW', 'MX', 'PL', 'SE', 'IN', 'VN', 'US'];
const ROUTES = ['malacca', 'suez-red-sea', 'panama', 'hormuz'];

const NOISES: Distribution[] = [
  { normal: [1, 0.04] },
  { lognormal: { p5: 0.92, p95: 1.08 } },
  { uniform: [0.94, 1.06] },
  { triangular: [0.9, 1, 1.08] },
  { pert: [0.9, 1, 1.1] },
];

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * The held-out-like chain, baseline only. Its makers' noise takes five kinds, beta-PERT among them; with
 * `noPert` the PERT noise is triangular over the same three points instead (the engine draws beta-PERT by
 * its inverse CDF, which costs far more than the other kinds in the maker-period loop).
 */
export function heldOutLikeScenario(options: { noPert?: boolean } = {}): Scenario {
  const noise = (i: number): Distribution => {
    const d = NOISES[i % NOISES.length];
    return options.noPert && typeof d === 'object' && 'pert' in d ? { triangular: d.pert } : d;
  };
  return {
    id: options.noPert ? 'held-out-like-no-pert' : 'held-out-like',
    name: 'A 48-node chain like issue 9\'s held-out one',
    description: 'Invented figures: 4 projects, 14 mines, 14 refineries, 16 makers over ten years; demand noise, a dozen disruptions, no inventories.',
    unit: 't',
    periodsPerYear: 12,
    horizonMonths: 120,
    trials: 20_000,
    seed: 1,
    routes: ROUTES.map((id) => ({ id })),
    nodes: [...projects(), ...mines(), ...refineries(), ...makers(noise)],
    disruptions: disruptions(),
  };
}

function projects(): ScenarioNode[] {
  const leads: Distribution[] = [{ pert: [24, 36, 60] }, { triangular: [18, 30, 54] }, { lognormal: { p5: 30, p95: 80 } }, { uniform: [36, 60] }];
  return range(PROJECTS).map((i) => ({
    id: `project-${i + 1}`, stage: 'exploration', country: ['CA', 'US', 'AU', 'SE'][i],
    capacity: 400 + 150 * i, unitCost: 8000, successProbability: 0.25 + 0.15 * i,
    leadTimeMonths: leads[i], rampMonths: 6 + 6 * i,
  }));
}

function mines(): ScenarioNode[] {
  return range(MINES).map((i) => ({
    id: `mine-${i + 1}`, stage: 'extraction', country: MINE_COUNTRIES[i % MINE_COUNTRIES.length],
    capacity: 1500 + 100 * (i % 5), unitCost: 6000 + 200 * i,
  }));
}

/** Refinery i buys from three mines (45/35/20, the last over no transit), the first four also from a project. */
function refineries(): ScenarioNode[] {
  return range(REFINERIES).map((i) => {
    const sources: SourceLink[] = [
      { from: `mine-${i + 1}`, share: 0.45, transitMonths: 1 },
      { from: `mine-${((i + 5) % MINES) + 1}`, share: 0.35, transitMonths: 2, ...(i % 3 === 0 ? { route: 'hormuz' } : {}) },
      { from: `mine-${((i + 9) % MINES) + 1}`, share: i < PROJECTS ? 0.1 : 0.2 },
    ];
    if (i < PROJECTS) sources.push({ from: `project-${i + 1}`, share: 0.1, transitMonths: 1 });
    return {
      id: `refinery-${i + 1}`, stage: 'processing', country: REFINERY_COUNTRIES[i],
      capacity: 1400 + 50 * (i % 3), yield: 0.88 + 0.007 * i, sources,
    };
  });
}

/** Maker i buys from three refineries (55/30/15); most makers' first link crosses a chokepoint. */
function makers(noise: (i: number) => Distribution): ScenarioNode[] {
  return range(MAKERS).map((i) => {
    const sources: SourceLink[] = [
      { from: `refinery-${(i % REFINERIES) + 1}`, share: 0.55, transitMonths: 2, ...(i % 4 !== 3 ? { route: ROUTES[i % 3] } : {}) },
      { from: `refinery-${((i + 5) % REFINERIES) + 1}`, share: 0.3, transitMonths: 1 },
      { from: `refinery-${((i + 10) % REFINERIES) + 1}`, share: 0.15 },
    ];
    const demand: Partial<ScenarioNode> = i === MAKERS - 1
      ? { demandExpression: '700 * 1.03 ^ (t / 12) + 50 * min(t, 60) / 60' }
      : { demand: 620 + 15 * i, growth: 0.02 + 0.004 * (i % 5) };
    return {
      id: `maker-${i + 1}`, stage: 'manufacturing', country: MAKER_COUNTRIES[i], capacity: 1800, unitCost: 18_000,
      ...demand, demandNoise: noise(i), sources,
    } as ScenarioNode;
  });
}

/** Twelve disruptions: every target kind and occurrence rule, with recoveries and added transit. */
function disruptions(): Disruption[] {
  return [
    { id: 'mine-flood', target: { node: 'mine-2' }, probabilityPerYear: 0.12, duration: { pert: [1, 2, 8] }, severity: { triangular: [0.4, 0.7, 1] } },
    { id: 'mine-strikes', target: { nodes: ['mine-5', 'mine-6', 'mine-11'] }, ratePerYear: 0.25, duration: { exponential: 2 }, severity: { uniform: [0.2, 0.6] }, recoveryMonths: 1 },
    { id: 'congo-unrest', target: { country: 'CD' }, start: { uniform: [6, 60] }, duration: { lognormal: { p5: 2, p95: 15 } }, severity: 0.6 },
    { id: 'cn-export-controls', target: { country: 'CN', stages: ['processing'], exportsOnly: true }, probabilityPerYear: 0.12, duration: { normal: [10, 3] }, severity: { discrete: [[0.25, 2], [0.5, 2], [1, 1]] }, recoveryMonths: 4 },
    { id: 'cn-ore-quota', target: { country: 'CN', stages: ['extraction'], exportsOnly: true }, correlatedWith: { id: 'cn-export-controls', probability: 0.5 }, duration: { exponential: 5 }, severity: { uniform: [0.3, 0.7] } },
    { id: 'au-quota', target: { country: 'AU', stages: ['extraction'], exportsOnly: true }, correlatedWith: { id: 'cn-ore-quota', probability: 0.3 }, duration: 4, severity: { bernoulli: 0.6 } },
    { id: 'red-sea', target: { route: 'suez-red-sea' }, ratePerYear: 0.3, duration: { lognormal: { p5: 2, p95: 10 } }, severity: 0.15, addedTransitMonths: { triangular: [0.5, 1, 2] } },
    { id: 'malacca-closure', target: { route: 'malacca' }, probabilityPerYear: 0.05, duration: { uniform: [1, 3] }, severity: 0.8, addedTransitMonths: 1, recoveryMonths: 2 },
    { id: 'hormuz-delay', target: { route: 'hormuz' }, ratePerYear: 0.15, duration: 2, severity: 0, addedTransitMonths: { uniform: [0, 1] } },
    { id: 'refinery-fire', target: { nodes: ['refinery-3', 'refinery-9'] }, ratePerYear: 0.2, duration: { exponential: 3 }, severity: { uniform: [0.3, 0.9] }, recoveryMonths: 3 },
    { id: 'demand-boom', target: { demand: true }, ratePerYear: 0.12, duration: 6, change: { normal: [0.12, 0.04] }, recoveryMonths: 3 },
    { id: 'maker-outage', target: { node: 'maker-4' }, start: 42, duration: { fixed: 3 }, severity: 1 },
  ];
}

// Run as a script (not imported by compare.ts): write the file.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, flag] = process.argv.slice(2);
  if (!out || (flag !== undefined && flag !== '--no-pert')) {
    process.stderr.write('usage: npx tsx bench/numpy/write-held-out-like.ts OUT.json [--no-pert]\n');
    process.exit(2);
  }
  writeFileSync(out, `${JSON.stringify(heldOutLikeScenario({ noPert: flag === '--no-pert' }), null, 2)}\n`);
}
