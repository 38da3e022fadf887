/**
 * The scenario format of model.md section 1, written once: the TypeScript types are derived from
 * these TypeBox schemas and scenarios/scenario.schema.json is generated from them (npm run schema).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const MAX = 1e12;
const num = (o: object = {}) => Type.Number({ minimum: -MAX, maximum: MAX, ...o });
const nonNeg = (o: object = {}) => num({ minimum: 0, ...o });
const fraction = (o: object = {}) => num({ minimum: 0, maximum: 1, ...o });
const strict = <T extends Record<string, TSchema>>(props: T, o: object = {}) =>
  Type.Object(props, { additionalProperties: false, ...o });

export const Id = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'kebab-case id' });
export const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166 alpha-2, XX for rest of world' });
export const Stage = Type.Union(
  [Type.Literal('exploration'), Type.Literal('extraction'), Type.Literal('processing'), Type.Literal('manufacturing')],
  { description: 'value-chain stage' },
);

const pair = Type.Tuple([num(), num()]);
const triple = Type.Tuple([num(), num(), num()]);

/** A number or a distribution of section 3. */
export const Distribution = Type.Union(
  [
    num(),
    strict({ fixed: num() }),
    strict({ uniform: pair }),
    strict({ triangular: triple }),
    strict({ pert: triple }),
    strict({ normal: Type.Tuple([num(), nonNeg()]) }),
    strict({ lognormal: strict({ p5: num({ exclusiveMinimum: 0 }), p95: num({ exclusiveMinimum: 0 }) }) }),
    strict({ exponential: num({ exclusiveMinimum: 0 }) }),
    strict({ bernoulli: fraction() }),
    strict({ discrete: Type.Array(Type.Tuple([num(), nonNeg()]), { minItems: 1 }) }),
  ],
  { description: 'a number or a distribution' },
);

export const Inventory = strict({ opening: nonNeg(), max: nonNeg() });

export const SourceLink = strict({
  from: Id,
  share: num({ exclusiveMinimum: 0, maximum: 1 }),
  route: Type.Optional(Id),
  transitMonths: Type.Optional(nonNeg()),
});

export const ScenarioNode = strict({
  id: Id,
  name: Type.Optional(Type.String()),
  stage: Stage,
  country: Country,
  capacity: nonNeg({ description: 'units per year' }),
  unitCost: Type.Optional(nonNeg()),
  yield: Type.Optional(num({ exclusiveMinimum: 0, maximum: 1 })),
  inventory: Type.Optional(Inventory),
  sources: Type.Optional(Type.Array(SourceLink)),
  demand: Type.Optional(nonNeg({ description: 'units per year at month 0' })),
  growth: Type.Optional(num({ exclusiveMinimum: -1 })),
  demandNoise: Type.Optional(Distribution),
  demandExpression: Type.Optional(Type.String({ minLength: 1 })),
  successProbability: Type.Optional(fraction()),
  leadTimeMonths: Type.Optional(Distribution),
  rampMonths: Type.Optional(nonNeg()),
  refs: Type.Optional(Type.Array(Id, { description: 'ids of the references behind this node' })),
});

export const DisruptionTarget = Type.Union(
  [
    strict({ node: Id }),
    strict({ nodes: Type.Array(Id, { minItems: 1 }) }),
    strict({ country: Country, stages: Type.Optional(Type.Array(Stage, { minItems: 1 })), exportsOnly: Type.Optional(Type.Boolean()) }),
    strict({ route: Id }),
    strict({ demand: Type.Literal(true), nodes: Type.Optional(Type.Array(Id, { minItems: 1 })) }),
  ],
  { description: 'a node, nodes, a country, a route or demand' },
);

export const Disruption = strict({
  id: Id,
  name: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  target: DisruptionTarget,
  start: Type.Optional(Distribution),
  ratePerYear: Type.Optional(nonNeg()),
  probabilityPerYear: Type.Optional(num({ minimum: 0, exclusiveMaximum: 1 })),
  correlatedWith: Type.Optional(strict({ id: Id, probability: fraction() })),
  duration: Distribution,
  severity: Type.Optional(Distribution),
  change: Type.Optional(Distribution),
  recoveryMonths: Type.Optional(nonNeg()),
  addedTransitMonths: Type.Optional(Distribution),
  refs: Type.Optional(Type.Array(Id, { description: 'ids of the references behind this disruption' })),
});

const ids = Type.Array(Id, { minItems: 1 });

export const StockpileLever = strict({
  nodes: Type.Optional(ids),
  stage: Type.Optional(Stage),
  units: Type.Optional(nonNeg()),
  months: Type.Optional(nonNeg()),
  refillPerMonth: Type.Optional(nonNeg()),
  holdingCostPerUnitYear: Type.Optional(nonNeg()),
});
export const DiversifyLever = strict({
  node: Id,
  fromCountry: Type.Optional(Country),
  fromNode: Type.Optional(Id),
  fraction: fraction(),
  to: ids,
  qualificationMonths: Type.Optional(nonNeg()),
  transitMonths: Type.Optional(nonNeg()),
  route: Type.Optional(Id),
});
export const FlexibilityLever = strict({ stage: Stage, fraction: fraction(), delayMonths: Type.Optional(nonNeg()) });
export const RecyclingLever = strict({
  nodes: ids,
  rate: Distribution,
  lagMonths: Type.Optional(nonNeg()),
  rampMonths: Type.Optional(nonNeg()),
});
export const SubstitutionLever = strict({ nodes: ids, fraction: fraction(), delayMonths: Type.Optional(nonNeg()) });
export const NewCapacityLever = strict({ nodes: Type.Array(ScenarioNode, { minItems: 1 }), commissioningMonths: Distribution });

export const Lever = Type.Union(
  [
    strict({ stockpile: StockpileLever }),
    strict({ diversify: DiversifyLever }),
    strict({ flexibility: FlexibilityLever }),
    strict({ recycling: RecyclingLever }),
    strict({ substitution: SubstitutionLever }),
    strict({ newCapacity: NewCapacityLever }),
  ],
  { description: 'one lever: stockpile, diversify, flexibility, recycling, substitution or newCapacity' },
);

export const Strategy = strict({
  id: Id,
  name: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  levers: Type.Array(Lever),
  cost: Type.Optional(strict({ capex: Type.Optional(nonNeg()), opexPerYear: Type.Optional(nonNeg()) })),
  refs: Type.Optional(Type.Array(Id, { description: 'ids of the references behind this strategy' })),
});

export const Reference = strict({
  id: Id,
  title: Type.String(),
  url: Type.String(),
  accessed: Type.Optional(Type.String()),
  note: Type.Optional(Type.String()),
});

export const Assumption = strict({
  text: Type.String(),
  reason: Type.String(),
  references: Type.Optional(Type.Array(Id)),
});

export const StageShare = strict({
  // Without additionalProperties: false a mistyped key ("cn", "China") would be silently ignored.
  shares: Type.Record(Country, fraction(), { additionalProperties: false }),
  reference: Id,
});

/** A calendar month, "2026-01". */
export const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'a calendar month, YYYY-MM' });

/** A reported period: a month, a quarter ("2024-Q1"), a year ("2024") or a span of months ("2024-01/2024-06"). */
export const Period = Type.String({
  pattern: '^[0-9]{4}(-(0[1-9]|1[0-2])(/[0-9]{4}-(0[1-9]|1[0-2]))?|-Q[1-4])?$',
  description: 'YYYY-MM, YYYY-Qn, YYYY or YYYY-MM/YYYY-MM',
});

/** Which flow between countries a series measures: shipments from nodes of `stage` in `from` to buyers in `to`; "*" is any other country. */
export const FlowSelector = strict({
  stage: Stage,
  from: Type.Union([Country, Type.Literal('*')]),
  to: Type.Union([Country, Type.Literal('*')]),
});

export const ObservedPoint = strict({
  period: Period,
  value: num(),
  reference: Type.Optional(Id),
  note: Type.Optional(Type.String()),
});

/** A reported series a replay's model output is compared with (issue 11). */
export const ObservedSeries = strict({
  id: Id,
  what: Type.String({ minLength: 1, description: 'what the series measures, in words' }),
  unit: Type.String({ minLength: 1 }),
  flow: Type.Optional(FlowSelector),
  reference: Id,
  points: Type.Array(ObservedPoint, { minItems: 1 }),
  normal: Type.Optional(
    Type.String({
      pattern: Period.pattern,
      description: "the period of the point taken as the series' normal (the pre-event level its comparisons divide by), so that the chart can draw every point as % of it",
    }),
  ),
});

/** One comparison of model output with an observed series, written down before it is first run. */
export const Comparison = strict({
  id: Id,
  kind: Type.Union([Type.Literal('timing'), Type.Literal('size'), Type.Literal('direction')]),
  observedSeries: Id,
  flow: FlowSelector,
  measure: Type.Union(
    [Type.Literal('first-below'), Type.Literal('first-recovered'), Type.Literal('window-mean'), Type.Literal('direction')],
    { description: "what is computed from the model's mean flow relative to planned (docs/replays.md defines each)" },
  ),
  counted: Type.Optional(Type.Union([Type.Literal('shipped'), Type.Literal('arrived')], { description: 'when a unit counts in a period: when shipped (default) or when it arrives' })),
  strategy: Type.Optional(Id),
  threshold: Type.Optional(num()),
  window: Type.Optional(strict({ from: Month, to: Month })),
  observed: Type.Union([Type.String(), num()], { description: 'the observed value: a month, a number or "down"/"up"/"none"' }),
  derivation: Type.String({ minLength: 1, description: 'how the observed value follows from the series' }),
  tolerance: Type.Union([
    strict({ months: nonNeg() }),
    strict({ absolute: nonNeg() }),
    strict({ exact: Type.Literal(true) }),
  ]),
});

/**
 * The optimiser's target (issue 13): a statistic of a per-trial shortfall measure of the chain or of one
 * makers' country, bounded above. docs/model.md ("The optimiser") defines each statistic.
 */
export const OptimiseTarget = strict({
  of: Type.Optional(Type.Union([Type.Literal('chain'), strict({ country: Country })], { description: '"chain" (default) or the makers of one country, { "country": "EU" }' })),
  measure: Type.Optional(Type.Union([Type.Literal('shortfallPct'), Type.Literal('shortfall')], { description: 'per trial: shortfall as % of demand (default) or in units' })),
  statistic: Type.Union([Type.Literal('mean'), Type.Literal('p95'), Type.Literal('cvar95'), Type.Literal('probAbove')], {
    description: 'mean, 95th percentile, CVaR 95% (mean of the worst 5% of trials) or the probability that the measure exceeds `above`',
  }),
  above: Type.Optional(num({ description: 'for probAbove: the threshold x in P(measure > x)' })),
  atMost: nonNeg({ description: 'the bound the statistic must not exceed (a probability 0..1 for probAbove)' }),
});

/** What a decision variable costs as a function of its size s: capex = capexPerUnit x s (+ fixedCapex when s != 0), the same for opex a year. */
export const VariableCost = strict({
  capexPerUnit: Type.Optional(nonNeg()),
  opexPerUnitYear: Type.Optional(nonNeg()),
  fixedCapex: Type.Optional(nonNeg({ description: 'paid once when the size is not 0' })),
  fixedOpexPerYear: Type.Optional(nonNeg({ description: 'paid each year when the size is not 0' })),
});

/** One decision variable: a template of levers, the field its size sets, the sizes to try and their cost. */
export const OptimiseVariable = strict({
  id: Id,
  name: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  levers: Type.Array(Lever, { minItems: 1, description: 'the levers this variable adds to every candidate (kept at size 0 too, so lever streams never shift)' }),
  sets: Type.String({ pattern: '^/[0-9]+(/[^/]+)+$', description: 'JSON pointer into `levers` of the number the size sets, e.g. "/0/stockpile/months"' }),
  range: Type.Optional(strict({ min: num(), max: num(), step: num({ exclusiveMinimum: 0 }) }, { description: 'sizes min, min + step, ..., max' })),
  choices: Type.Optional(Type.Array(num(), { minItems: 1, maxItems: 1000, description: 'the sizes to try' })),
  cost: Type.Optional(VariableCost),
  refs: Type.Optional(Type.Array(Id, { description: 'ids of the references behind this variable and its cost' })),
});

/** Search settings; every one has a default (docs/model.md, "The optimiser"). */
export const OptimiseSearch = strict({
  trials: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'trials of the final rung and of the confirmation (default: the run\'s trials)' })),
  firstRungTrials: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'trials of the first rung, on every candidate (default 100 or fewer)' })),
  maxCandidates: Type.Optional(Type.Integer({ minimum: 2, maximum: 100_000, description: 'above this many grid points the first rung is a space-filling design (default 400)' })),
});

/** The optimisation a scenario asks for: the cheapest combination of the variables' sizes that meets the target. */
export const Optimise = strict({
  id: Type.Optional(Id),
  name: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  target: OptimiseTarget,
  variables: Type.Array(OptimiseVariable, { minItems: 1, maxItems: 8 }),
  search: Type.Optional(OptimiseSearch),
  refs: Type.Optional(Type.Array(Id)),
});

export const Scenario = strict(
  {
    $schema: Type.Optional(Type.String()),
    id: Id,
    name: Type.String(),
    description: Type.Optional(Type.String()),
    unit: Type.String({ minLength: 1 }),
    currency: Type.Optional(Type.String({ minLength: 1, default: 'USD', description: 'the currency of every cost (capex, opex, unit and holding costs), e.g. "USD" or "EUR"; default "USD"' })),
    periodsPerYear: Type.Optional(Type.Union([Type.Literal(12), Type.Literal(52)])),
    monthZero: Type.Optional(Month),
    horizonMonths: Type.Integer({ minimum: 1, maximum: 1200 }),
    trials: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000 })),
    seed: Type.Optional(Type.Union([Type.Integer({ minimum: -MAX, maximum: MAX }), Type.String()])),
    routes: Type.Optional(Type.Array(strict({ id: Id, name: Type.Optional(Type.String()) }))),
    nodes: Type.Array(ScenarioNode, { minItems: 1 }),
    disruptions: Type.Optional(Type.Array(Disruption)),
    strategies: Type.Optional(Type.Array(Strategy)),
    references: Type.Optional(Type.Array(Reference)),
    assumptions: Type.Optional(Type.Array(Assumption)),
    stageShares: Type.Optional(
      strict({
        exploration: Type.Optional(StageShare),
        extraction: Type.Optional(StageShare),
        processing: Type.Optional(StageShare),
        manufacturing: Type.Optional(StageShare),
      }),
    ),
    observed: Type.Optional(Type.Array(ObservedSeries)),
    comparisons: Type.Optional(Type.Array(Comparison)),
    optimise: Type.Optional(Optimise),
  },
  { $id: 'https://example.org/minerals-resilience/scenario.schema.json', title: 'Critical-mineral supply-chain scenario' },
);

export type Scenario = Static<typeof Scenario>;
export type ScenarioNode = Static<typeof ScenarioNode>;
export type SourceLink = Static<typeof SourceLink>;
export type Distribution = Static<typeof Distribution>;
export type Disruption = Static<typeof Disruption>;
export type DisruptionTarget = Static<typeof DisruptionTarget>;
export type Strategy = Static<typeof Strategy>;
export type Lever = Static<typeof Lever>;
export type StageName = Static<typeof Stage>;
export type ObservedSeries = Static<typeof ObservedSeries>;
export type Comparison = Static<typeof Comparison>;
export type StockpileLever = Static<typeof StockpileLever>;
export type DiversifyLever = Static<typeof DiversifyLever>;
export type FlexibilityLever = Static<typeof FlexibilityLever>;
export type RecyclingLever = Static<typeof RecyclingLever>;
export type SubstitutionLever = Static<typeof SubstitutionLever>;
export type NewCapacityLever = Static<typeof NewCapacityLever>;
export type Optimise = Static<typeof Optimise>;
export type OptimiseTarget = Static<typeof OptimiseTarget>;
export type OptimiseVariable = Static<typeof OptimiseVariable>;

export const STAGES = ['exploration', 'extraction', 'processing', 'manufacturing'] as const;
