/**
 * The benchmark's scenario, built in code: 40 nodes over the four stages and 120 months, with every
 * disruption target kind, every occurrence rule and most distributions, so the timing covers every
 * path of the trial loop. Figures are invented; capacity exceeds planned demand for the first years.
 */
import type { Disruption, Distribution, Scenario, ScenarioNode, SourceLink } from '../src/model/schema.ts';

const PROJECTS = 4;
const MINES = 12;
const REFINERIES = 12;
const MAKERS = 12;

const MINE_COUNTRIES = ['AU', 'CL', 'CN', 'CD', 'ID', 'CA'];
const REFINERY_COUNTRIES = ['CN', 'CN', 'CN', 'JP', 'KR', 'US', 'FI', 'CN', 'IN', 'BE', 'CN', 'CA'];
const MAKER_COUNTRIES = ['US', 'DE', 'JP', 'KR', 'GB', 'CN', 'FR', 'PL', 'HU', 'SE', 'CN', 'IN'];
const ROUTES = ['suez-red-sea', 'malacca', 'panama'];

const LEAD_TIMES: Distribution[] = [
  { triangular: [24, 36, 60] },
  { pert: [18, 30, 48] },
  { uniform: [30, 54] },
  { lognormal: { p5: 24, p95: 72 } },
];
const NOISES: Distribution[] = [
  { normal: [1, 0.05] },
  { lognormal: { p5: 0.9, p95: 1.1 } },
  { uniform: [0.95, 1.05] },
  { triangular: [0.9, 1, 1.1] },
];

/** The benchmark scenario, with the example scenario's three strategies so that the timing covers every lever. */
export function syntheticScenario(): Scenario {
  return {
    id: 'bench-synthetic',
    name: 'Synthetic chain for the benchmark',
    description: 'Invented figures: 4 projects, 12 mines, 12 refineries, 12 makers over ten years.',
    unit: 't',
    periodsPerYear: 12,
    horizonMonths: 120,
    trials: 10_000,
    seed: 1,
    routes: ROUTES.map((id) => ({ id })),
    nodes: [...projects(), ...mines(), ...refineries(), ...makers()],
    disruptions: disruptions(),
    strategies: strategies(),
  };
}

/** The example scenario's strategies (a stockpile; new refining with diversify; recycling, flexibility and substitution) on this chain. */
function strategies(): Scenario['strategies'] {
  return [
    {
      id: 'stockpile-3m', name: 'Three-month stockpile at the UK maker',
      levers: [{ stockpile: { nodes: ['maker-5'], months: 3, refillPerMonth: 20, holdingCostPerUnitYear: 500 } }],
      cost: { capex: 0, opexPerYear: 250_000 },
    },
    {
      id: 'india-refinery', name: 'New refinery in India, half of the US maker\'s Chinese share moved to it',
      levers: [
        {
          newCapacity: {
            nodes: [{
              id: 'refinery-13', stage: 'processing', country: 'IN', capacity: 1200, yield: 0.92,
              sources: [{ from: 'mine-1', share: 0.5, transitMonths: 1 }, { from: 'mine-6', share: 0.5, transitMonths: 2 }],
            }],
            commissioningMonths: { pert: [18, 24, 36] },
          },
        },
        { diversify: { node: 'maker-1', fromCountry: 'CN', fraction: 0.5, to: ['refinery-13'], qualificationMonths: 6, transitMonths: 1 } },
      ],
      cost: { capex: 200_000_000, opexPerYear: 10_000_000 },
    },
    {
      id: 'recycling-flex', name: 'Recycling plus flexible sourcing',
      levers: [
        { recycling: { nodes: ['refinery-9'], rate: { uniform: [0.05, 0.15] }, lagMonths: 12, rampMonths: 24 } },
        { flexibility: { stage: 'manufacturing', fraction: 0.5, delayMonths: 1 } },
        { substitution: { nodes: ['maker-5'], fraction: 0.1, delayMonths: 3 } },
      ],
      cost: { capex: 50_000_000, opexPerYear: 2_000_000 },
    },
  ];
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function projects(): ScenarioNode[] {
  return range(PROJECTS).map((i) => ({
    id: `project-${i + 1}`,
    stage: 'exploration',
    country: ['CA', 'AU', 'US', 'BR'][i],
    capacity: 300 + 100 * i,
    unitCost: 9000,
    successProbability: 0.3 + 0.1 * i,
    leadTimeMonths: LEAD_TIMES[i],
    rampMonths: 12,
  }));
}

function mines(): ScenarioNode[] {
  return range(MINES).map((i) => ({
    id: `mine-${i + 1}`,
    stage: 'extraction',
    country: MINE_COUNTRIES[i % MINE_COUNTRIES.length],
    capacity: 1700 + 50 * (i % 4),
    unitCost: 7000 + 250 * i,
  }));
}

/** Refinery i buys from three mines (50/30/20), and the first four also from a project. */
function refineries(): ScenarioNode[] {
  return range(REFINERIES).map((i) => {
    const sources: SourceLink[] = [
      { from: `mine-${i + 1}`, share: 0.5, transitMonths: 1 },
      { from: `mine-${((i + 3) % MINES) + 1}`, share: 0.3, transitMonths: 2 },
      { from: `mine-${((i + 7) % MINES) + 1}`, share: i < PROJECTS ? 0.1 : 0.2 },
    ];
    if (i < PROJECTS) sources.push({ from: `project-${i + 1}`, share: 0.1, transitMonths: 1 });
    return {
      id: `refinery-${i + 1}`,
      stage: 'processing',
      country: REFINERY_COUNTRIES[i],
      capacity: 1500,
      yield: 0.9 + 0.005 * i,
      inventory: { opening: 50, max: 100 },
      sources,
    };
  });
}

/** Maker i buys from three refineries (60/25/15); the first link of every other maker crosses a chokepoint. */
function makers(): ScenarioNode[] {
  return range(MAKERS).map((i) => {
    const sources: SourceLink[] = [
      { from: `refinery-${i + 1}`, share: 0.6, transitMonths: 2, ...(i % 2 === 0 ? { route: ROUTES[(i / 2) % ROUTES.length] } : {}) },
      { from: `refinery-${((i + 4) % REFINERIES) + 1}`, share: 0.25, transitMonths: 1 },
      { from: `refinery-${((i + 9) % REFINERIES) + 1}`, share: 0.15 },
    ];
    const demand: Partial<ScenarioNode> =
      i === MAKERS - 1 ? { demandExpression: '900 * 1.04 ^ (t / 12)' } : { demand: 800 + 20 * i, growth: 0.03 + 0.005 * (i % 6) };
    return {
      id: `maker-${i + 1}`,
      stage: 'manufacturing',
      country: MAKER_COUNTRIES[i],
      capacity: 2000,
      unitCost: 20_000,
      inventory: { opening: 60, max: 120 },
      ...demand,
      demandNoise: NOISES[i % NOISES.length],
      sources,
    } as ScenarioNode;
  });
}

/** One disruption per target kind and occurrence rule. */
function disruptions(): Disruption[] {
  return [
    {
      id: 'mine-outage', target: { node: 'mine-3' },
      probabilityPerYear: 0.1, duration: { pert: [1, 3, 9] }, severity: { triangular: [0.3, 0.6, 1] },
    },
    {
      id: 'smelter-fires', target: { nodes: ['refinery-4', 'refinery-5'] },
      ratePerYear: 0.2, duration: { exponential: 4 }, severity: { uniform: [0.2, 0.8] }, recoveryMonths: 3,
    },
    {
      id: 'congo-unrest', target: { country: 'CD' },
      start: { uniform: [12, 48] }, duration: { lognormal: { p5: 3, p95: 18 } }, severity: 0.5,
    },
    {
      id: 'cn-export-controls', target: { country: 'CN', stages: ['processing'], exportsOnly: true },
      probabilityPerYear: 0.15, duration: { normal: [12, 4] }, severity: { discrete: [[0.3, 1], [0.6, 2], [1, 1]] }, recoveryMonths: 6,
    },
    {
      id: 'au-quota', target: { country: 'AU', stages: ['extraction'], exportsOnly: true },
      correlatedWith: { id: 'cn-export-controls', probability: 0.3 }, duration: { exponential: 6 }, severity: { bernoulli: 0.5 },
    },
    {
      id: 'red-sea', target: { route: 'suez-red-sea' },
      ratePerYear: 0.3, duration: { lognormal: { p5: 2, p95: 12 } }, severity: 0.2, addedTransitMonths: { triangular: [0.5, 1, 2] },
    },
    {
      id: 'demand-surge', target: { demand: true },
      ratePerYear: 0.1, duration: 6, change: { normal: [0.15, 0.05] }, recoveryMonths: 2,
    },
    {
      id: 'maker-strike', target: { node: 'maker-2' },
      start: 30, duration: { fixed: 2 }, severity: 1,
    },
  ];
}
