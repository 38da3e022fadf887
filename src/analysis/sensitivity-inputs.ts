/**
 * The inputs a sensitivity analysis moves (issue 12), each with its low and high setting:
 * - a drawn input (a distribution that takes a uniform: disruption start, duration, severity or change and
 *   added transit, demand noise, exploration lead times, a lever's recycling rate or commissioning time) is
 *   pinned at its own P10 and P90, and still takes the uniform it would have drawn, so no other draw moves;
 * - a plain number (capacity, demand, growth, yield, inventory, success probability, ramp, event rates and
 *   probabilities, recovery, fixed event figures, lever parameters) moves -20% and +20%, and a zero moves
 *   by the absolute step of its kind (STEPS), clipped to the values the format allows.
 * Transit times, shares, costs and ids are left out: shares must sum to 1, costs move no shortfall, and a
 * transit is the chain's structure rather than an estimate.
 */
import type { Distribution, Scenario, Strategy } from '../model/schema.ts';
import { OCCUR_SCRIPTED, TARGET_DEMAND, type CompiledModel } from '../engine/compiled-model.ts';
import { compileDist, isFixed, pinDist, quantile, type CompiledDist } from '../random/distributions.ts';

/** Where a drawn input's distribution is in a compiled model. */
export type DistRef =
  | { disruption: string; field: 'start' | 'duration' | 'magnitude' | 'addedTransit' }
  | { noise: string }
  | { lead: string }
  | { leverDraw: number };

/** What a plain number is, which sets its step from zero and the range it is clipped to. */
export type PlainKind = 'units' | 'months' | 'fraction' | 'probability' | 'rate' | 'growth' | 'change' | 'yield';

export interface SensitivityInput {
  /** unique within the strategy: "disruption:<id>:duration", "node:<id>:capacity", "lever:<k>:fraction"... */
  id: string;
  name: string;
  /** what the values are in */
  unit: string;
  kind: 'drawn' | 'plain';
  /** how low and high were set: the draw's P10 and P90, -20% and +20%, or a zero moved by a step */
  setting: 'p10-p90' | 'pct20' | 'step';
  /** the scenario's value (a drawn input: its median) and the two settings */
  base: number;
  low: number;
  high: number;
  dist?: DistRef;
  /** a plain number's places in the scenario and the value each takes at the low and high setting */
  edits?: { path: (string | number)[]; low: number; high: number }[];
}

/** The move of a plain number. */
const FACTOR = 0.2;
/** How far a zero moves, by kind of number; units move by 1% of the makers' total demand per year. */
export const STEPS: Record<Exclude<PlainKind, 'units'>, number> = {
  months: 1, fraction: 0.05, probability: 0.05, rate: 0.05, growth: 0.01, change: 0.05, yield: 0.05,
};
const UNITS_STEP_SHARE = 0.01;

/** The clip of each kind: the range the format allows (probabilities a year stay below 1). */
const RANGE: Record<PlainKind, [number, number]> = {
  units: [0, Infinity], months: [0, Infinity], rate: [0, Infinity], fraction: [0, 1], probability: [0, 0.99],
  growth: [-0.99, Infinity], change: [-0.99, Infinity], yield: [0.01, 1],
};

/** Low and high settings of a plain number of a kind. */
export function plainSettings(value: number, kind: PlainKind, unitsStep: number): { low: number; high: number; setting: 'pct20' | 'step' } {
  const [lo, hi] = RANGE[kind];
  const clip = (x: number) => Math.min(hi, Math.max(lo, x));
  if (value === 0) {
    const step = kind === 'units' ? unitsStep : STEPS[kind];
    return { low: clip(-step), high: clip(step), setting: 'step' };
  }
  const a = clip(value * (1 - FACTOR));
  const b = clip(value * (1 + FACTOR));
  return { low: Math.min(a, b), high: Math.max(a, b), setting: 'pct20' };
}

/** A distribution's own P10 and P90, and its median. */
export function drawnSettings(d: CompiledDist): { base: number; low: number; high: number } {
  return { base: quantile(d, 0.5), low: quantile(d, 0.1), high: quantile(d, 0.9) };
}

const isNumber = (d: Distribution | undefined): d is number | { fixed: number } => d !== undefined && isFixed(compileDist(d));
const fixedValue = (d: number | { fixed: number }) => (typeof d === 'number' ? d : d.fixed);

/** Every input of the scenario (and of the strategy's levers) that can move shortfall, in file order. */
export function listSensitivityInputs(scenario: Scenario, strategy: Strategy | null, model: CompiledModel): SensitivityInput[] {
  const unit = scenario.unit;
  const totalDemand = scenario.nodes.reduce((s, n) => s + (n.demand ?? 0), 0);
  const unitsStep = UNITS_STEP_SHARE * (totalDemand > 0 ? totalDemand : 1);
  const inputs: SensitivityInput[] = [];
  const plain = (id: string, name: string, unitText: string, kind: PlainKind, paths: (string | number)[][], values: number[]) => {
    const first = plainSettings(values[0], kind, unitsStep);
    const edits = paths.map((path, i) => {
      const s = plainSettings(values[i], kind, unitsStep);
      return { path, low: s.low, high: s.high };
    });
    inputs.push({ id, name, unit: unitText, kind: 'plain', setting: first.setting, base: values[0], low: first.low, high: first.high, edits });
  };
  const drawn = (id: string, name: string, unitText: string, d: CompiledDist, dist: DistRef) => {
    inputs.push({ id, name, unit: unitText, kind: 'drawn', setting: 'p10-p90', ...drawnSettings(d), dist });
  };
  const byId = new Map(model.disruptions.map((d) => [d.id, d]));

  (scenario.disruptions ?? []).forEach((d, j) => {
    const c = byId.get(d.id)!;
    const at = (...p: (string | number)[]) => ['disruptions', j, ...p];
    const name = d.name ?? d.id;
    const p = `disruption:${d.id}`;
    if (d.ratePerYear !== undefined) plain(`${p}:ratePerYear`, `Rate of ${name}`, 'events per year', 'rate', [at('ratePerYear')], [d.ratePerYear]);
    if (d.probabilityPerYear !== undefined) plain(`${p}:probabilityPerYear`, `Yearly probability of ${name}`, 'probability', 'probability', [at('probabilityPerYear')], [d.probabilityPerYear]);
    if (d.correlatedWith) plain(`${p}:probability`, `Probability that ${name} follows ${d.correlatedWith.id}`, 'probability', 'fraction', [at('correlatedWith', 'probability')], [d.correlatedWith.probability]);
    if (d.start !== undefined) {
      if (isNumber(d.start)) plain(`${p}:start`, `Start of ${name}`, 'month', 'months', [at('start')], [fixedValue(d.start)]);
      else if (c.occurrence === OCCUR_SCRIPTED && c.start) drawn(`${p}:start`, `Start of ${name}`, 'month', c.start, { disruption: d.id, field: 'start' });
    }
    if (isNumber(d.duration)) plain(`${p}:duration`, `Duration of ${name}`, 'months', 'months', [at('duration')], [fixedValue(d.duration)]);
    else drawn(`${p}:duration`, `Duration of ${name}`, 'months', c.duration, { disruption: d.id, field: 'duration' });
    const demandTarget = c.targetKind === TARGET_DEMAND;
    const field = demandTarget ? 'change' : 'severity';
    const magnitude = demandTarget ? d.change : d.severity;
    const what = demandTarget ? `Demand change of ${name}` : `Severity of ${name}`;
    if (magnitude !== undefined) {
      if (isNumber(magnitude)) plain(`${p}:${field}`, what, 'fraction', demandTarget ? 'change' : 'fraction', [at(field)], [fixedValue(magnitude)]);
      else drawn(`${p}:${field}`, what, 'fraction', c.magnitude, { disruption: d.id, field: 'magnitude' });
    }
    if (d.addedTransitMonths !== undefined) {
      if (isNumber(d.addedTransitMonths)) plain(`${p}:addedTransitMonths`, `Added transit of ${name}`, 'months', 'months', [at('addedTransitMonths')], [fixedValue(d.addedTransitMonths)]);
      else drawn(`${p}:addedTransitMonths`, `Added transit of ${name}`, 'months', c.addedTransit!, { disruption: d.id, field: 'addedTransit' });
    }
    if (d.recoveryMonths !== undefined) plain(`${p}:recoveryMonths`, `Recovery of ${name}`, 'months', 'months', [at('recoveryMonths')], [d.recoveryMonths]);
  });

  scenario.nodes.forEach((n, i) => {
    const at = (...p: (string | number)[]) => ['nodes', i, ...p];
    const name = n.name ?? n.id;
    const p = `node:${n.id}`;
    plain(`${p}:capacity`, `Capacity of ${name}`, `${unit} per year`, 'units', [at('capacity')], [n.capacity]);
    if (n.yield !== undefined) plain(`${p}:yield`, `Yield of ${name}`, 'fraction', 'yield', [at('yield')], [n.yield]);
    if (n.inventory) plain(`${p}:inventory`, `Inventory of ${name} (opening and maximum)`, unit, 'units', [at('inventory', 'max'), at('inventory', 'opening')], [n.inventory.max, n.inventory.opening]);
    if (n.stage === 'manufacturing' && n.demandExpression === undefined) {
      plain(`${p}:demand`, `Demand of ${name}`, `${unit} per year`, 'units', [at('demand')], [n.demand ?? 0]);
      plain(`${p}:growth`, `Demand growth of ${name}`, 'per year', 'growth', [at('growth')], [n.growth ?? 0]);
    }
    const k = model.makerPos[i];
    const noise = k >= 0 ? model.makerNoise[k] : null;
    if (noise && !isFixed(noise)) drawn(`${p}:demandNoise`, `Demand noise of ${name}`, 'multiplier', noise, { noise: n.id });
    if (n.stage === 'exploration') {
      if (n.successProbability !== undefined) plain(`${p}:successProbability`, `Success probability of ${name}`, 'probability', 'fraction', [at('successProbability')], [n.successProbability]);
      const project = model.projects.find((x) => x.node === i && x.lever < 0);
      if (n.leadTimeMonths !== undefined && isNumber(n.leadTimeMonths)) plain(`${p}:leadTimeMonths`, `Lead time of ${name}`, 'months', 'months', [at('leadTimeMonths')], [fixedValue(n.leadTimeMonths)]);
      else if (project && !isFixed(project.lead)) drawn(`${p}:leadTimeMonths`, `Lead time of ${name}`, 'months', project.lead, { lead: n.id });
    }
    if (n.rampMonths !== undefined) plain(`${p}:rampMonths`, `Ramp-up of ${name}`, 'months', 'months', [at('rampMonths')], [n.rampMonths]);
  });

  if (strategy) inputs.push(...leverInputs(scenario, strategy, model, unitsStep));
  return inputs;
}

/** The strategy's lever parameters: plain numbers of each lever, and its drawn rates and commissioning times. */
function leverInputs(scenario: Scenario, strategy: Strategy, model: CompiledModel, unitsStep: number): SensitivityInput[] {
  const unit = scenario.unit;
  const s = (scenario.strategies ?? []).indexOf(strategy);
  const out: SensitivityInput[] = [];
  const plain = (id: string, name: string, unitText: string, kind: PlainKind, path: (string | number)[], value: number) => {
    const x = plainSettings(value, kind, unitsStep);
    out.push({ id, name, unit: unitText, kind: 'plain', setting: x.setting, base: value, low: x.low, high: x.high, edits: [{ path, low: x.low, high: x.high }] });
  };
  strategy.levers.forEach((lever, k) => {
    const at = (...p: (string | number)[]) => ['strategies', s, 'levers', k, ...p];
    const p = `lever:${k}`;
    const draw = model.leverDraws.findIndex((e) => e.lever === k);
    const drawn = (id: string, name: string, unitText: string) => {
      const d = model.leverDraws[draw].dist;
      out.push({ id, name, unit: unitText, kind: 'drawn', setting: 'p10-p90', ...drawnSettings(d), dist: { leverDraw: draw } });
    };
    if ('stockpile' in lever) {
      const x = lever.stockpile;
      if (x.units !== undefined) plain(`${p}:units`, `Stockpile size (lever ${k + 1})`, unit, 'units', at('stockpile', 'units'), x.units);
      if (x.months !== undefined) plain(`${p}:months`, `Stockpile size (lever ${k + 1})`, 'months of planned use', 'months', at('stockpile', 'months'), x.months);
      if (x.refillPerMonth !== undefined) plain(`${p}:refillPerMonth`, `Stockpile refill (lever ${k + 1})`, `${unit} per month`, 'units', at('stockpile', 'refillPerMonth'), x.refillPerMonth);
    } else if ('diversify' in lever) {
      const x = lever.diversify;
      plain(`${p}:fraction`, `Share moved by diversifying ${x.node} (lever ${k + 1})`, 'fraction', 'fraction', at('diversify', 'fraction'), x.fraction);
      if (x.qualificationMonths !== undefined) plain(`${p}:qualificationMonths`, `Qualification of the new sources of ${x.node} (lever ${k + 1})`, 'months', 'months', at('diversify', 'qualificationMonths'), x.qualificationMonths);
    } else if ('flexibility' in lever) {
      const x = lever.flexibility;
      plain(`${p}:fraction`, `Flexible share at ${x.stage} (lever ${k + 1})`, 'fraction', 'fraction', at('flexibility', 'fraction'), x.fraction);
      if (x.delayMonths !== undefined) plain(`${p}:delayMonths`, `Flexibility delay (lever ${k + 1})`, 'months', 'months', at('flexibility', 'delayMonths'), x.delayMonths);
    } else if ('recycling' in lever) {
      const x = lever.recycling;
      if (isNumber(x.rate)) plain(`${p}:rate`, `Recycling rate (lever ${k + 1})`, 'fraction', 'fraction', at('recycling', 'rate'), fixedValue(x.rate));
      else drawn(`${p}:rate`, `Recycling rate (lever ${k + 1})`, 'fraction');
      if (x.lagMonths !== undefined) plain(`${p}:lagMonths`, `Recycling lag (lever ${k + 1})`, 'months', 'months', at('recycling', 'lagMonths'), x.lagMonths);
      if (x.rampMonths !== undefined) plain(`${p}:rampMonths`, `Recycling ramp-up (lever ${k + 1})`, 'months', 'months', at('recycling', 'rampMonths'), x.rampMonths);
    } else if ('substitution' in lever) {
      const x = lever.substitution;
      plain(`${p}:fraction`, `Substitutable share (lever ${k + 1})`, 'fraction', 'fraction', at('substitution', 'fraction'), x.fraction);
      if (x.delayMonths !== undefined) plain(`${p}:delayMonths`, `Substitution delay (lever ${k + 1})`, 'months', 'months', at('substitution', 'delayMonths'), x.delayMonths);
    } else if ('newCapacity' in lever) {
      const x = lever.newCapacity;
      if (isNumber(x.commissioningMonths)) plain(`${p}:commissioningMonths`, `Commissioning time (lever ${k + 1})`, 'months', 'months', at('newCapacity', 'commissioningMonths'), fixedValue(x.commissioningMonths));
      else drawn(`${p}:commissioningMonths`, `Commissioning time (lever ${k + 1})`, 'months');
      x.nodes.forEach((node, q) => plain(`${p}:${node.id}:capacity`, `Capacity of new ${node.name ?? node.id} (lever ${k + 1})`, `${unit} per year`, 'units', at('newCapacity', 'nodes', q, 'capacity'), node.capacity));
    }
  });
  return out;
}

/** The model with the input's distribution pinned at `value` (a copy: the model given is unchanged). */
export function pinInput(model: CompiledModel, ref: DistRef, value: number): CompiledModel {
  const pin = pinDist;
  if ('disruption' in ref) {
    return { ...model, disruptions: model.disruptions.map((d) => (d.id === ref.disruption ? { ...d, [ref.field]: pin(d[ref.field]!, value) } : d)) };
  }
  if ('noise' in ref) {
    const k = model.makerPos[model.nodeIds.indexOf(ref.noise)];
    return { ...model, makerNoise: model.makerNoise.map((d, q) => (q === k && d ? pin(d, value) : d)) };
  }
  if ('lead' in ref) {
    const node = model.nodeIds.indexOf(ref.lead);
    return { ...model, projects: model.projects.map((p) => (p.node === node && p.lever < 0 ? { ...p, lead: pin(p.lead, value) } : p)) };
  }
  return { ...model, leverDraws: model.leverDraws.map((e, q) => (q === ref.leverDraw ? { ...e, dist: pin(e.dist, value) } : e)) };
}

/** A copy of the scenario with the plain input at its low or high setting. */
export function editScenario(scenario: Scenario, input: SensitivityInput, side: 'low' | 'high'): Scenario {
  // A scenario is JSON data: a JSON round trip copies it whole.
  const copy = JSON.parse(JSON.stringify(scenario)) as Record<string | number, unknown>;
  for (const edit of input.edits ?? []) {
    let at = copy;
    for (const key of edit.path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[edit.path[edit.path.length - 1]] = edit[side];
  }
  return copy as unknown as Scenario;
}
