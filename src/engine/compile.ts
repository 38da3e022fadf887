/** Compiles a validated scenario (and one of its strategies) into the index-based CompiledModel. */
import type { Disruption, Scenario, ScenarioNode, StageName, Strategy } from '../model/schema.ts';
import { compileDemandExpression } from '../model/expression.ts';
import { durationToPeriods, monthsToPeriods } from '../model/time.ts';
import { compileDist } from '../random/distributions.ts';
import { exp, log, pow } from '../random/portable-math.ts';
import {
  OCCUR_CORRELATED, OCCUR_POISSON, OCCUR_SCRIPTED, OCCUR_STRESS, STAGE_EXPLORATION, STAGE_EXTRACTION, STAGE_MANUFACTURING,
  STAGE_PROCESSING, TARGET_DEMAND, TARGET_LINKS, TARGET_NODES,
  type CompiledDisruption, type CompiledModel, type CompiledProject,
} from './compiled-model.ts';
import { disruptionOrder } from './disruption-order.ts';
import { applyDiversify, compileDiversify, type CompiledDiversify, type LinkDraft } from './levers/diversify.ts';
import { computePlan } from './plan.ts';

export const STAGE_INDEX: Record<StageName, number> = {
  exploration: STAGE_EXPLORATION,
  extraction: STAGE_EXTRACTION,
  processing: STAGE_PROCESSING,
  manufacturing: STAGE_MANUFACTURING,
};

/** Annual demand function of months for a maker; guards the far ends that validation does not cover. */
function demandFunction(node: ScenarioNode): (months: number) => number {
  if (node.demandExpression !== undefined) {
    const compiled = compileDemandExpression(node.demandExpression);
    if (!compiled.ok) throw new Error(`demandExpression of ${node.id}: ${compiled.message}`);
    return (m) => {
      const v = compiled.evaluate(m);
      return Number.isFinite(v) && v > 0 ? v : 0;
    };
  }
  const demand = node.demand ?? 0;
  const growth = node.growth ?? 0;
  // The same guard as an expression's: far before period 0 steep decline overflows (a long recycling lag reads there).
  return (m) => {
    const v = demand * pow(1 + growth, m / 12);
    return Number.isFinite(v) && v > 0 ? v : 0;
  };
}

/** Compiles the scenario for one strategy (null: the baseline). */
/** What an analysis adds to a compiled model: the targets a stress test cuts, and for how long. */
export interface CompileOptions {
  stress?: { targets: Disruption['target'][]; months: number };
}

export function compileModel(scenario: Scenario, strategy: Strategy | null = null, options: CompileOptions = {}): CompiledModel {
  const ppy = scenario.periodsPerYear ?? 12;
  const periods = monthsToPeriods(scenario.horizonMonths, ppy);
  const toPeriods = (months: number | undefined) => monthsToPeriods(months ?? 0, ppy);
  const levers = strategy?.levers ?? [];

  // Nodes: the scenario's, then each newCapacity lever's, in lever order.
  const nodes: ScenarioNode[] = [...scenario.nodes];
  const newNodeLever: number[] = nodes.map(() => -1);
  const leverDraws: CompiledModel['leverDraws'] = [];
  levers.forEach((lever, k) => {
    if ('newCapacity' in lever) {
      for (const node of lever.newCapacity.nodes) {
        nodes.push(node);
        newNodeLever.push(k);
      }
      leverDraws.push({ lever: k, kind: 'commissioning', dist: compileDist(lever.newCapacity.commissioningMonths) });
    }
    if ('recycling' in lever) leverDraws.push({ lever: k, kind: 'recycling', dist: compileDist(lever.recycling.rate) });
  });
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const routeIndex = new Map((scenario.routes ?? []).map((r, i) => [r.id, i]));

  const stage = new Int8Array(n);
  const cap = new Float64Array(n);
  const yld = new Float64Array(n);
  const unitCost = new Float64Array(n);
  const invOpening = new Float64Array(n);
  const invMax = new Float64Array(n);
  const makers: number[] = [];
  const processors: number[] = [];
  const mines: number[] = [];
  const projects: CompiledProject[] = [];
  nodes.forEach((node, i) => {
    stage[i] = STAGE_INDEX[node.stage];
    cap[i] = node.capacity / ppy;
    yld[i] = node.stage === 'processing' ? (node.yield ?? 1) : 1;
    unitCost[i] = node.unitCost ?? 0;
    invOpening[i] = node.inventory?.opening ?? 0;
    invMax[i] = node.inventory?.max ?? 0;
    if (node.stage === 'manufacturing') makers.push(i);
    else if (node.stage === 'processing') processors.push(i);
    else mines.push(i);
    const lever = newNodeLever[i];
    if (node.stage === 'exploration' || lever >= 0) {
      projects.push({
        node: i,
        successProbability: lever >= 0 ? 1 : (node.successProbability ?? 1),
        lead: compileDist(lever >= 0 ? 0 : (node.leadTimeMonths ?? 0)),
        rampPeriods: toPeriods(node.rampMonths),
        lever,
      });
    }
  });
  const makerPos = new Int32Array(n).fill(-1);
  makers.forEach((m, k) => (makerPos[m] = k));

  // Links: every node's mix, then the new links of diversify levers.
  const drafts: LinkDraft[] = [];
  nodes.forEach((node, to) => {
    for (const s of node.sources ?? []) {
      drafts.push({
        from: index.get(s.from)!, to, share: s.share, transit: toPeriods(s.transitMonths),
        route: s.route === undefined ? -1 : routeIndex.get(s.route)!,
      });
    }
  });
  const country = nodes.map((x) => x.country);
  const diversify: CompiledDiversify[] = [];
  for (const lever of levers) {
    if (!('diversify' in lever)) continue;
    const d = compileDiversify(lever.diversify, drafts, { index, country, routeIndex, transit: toPeriods(lever.diversify.transitMonths) });
    d.qualificationPeriods = toPeriods(lever.diversify.qualificationMonths);
    diversify.push(d);
  }
  const linkFrom = Int32Array.from(drafts, (l) => l.from);
  const linkTo = Int32Array.from(drafts, (l) => l.to);
  const linkShare = Float64Array.from(drafts, (l) => l.share);
  const linkTransit = Int32Array.from(drafts, (l) => l.transit);
  const linkRoute = Int32Array.from(drafts, (l) => l.route);
  const maxTransit = drafts.reduce((m, l) => Math.max(m, l.transit), 0);
  const [buyerStart, buyerLinks] = csr(n, linkTo);
  const [sellerStart, sellerLinks] = csr(n, linkFrom);

  // The plan uses the strategy's nominal shares once all its diversify levers apply.
  const planShare = Float64Array.from(linkShare);
  for (const b of new Set(diversify.map((d) => d.buyer))) applyDiversify(planShare, linkShare, diversify, () => true, b, { buyerStart, buyerLinks });

  const demandFns = makers.map((m) => demandFunction(nodes[m]));
  const { planOffset, planWidth, demandPlan, plan, anticipation } = computePlan({
    periods, periodsPerYear: ppy, maxTransit, demandFns, makers, processors, mines, yld,
    linkFrom, linkTo, linkShare: planShare, linkTransit, buyerStart, buyerLinks, sellerStart, sellerLinks, nodeCount: n,
  });

  const targetContext: TargetContext = { ppy, index, routeIndex, nodes, stage, makerPos, linkFrom, linkTo, linkRoute };
  const disruptions = compileDisruptions(scenario.disruptions ?? [], targetContext);
  const stressPeriods = options.stress ? durationToPeriods(options.stress.months, ppy) : 0;
  const stressCuts = (options.stress?.targets ?? []).map((target, s): CompiledDisruption => {
    const [targetKind, targets] = resolveTarget({ id: `stress-${s}`, target, duration: options.stress!.months, severity: 1 }, targetContext);
    return {
      fileIndex: -1, id: `stress-${s}`, occurrence: OCCUR_STRESS, start: null, ratePerPeriod: 0, expMinusRate: 1, parent: -1, probability: 0,
      duration: compileDist(options.stress!.months), magnitude: compileDist(1), addedTransit: null, recoveryPeriods: 0, targetKind, targets,
    };
  });

  // Stockpiles, flexibility, recycling, substitution.
  const stockMax = new Float64Array(n);
  const stockRefill = new Float64Array(n);
  const stockHolding = new Float64Array(n);
  const flexFraction = new Float64Array(4);
  const flexDelay = new Int32Array(4);
  const recycling: CompiledModel['recycling'] = [];
  const subFraction = new Float64Array(makers.length);
  const subDelay = new Int32Array(makers.length);
  levers.forEach((lever, k) => {
    if ('stockpile' in lever) {
      const sp = lever.stockpile;
      const ids = sp.nodes ?? nodes.filter((x) => x.stage === sp.stage).map((x) => x.id);
      for (const id of ids) {
        const i = index.get(id)!;
        stockMax[i] = sp.units ?? ((sp.months ?? 0) * plan[i * planWidth + planOffset] * ppy) / 12;
        stockRefill[i] = ((sp.refillPerMonth ?? 0) * 12) / ppy;
        stockHolding[i] = (sp.holdingCostPerUnitYear ?? 0) / ppy;
      }
    }
    if ('flexibility' in lever) {
      const s = STAGE_INDEX[lever.flexibility.stage];
      flexFraction[s] = lever.flexibility.fraction;
      flexDelay[s] = toPeriods(lever.flexibility.delayMonths);
    }
    if ('recycling' in lever) {
      recycling.push({
        lever: k,
        nodes: Int32Array.from(lever.recycling.nodes, (id) => index.get(id)!),
        lag: toPeriods(lever.recycling.lagMonths),
        ramp: toPeriods(lever.recycling.rampMonths),
      });
    }
    if ('substitution' in lever) {
      for (const id of lever.substitution.nodes) {
        const pos = makerPos[index.get(id)!];
        subFraction[pos] = lever.substitution.fraction;
        subDelay[pos] = toPeriods(lever.substitution.delayMonths);
      }
    }
  });
  // Recycling before period 0 feeds on planned demand (model.md section 4).
  const recycleLagMax = recycling.reduce((m, r) => Math.max(m, r.lag), 0) + maxTransit + 1;
  const demandBefore = new Float64Array(recycleLagMax);
  for (let t = -recycleLagMax; t < 0; t++) {
    let total = 0;
    for (const fn of demandFns) total += fn((t * 12) / ppy) / ppy;
    demandBefore[t + recycleLagMax] = total;
  }

  const makerLever = Int32Array.from(makers, (m) => newNodeLever[m]);
  const leverStream = new Uint8Array(levers.length);
  for (const e of leverDraws) leverStream[e.lever] = 1;
  for (const lever of makerLever) if (lever >= 0) leverStream[lever] = 1;

  const cost = strategy?.cost ?? {};
  return {
    strategyId: strategy?.id ?? 'baseline',
    strategyName: strategy ? (strategy.name ?? strategy.id) : 'Baseline',
    periodsPerYear: ppy,
    periods,
    horizonMonths: scenario.horizonMonths,
    nodeIds: nodes.map((x) => x.id),
    nodeNames: nodes.map((x) => x.name ?? x.id),
    nodeCountry: country,
    stage, cap, yld, unitCost, invOpening, invMax,
    makers: Int32Array.from(makers),
    processors: Int32Array.from(processors),
    mines: Int32Array.from(mines),
    makerPos,
    projects,
    makerNoise: makers.map((m) => (nodes[m].demandNoise === undefined ? null : compileDist(nodes[m].demandNoise!))),
    planOffset, planWidth, demandPlan, plan,
    linkFrom, linkTo, linkShare, linkTransit, linkRoute,
    buyerStart, buyerLinks, sellerStart, sellerLinks,
    maxTransit, anticipation,
    disruptions,
    disruptionCount: (scenario.disruptions ?? []).length,
    stressCuts,
    stressPeriods,
    flowPlan: null,
    flowLinkStart: new Int32Array(0),
    flowLinkGroups: new Int32Array(0),
    capex: cost.capex ?? 0,
    opexTotal: ((cost.opexPerYear ?? 0) * scenario.horizonMonths) / 12,
    leverCount: levers.length,
    leverStream,
    makerLever,
    leverDraws,
    diversify,
    stockMax, stockRefill, stockHolding,
    flexFraction, flexDelay,
    recycling, recycleLagMax, demandBefore,
    subFraction, subDelay,
  };
}

/** Groups item indices by key into a compressed sparse row layout: [start (keys + 1), items]. */
function csr(keys: number, keyOf: Int32Array): [Int32Array, Int32Array] {
  const start = new Int32Array(keys + 1);
  for (let i = 0; i < keyOf.length; i++) start[keyOf[i] + 1]++;
  for (let k = 0; k < keys; k++) start[k + 1] += start[k];
  const fill = start.slice(0, keys);
  const items = new Int32Array(keyOf.length);
  for (let i = 0; i < keyOf.length; i++) items[fill[keyOf[i]]++] = i;
  return [start, items];
}

interface TargetContext {
  ppy: number;
  index: Map<string, number>;
  routeIndex: Map<string, number>;
  nodes: ScenarioNode[];
  stage: Int8Array;
  makerPos: Int32Array;
  linkFrom: Int32Array;
  linkTo: Int32Array;
  linkRoute: Int32Array;
}

function compileDisruptions(list: Disruption[], ctx: TargetContext): CompiledDisruption[] {
  const order = disruptionOrder(list);
  const position = new Map(order.map((fileIndex, k) => [list[fileIndex].id, k]));
  return order.map((fileIndex) => {
    const d = list[fileIndex];
    const [targetKind, targets] = resolveTarget(d, ctx);
    let occurrence = OCCUR_SCRIPTED;
    let ratePerPeriod = 0;
    if (d.ratePerYear !== undefined) {
      occurrence = OCCUR_POISSON;
      ratePerPeriod = d.ratePerYear / ctx.ppy;
    } else if (d.probabilityPerYear !== undefined) {
      occurrence = OCCUR_POISSON;
      ratePerPeriod = -log(1 - d.probabilityPerYear) / ctx.ppy;
    } else if (d.correlatedWith !== undefined) {
      occurrence = OCCUR_CORRELATED;
    }
    return {
      fileIndex,
      id: d.id,
      occurrence,
      start: d.start === undefined ? null : compileDist(d.start),
      ratePerPeriod,
      expMinusRate: exp(-ratePerPeriod),
      parent: d.correlatedWith ? position.get(d.correlatedWith.id)! : -1,
      probability: d.correlatedWith?.probability ?? 0,
      duration: compileDist(d.duration),
      magnitude: compileDist((targetKind === TARGET_DEMAND ? d.change : d.severity) ?? 0),
      addedTransit: d.addedTransitMonths === undefined ? null : compileDist(d.addedTransitMonths),
      recoveryPeriods: monthsToPeriods(d.recoveryMonths ?? 0, ctx.ppy),
      targetKind,
      targets,
    };
  });
}

/** Resolves a target to the node, link or maker indices it hits (model.md section 3). */
function resolveTarget(d: Disruption, ctx: TargetContext): [number, Int32Array] {
  const t = d.target;
  if ('demand' in t) {
    const makerIds = t.nodes ?? ctx.nodes.filter((x) => x.stage === 'manufacturing').map((x) => x.id);
    return [TARGET_DEMAND, Int32Array.from(makerIds.map((id) => ctx.makerPos[ctx.index.get(id)!]).filter((k) => k >= 0))];
  }
  if ('route' in t) {
    const r = ctx.routeIndex.get(t.route)!;
    const hit: number[] = [];
    ctx.linkRoute.forEach((route, l) => route === r && hit.push(l));
    return [TARGET_LINKS, Int32Array.from(hit)];
  }
  if ('country' in t) {
    const stages = new Set((t.stages ?? ['exploration', 'extraction', 'processing', 'manufacturing']).map((s) => STAGE_INDEX[s]));
    const matches = (i: number) => ctx.nodes[i].country === t.country && stages.has(ctx.stage[i]);
    if (t.exportsOnly) {
      const hit: number[] = [];
      for (let l = 0; l < ctx.linkFrom.length; l++) {
        if (matches(ctx.linkFrom[l]) && ctx.nodes[ctx.linkTo[l]].country !== t.country) hit.push(l);
      }
      return [TARGET_LINKS, Int32Array.from(hit)];
    }
    const hit: number[] = [];
    ctx.nodes.forEach((_, i) => matches(i) && hit.push(i));
    return [TARGET_NODES, Int32Array.from(hit)];
  }
  const ids = 'node' in t ? [t.node] : t.nodes;
  return [TARGET_NODES, Int32Array.from(ids.map((id) => ctx.index.get(id)).filter((i): i is number => i !== undefined))];
}
