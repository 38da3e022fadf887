/**
 * One trial of one strategy: every step of model.md section 2 over flat typed arrays, with the events of
 * section 3 and the levers of section 4, each drawn from the trial's own streams (section 5).
 * Nothing is allocated per period.
 */
import { createRng, streamSeed, type Rng } from '../../../src/random/rng.ts';
import { poissonCount, sample } from '../../../src/random/distributions.ts';
import { durationToPeriods, monthsToPeriods } from '../../../src/model/time.ts';
import { timeToRecover } from '../../../src/stats/time-to-recover.ts';
import * as C from '../../../src/engine/compiled-model.ts';
import type { CompiledModel } from '../../../src/engine/compiled-model.ts';
import { applyDiversify } from '../../../src/engine/levers/diversify.ts';
import type { TrialState } from './reference-state.ts';

// The outcome, options and trace types are the engine's: the reference fills the same records.
export { createOutcome, type TrialLedger, type TrialOptions, type TrialOutcome } from '../../../src/engine/simulate-trial.ts';
export { createTrace, type TrialTrace } from '../../../src/engine/trial-trace.ts';
import type { TrialLedger, TrialOptions, TrialOutcome } from '../../../src/engine/simulate-trial.ts';
import type { TrialTrace } from '../../../src/engine/trial-trace.ts';
import { createOutcome } from '../../../src/engine/simulate-trial.ts';

// Module-level copies: the hot loop reads plain constants, never an imported binding.
const OCCUR_CORRELATED = C.OCCUR_CORRELATED;
const OCCUR_POISSON = C.OCCUR_POISSON;
const OCCUR_SCRIPTED = C.OCCUR_SCRIPTED;
const STAGE_MANUFACTURING = C.STAGE_MANUFACTURING;
const STAGE_PROCESSING = C.STAGE_PROCESSING;
const TARGET_DEMAND = C.TARGET_DEMAND;
const TARGET_LINKS = C.TARGET_LINKS;
const TARGET_NODES = C.TARGET_NODES;
const FLEX_STAGES = [STAGE_MANUFACTURING, STAGE_PROCESSING];
const NEVER = 0x3fffffff;
const EPS = 1e-12;
const unseeded: Rng = () => {
  throw new Error('a trial draws only from its own seeded streams');
};

/** Simulates trial `opts.trial` of the model into `out` (and s.fulfilment). For many trials, reuse createTrialRunner. */
export function simulateTrial(model: CompiledModel, s: TrialState, opts: TrialOptions, out: TrialOutcome): void {
  createTrialRunner(model, s)(opts, out);
}

/** Everything a trial reads and writes: the model, the buffers and this trial's options, in one object of fixed shape. */
interface Sim {
  model: CompiledModel;
  s: TrialState;
  H: number;
  ppy: number;
  N: number;
  K: number;
  G: number;
  W: number;
  OFF: number;
  makers: CompiledModel['makers'];
  processors: CompiledModel['processors'];
  mines: CompiledModel['mines'];
  linkFrom: CompiledModel['linkFrom'];
  linkTo: CompiledModel['linkTo'];
  linkTransit: CompiledModel['linkTransit'];
  buyerStart: CompiledModel['buyerStart'];
  buyerLinks: CompiledModel['buyerLinks'];
  sellerStart: CompiledModel['sellerStart'];
  sellerLinks: CompiledModel['sellerLinks'];
  cap: CompiledModel['cap'];
  yld: CompiledModel['yld'];
  invMax: CompiledModel['invMax'];
  anticipation: CompiledModel['anticipation'];
  demandPlan: CompiledModel['demandPlan'];
  projects: CompiledModel['projects'];
  disruptions: CompiledModel['disruptions'];
  stockMax: CompiledModel['stockMax'];
  stockRefill: CompiledModel['stockRefill'];
  stockHolding: CompiledModel['stockHolding'];
  flexFraction: CompiledModel['flexFraction'];
  flexDelay: CompiledModel['flexDelay'];
  recycling: CompiledModel['recycling'];
  subFraction: CompiledModel['subFraction'];
  subDelay: CompiledModel['subDelay'];
  aNode: TrialState['aNode'];
  aLink: TrialState['aLink'];
  addTransit: TrialState['addTransit'];
  demandMult: TrialState['demandMult'];
  online: TrialState['online'];
  onlineAt: TrialState['onlineAt'];
  avail: TrialState['avail'];
  share: TrialState['share'];
  req: TrialState['req'];
  want: TrialState['want'];
  shippedLink: TrialState['shippedLink'];
  reqIn: TrialState['reqIn'];
  treq: TrialState['treq'];
  treqIn: TrialState['treqIn'];
  arrivals: TrialState['arrivals'];
  refillArrivals: TrialState['refillArrivals'];
  inventory: TrialState['inventory'];
  refillInTransit: TrialState['refillInTransit'];
  refillNow: TrialState['refillNow'];
  inputLeft: TrialState['inputLeft'];
  shippedOut: TrialState['shippedOut'];
  shippedTotal: TrialState['shippedTotal'];
  recycled: TrialState['recycled'];
  stock: TrialState['stock'];
  demand: TrialState['demand'];
  delivered: TrialState['delivered'];
  fulfilment: TrialState['fulfilment'];
  deliveredHistory: TrialState['deliveredHistory'];
  flexCount: TrialState['flexCount'];
  subCount: TrialState['subCount'];
  scratch: TrialState['scratch'];
  makerShortfallTotal: TrialState['makerShortfallTotal'];
  makerDemandTotal: TrialState['makerDemandTotal'];
  M: number;
  P: number;
  D: number;
  hasRefill: boolean;
  hasStock: boolean;
  hasFlex: boolean;
  hasRecycling: boolean;
  hasSubstitution: boolean;
  quiet: boolean;
  /** whether the later tiers' request arrays hold anything to clear */
  tierUsed: boolean;
  mask: Uint8Array | null;
  cutLink: number;
  trace: TrialTrace | undefined;
  led: TrialLedger;
  dRng: Rng;
  wRng: Rng;
  /** this trial's lever streams, by lever index */
  leverRngs: Rng[];
  makerLever: CompiledModel['makerLever'];
}

/** Builds the context of a model and its buffers. */
function createSim(model: CompiledModel, s: TrialState): Sim {
  const { stockMax, stockRefill, flexFraction, recycling, subFraction } = model;
  let hasRefill = false;
  let hasStock = false;
  for (let i = 0; i < model.nodeIds.length; i++) {
    if (model.invMax[i] > 0 || (stockMax[i] > 0 && stockRefill[i] > 0)) hasRefill = true;
    if (stockMax[i] > 0) hasStock = true;
  }
  let hasSubstitution = false;
  for (let k = 0; k < model.makers.length; k++) if (subFraction[k] > 0) hasSubstitution = true;
  return {
    model, s,
    H: model.periods, ppy: model.periodsPerYear, N: model.nodeIds.length, K: model.maxTransit,
    G: model.periods + model.maxTransit, W: model.planWidth, OFF: model.planOffset,
    makers: model.makers, processors: model.processors, mines: model.mines, linkFrom: model.linkFrom, linkTo: model.linkTo, linkTransit: model.linkTransit, buyerStart: model.buyerStart, buyerLinks: model.buyerLinks, sellerStart: model.sellerStart, sellerLinks: model.sellerLinks, cap: model.cap, yld: model.yld, invMax: model.invMax, anticipation: model.anticipation, demandPlan: model.demandPlan, projects: model.projects, disruptions: model.disruptions, stockMax: model.stockMax, stockRefill: model.stockRefill, stockHolding: model.stockHolding, flexFraction: model.flexFraction, flexDelay: model.flexDelay, recycling: model.recycling, subFraction: model.subFraction, subDelay: model.subDelay,
    aNode: s.aNode, aLink: s.aLink, addTransit: s.addTransit, demandMult: s.demandMult, online: s.online, onlineAt: s.onlineAt, avail: s.avail, share: s.share, req: s.req, want: s.want, shippedLink: s.shippedLink, reqIn: s.reqIn, treq: s.treq, treqIn: s.treqIn, arrivals: s.arrivals, refillArrivals: s.refillArrivals, inventory: s.inventory, refillInTransit: s.refillInTransit, refillNow: s.refillNow, inputLeft: s.inputLeft, shippedOut: s.shippedOut, shippedTotal: s.shippedTotal, recycled: s.recycled, stock: s.stock, demand: s.demand, delivered: s.delivered, fulfilment: s.fulfilment, deliveredHistory: s.deliveredHistory, flexCount: s.flexCount, subCount: s.subCount, scratch: s.scratch, makerShortfallTotal: s.makerShortfallTotal, makerDemandTotal: s.makerDemandTotal,
    M: model.makers.length, P: model.processors.length, D: model.disruptions.length,
    hasRefill, hasStock, hasRecycling: recycling.length > 0, hasSubstitution,
    hasFlex: flexFraction[STAGE_MANUFACTURING] > 0 || flexFraction[STAGE_PROCESSING] > 0,
    quiet: false, tierUsed: true, mask: null, cutLink: -1, trace: undefined, led: createOutcome().ledger, dRng: unseeded, wRng: unseeded,
    leverRngs: new Array<Rng>(model.leverCount).fill(unseeded), makerLever: model.makerLever,
  };
}

/** A function that simulates one trial of the model into `out` (and s.fulfilment, chain fulfilment per period); its helpers are made once. */
export function createTrialRunner(model: CompiledModel, s: TrialState): (opts: TrialOptions, out: TrialOutcome) => void {
  const c = createSim(model, s);
  return (opts, out) => runTrial(c, opts, out);
}

/** One trial: every step of model.md section 2 in order. */
function runTrial(c: Sim, opts: TrialOptions, out: TrialOutcome): void {
  c.quiet = opts.quiet === true;
  c.mask = opts.mask ?? null;
  c.cutLink = opts.cutLink ?? -1;
  c.trace = opts.trace;
  c.led = out.ledger;
  c.dRng = createRng(streamSeed.disruptions(opts.seed, opts.trial));
  c.wRng = createRng(streamSeed.world(opts.seed, opts.trial));
  const { model, s, H, ppy, N, K, W, OFF, makers, processors, mines, linkTo, linkTransit, sellerStart, sellerLinks, cap, yld, invMax, demandPlan, projects, disruptions, stockMax, stockHolding, recycling, subFraction, subDelay, makerLever, aNode, aLink, addTransit, demandMult, online, onlineAt, avail, share, req, reqIn, arrivals, refillArrivals, inventory, refillInTransit, refillNow, inputLeft, shippedOut, shippedTotal, recycled, stock, demand, delivered, fulfilment, deliveredHistory, flexCount, subCount, makerShortfallTotal, makerDemandTotal, M, P, D, hasRefill, hasStock, hasFlex, hasRecycling, hasSubstitution, quiet, cutLink, trace, led, dRng, wRng } = c;
  if (trace) trace.linkCarried.fill(0);
  led.extracted = led.recycled = led.inTransitStart = led.delivered = led.closing = led.inTransitEnd = led.yieldLoss = led.excess = 0;

  arrivals.fill(0);
  refillArrivals.fill(0);
  refillInTransit.fill(0);
  shippedTotal.fill(0);
  recycled.fill(0);
  flexCount.fill(0);
  subCount.fill(0);
  inventory.set(model.invOpening);
  stock.set(stockMax);
  share.set(model.linkShare);
  online.fill(1);
  onlineAt.fill(0);
  s.evDisruption.length = s.evStart.length = s.evEnd.length = s.evRecoveryEnd.length = 0;
  s.evMagnitude.length = s.evAdded.length = s.live.length = s.starts.length = 0;
  let opening = 0;
  for (let i = 0; i < N; i++) opening += inventory[i] + stock[i];
  led.opening = opening;

  // World stream: each exploration project in file order, success then lead time, always both.
  for (const p of projects) {
    if (p.lever >= 0) continue;
    const u = wRng();
    const lead = Math.max(0, sample(p.lead, wRng));
    onlineAt[p.node] = u < p.successProbability ? monthsToPeriods(lead, ppy) : NEVER;
  }
  // Lever streams: lever k's draws once per trial; a newCapacity lever's stream then gives its new makers' noise.
  const leverRngs = c.leverRngs;
  for (let k = 0; k < model.leverCount; k++) leverRngs[k] = model.leverStream[k] ? createRng(streamSeed.lever(opts.seed, opts.trial, k)) : unseeded;
  for (const e of model.leverDraws) {
    const v = sample(e.dist, leverRngs[e.lever]);
    if (e.kind === 'commissioning') {
      const at = monthsToPeriods(Math.max(0, v), ppy);
      for (const p of projects) if (p.lever === e.lever) onlineAt[p.node] = at;
    } else {
      recycling.forEach((r, j) => r.lever === e.lever && (s.recycleRate[j] = Math.min(1, Math.max(0, v))));
    }
  }
  // Diversify applies qualification after its last `to` node is online.
  model.diversify.forEach((d, k) => {
    let last = 0;
    for (const node of d.toNodes) last = Math.max(last, onlineAt[node]);
    s.switchAt[k] = last >= NEVER ? NEVER : last + d.qualificationPeriods;
    s.diversifyActive[k] = 0;
  });
  switchDiversify(c, 0, true);


  // Disruption stream: every scripted start, in file order.
  if (!quiet) {
    for (let f = 0; f < model.disruptionCount; f++) {
      for (let j = 0; j < D; j++) {
        const dj = disruptions[j];
        if (dj.fileIndex === f && dj.occurrence === OCCUR_SCRIPTED) {
          s.scriptedStart[j] = monthsToPeriods(Math.max(0, sample(dj.start!, dRng)), ppy);
        }
      }
    }
  }

  // Steady-state start: what step 3 would have requested in periods -K..-1, planned demand, no events.
  setOnline(c, 0);
  for (let i = 0; i < N; i++) avail[i] = cap[i] * online[i];
  aLink.fill(1);
  for (let t = -K; t < 0; t++) {
    reqIn.fill(0);
    if (hasRecycling) recycle(c, t);
    for (let k = 0; k < M; k++) demand[k] = demandPlan[k * W + t + OFF];
    for (let k = 0; k < M; k++) request(c, makers[k], t);
    for (let q = 0; q < P; q++) request(c, processors[q], t);
    for (let i = 0; i < N; i++) {
      const total = reqIn[i];
      if (!(total > 0)) continue;
      const ratio = Math.min(total, avail[i]) / total;
      for (let j = sellerStart[i]; j < sellerStart[i + 1]; j++) {
        const l = sellerLinks[j];
        const at = t + linkTransit[l];
        if (at < 0) continue;
        const amount = req[l] * ratio;
        led.inTransitStart += amount;
        if (at < H) arrivals[linkTo[l] * H + at] += amount;
        else led.inTransitEnd += amount;
      }
    }
  }
  recycled.fill(0);

  let totalShortfall = 0;
  makerShortfallTotal.fill(0);
  makerDemandTotal.fill(0);
  let totalDemand = 0;
  let totalSubstituted = 0;
  let holding = 0;
  let worst = 1;
  let eventsLive = false;
  aNode.fill(1);
  aLink.fill(1);
  addTransit.fill(0);
  demandMult.fill(1);

  for (let t = 0; t < H; t++) {
    // 1. Events, online status and ramps, levers that switch now.
    if (!quiet) drawEvents(c, t);
    if (eventsLive || s.live.length > 0 || cutLink >= 0) {
      aNode.fill(1);
      aLink.fill(1);
      addTransit.fill(0);
      demandMult.fill(1);
      eventsLive = applyEvents(c, t);
      if (cutLink >= 0) aLink[cutLink] = 0;
    }
    setOnline(c, t);
    for (let i = 0; i < N; i++) avail[i] = cap[i] * aNode[i] * online[i];
    if (t > 0) switchDiversify(c, t, false);

    // Refills that arrive now go to the inventory first, then (at a maker) to the stockpile; the rest joins the input.
    if (hasRefill) {
      for (let i = 0; i < N; i++) {
        const r = refillArrivals[i * H + t];
        if (r === 0) continue;
        refillInTransit[i] = Math.max(0, refillInTransit[i] - r);
        const toInventory = Math.min(r, Math.max(0, invMax[i] - inventory[i]));
        inventory[i] += toInventory;
        const toStock = model.makerPos[i] >= 0 ? Math.min(r - toInventory, Math.max(0, stockMax[i] - stock[i])) : 0;
        stock[i] += toStock;
        arrivals[i * H + t] += r - toInventory - toStock;
      }
    }
    refillNow.fill(0);

    // 2. Demand: noise for every maker every period (a new maker's from its lever's stream, even before it is
    // online), but a new maker has demand only once it is online.
    for (let k = 0; k < M; k++) {
      const noise = model.makerNoise[k];
      const lever = makerLever[k];
      const x = noise === null || quiet ? 1 : Math.max(0, sample(noise, lever < 0 ? wRng : leverRngs[lever]));
      demand[k] = onlineAt[makers[k]] <= t ? demandPlan[k * W + t + OFF] * x * demandMult[k] : 0;
    }

    // 3. Requests go upstream, makers first.
    if (hasRecycling) recycle(c, t);
    reqIn.fill(0);
    for (let k = 0; k < M; k++) request(c, makers[k], t);
    for (let q = 0; q < P; q++) request(c, processors[q], t);

    // 4. Flows go downstream, mines first; a short source serves pro rata; a stockpile covers what it could not.
    for (let q = 0; q < mines.length; q++) {
      const i = mines[q];
      const total = reqIn[i];
      const x = Math.min(total, avail[i]);
      shippedOut[i] = x;
      if (x > 0) {
        shipTier1(c, i, t);
        shippedTotal[i] += x;
        led.extracted += x;
      } else clearShipped(c, i);
      if (stockMax[i] > 0) coverFromStock(c, i, t);
    }
    for (let q = 0; q < P; q++) {
      const i = processors[q];
      const input = arrivals[i * H + t] + inventory[i] + recycled[i];
      const y = yld[i];
      const used = Math.min(input, avail[i] / y, reqIn[i] / y);
      const output = used * y;
      led.yieldLoss += used - output;
      inputLeft[i] = input - used;
      shippedOut[i] = output;
      if (output > 0) {
        shipTier1(c, i, t);
        shippedTotal[i] += output;
      } else clearShipped(c, i);
      if (stockMax[i] > 0) coverFromStock(c, i, t);
    }
    // 5. Makers deliver from arrivals, then inventory, then stockpile, at most min(d, c).
    for (let k = 0; k < M; k++) {
      const i = makers[k];
      const input = arrivals[i * H + t] + inventory[i];
      const limit = Math.min(demand[k], avail[i]);
      let d = Math.min(input, limit);
      inputLeft[i] = input - d;
      if (d < limit && stock[i] > 0) {
        const fromStock = Math.min(stock[i], limit - d);
        stock[i] -= fromStock;
        d += fromStock;
      }
      delivered[k] = d;
      shippedOut[i] = d;
    }

    // 6. Tier 2: flexibility's re-asks; tier 3: refills.
    if (hasFlex) flexTier(c, t);
    if (hasRefill) refillTier(c, t);

    // 7. Stock: unused input to the inventory up to its max, refills beyond it to a maker's stockpile, the rest is excess.
    for (let q = 0; q < P; q++) keepStock(c, processors[q], false);
    let periodDemand = 0;
    let periodDelivered = 0;
    for (let k = 0; k < M; k++) {
      const i = makers[k];
      keepStock(c, i, true);
      const d = demand[k];
      const del = delivered[k];
      shippedTotal[i] += del;
      let short = d - del;
      if (short < 1e-9 * d) short = 0;
      if (hasSubstitution && subFraction[k] > 0) {
        subCount[k] = short > 0 ? subCount[k] + 1 : 0;
        if (subCount[k] > subDelay[k]) {
          const sub = Math.min(short, subFraction[k] * d);
          totalSubstituted += sub;
          short -= sub;
          if (short < 1e-9 * d) short = 0;
        }
      }
      totalShortfall += short;
      makerShortfallTotal[k] += short;
      makerDemandTotal[k] += d;
      periodDemand += d;
      periodDelivered += del;
      if (trace) {
        trace.makerDemand[k * H + t] = d;
        trace.makerDelivered[k * H + t] = del;
        trace.makerShortfall[k * H + t] = short;
      }
    }
    if (hasStock) for (let i = 0; i < N; i++) holding += stock[i] * stockHolding[i];
    deliveredHistory[t] = periodDelivered;
    led.delivered += periodDelivered;
    totalDemand += periodDemand;
    const f = periodDemand > 0 ? periodDelivered / periodDemand : 1;
    fulfilment[t] = f;
    if (f < worst) worst = f;
    if (trace) {
      for (let i = 0; i < N; i++) {
        trace.shipped[i * H + t] = shippedOut[i];
        trace.capacity[i * H + t] = avail[i];
        trace.stock[i * H + t] = stock[i];
        trace.inventory[i * H + t] = inventory[i];
      }
      const linkCount = c.linkFrom.length;
      for (let l = 0; l < linkCount; l++) {
        trace.linkShipped[l * H + t] = c.shippedLink[l];
        trace.linkCarried[l * H + t] += c.shippedLink[l];
        trace.linkAsk[l * H + t] = c.want[l];
        trace.linkAvailability[l * H + t] = aLink[l];
      }
    }
  }

  let closing = 0;
  for (let i = 0; i < N; i++) closing += inventory[i] + stock[i];
  led.closing = closing;
  let supplyCost = 0;
  for (let i = 0; i < N; i++) supplyCost += shippedTotal[i] * model.unitCost[i];

  out.shortfall = totalShortfall;
  out.demand = totalDemand;
  out.worstFulfilment = worst;
  out.substituted = totalSubstituted;
  out.cost = model.capex + model.opexTotal + holding + supplyCost;
  const ttr = timeToRecover(fulfilment, s.starts, ppy);
  out.ttrStatus = ttr.status;
  out.ttrMonths = ttr.months;

}


function setOnline(c: Sim, t: number): void {
  const { projects, online, onlineAt } = c;
  for (let q = 0; q < projects.length; q++) {
    const p = projects[q];
    const at = onlineAt[p.node];
    online[p.node] = t < at ? 0 : p.rampPeriods > 0 ? Math.min(1, (t - at + 1) / p.rampPeriods) : 1;
  }
}

/**
 * Step 3 for buyer b: r_l = share'_l x max(0, min(need, c) / yield x g - rec) x a_l, the need being a maker's
 * demand or what a processing node was asked. (Only integers cross calls in the hot loop: V8 boxes double arguments.)
 */
function request(c: Sim, b: number, t: number): void {
  const { K, G, linkFrom, buyerStart, buyerLinks, yld, anticipation, aLink, online, avail, share, req, want, reqIn, recycled, model, demand } = c;
  const k = model.makerPos[b];
  const need = k >= 0 ? demand[k] : reqIn[b];
  const lo = buyerStart[b];
  const hi = buyerStart[b + 1];
  let sum = 0;
  for (let j = lo; j < hi; j++) {
    const l = buyerLinks[j];
    sum += share[l] * online[linkFrom[l]];
  }
  const base = Math.min(need, avail[b]) / yld[b];
  const rec = recycled[b];
  const ti = t + K;
  for (let j = lo; j < hi; j++) {
    const l = buyerLinks[j];
    let w = 0;
    if (sum > 0) {
      const x = base * anticipation[l * G + ti] - rec;
      if (x > 0) w = ((share[l] * online[linkFrom[l]]) / sum) * x;
    }
    want[l] = w;
    const r = w * aLink[l];
    req[l] = r;
    reqIn[linkFrom[l]] += r;
  }
}

/** Recycled input of period t at each recycling node (model.md section 4). */
function recycle(c: Sim, t: number): void {
  const { model, s, processors, recycling, recycled, deliveredHistory, P, led } = c;
  for (let q = 0; q < P; q++) recycled[processors[q]] = 0;
  for (let j = 0; j < recycling.length; j++) {
    const r = recycling[j];
    const ramp = r.ramp > 0 ? Math.min(1, Math.max(0, (t - r.lag + 1) / r.ramp)) : 1;
    // Delivered in period t - lag; a lag under one period reads the last period, as this one is not delivered yet.
    const from = t - Math.max(1, r.lag);
    const base = from >= 0 ? deliveredHistory[from] : model.demandBefore[from + model.recycleLagMax];
    const amount = (s.recycleRate[j] * ramp * base) / r.nodes.length;
    for (let q = 0; q < r.nodes.length; q++) recycled[r.nodes[q]] += amount;
  }
  if (t >= 0) for (let q = 0; q < P; q++) led.recycled += recycled[processors[q]];
}

/** Applies diversify levers whose switch period has come (all those due by period 0 at the start). */
function switchDiversify(c: Sim, t: number, start: boolean): void {
  const { model, s, share } = c;
  const levers = model.diversify;
  for (let k = 0; k < levers.length; k++) {
    const at = s.switchAt[k];
    if (s.diversifyActive[k] === 1 || (start ? at > 0 : at !== t)) continue;
    s.diversifyActive[k] = 1;
    applyDiversify(share, model.linkShare, levers, (j) => s.diversifyActive[j] === 1, levers[k].buyer, model);
  }
}

/** Where material shipped over link l in period t lands in `arrivals`, or -1 past the horizon. */
function arrivalIndex(c: Sim, l: number, t: number): number {
  const { H, linkTo, linkTransit, addTransit } = c;
  const at = t + linkTransit[l] + addTransit[l];
  return at < H ? linkTo[l] * H + at : -1;
}

/** Empties the later tiers' requests, only when some were made: most periods need no later tier. */
function clearTier(c: Sim): void {
  if (!c.tierUsed) return;
  c.treq.fill(0);
  c.treqIn.fill(0);
  c.tierUsed = false;
}

/**
 * A later tier's shipments of node i: scratch[i] units shared pro rata over its customers' tier requests.
 * What arrives this period joins the input now; a refill is tracked as in transit.
 */
function shipTier(c: Sim, i: number, t: number, refill: boolean): void {
  const { H, sellerStart, sellerLinks, linkTo, linkTransit, addTransit, treq, treqIn, arrivals, refillArrivals, refillInTransit, refillNow, inputLeft, scratch, led } = c;
  const ratio = scratch[i] / treqIn[i];
  for (let j = sellerStart[i]; j < sellerStart[i + 1]; j++) {
    const l = sellerLinks[j];
    const amount = treq[l] * ratio;
    if (!(amount > 0)) continue;
    if (c.trace) c.trace.linkCarried[l * H + t] += amount;
    const to = linkTo[l];
    const at = t + linkTransit[l] + addTransit[l];
    if (at === t) {
      if (refill) refillNow[to] += amount;
      else inputLeft[to] += amount;
    } else if (refill) {
      refillInTransit[to] += amount;
      if (at < H) refillArrivals[to * H + at] += amount;
      else led.inTransitEnd += amount;
    } else if (at < H) arrivals[to * H + at] += amount;
    else led.inTransitEnd += amount;
  }
}

/** Tier-1 shipments of node i, what it shipped (shippedOut) shared pro rata over its customers' requests. */
function shipTier1(c: Sim, i: number, t: number): void {
  const { sellerStart, sellerLinks, req, reqIn, shippedOut, shippedLink, arrivals, led } = c;
  const ratio = shippedOut[i] / reqIn[i];
  for (let j = sellerStart[i]; j < sellerStart[i + 1]; j++) {
    const l = sellerLinks[j];
    const amount = req[l] * ratio;
    shippedLink[l] = amount;
    if (amount > 0) {
      const a = arrivalIndex(c, l, t);
      if (a >= 0) arrivals[a] += amount;
      else led.inTransitEnd += amount;
    }
  }
}

function clearShipped(c: Sim, i: number): void {
  const { sellerStart, sellerLinks, shippedLink } = c;
  for (let j = sellerStart[i]; j < sellerStart[i + 1]; j++) shippedLink[sellerLinks[j]] = 0;
}

/** A stockpile at a mine or processing node covers its customers' unmet tier-1 requests pro rata. */
function coverFromStock(c: Sim, i: number, t: number): void {
  const { stock, shippedTotal, scratch } = c;
  if (!(stock[i] > 0)) return;
  const unmet = unmetRequests(c, i);
  if (!(unmet > EPS)) return;
  const x = Math.min(unmet, stock[i]);
  stock[i] -= x;
  shippedTotal[i] += x;
  scratch[i] = x;
  shipToUnmet(c, i, t, false);
}

/** What node i's customers asked in tier 1 and did not get. */
function unmetRequests(c: Sim, i: number): number {
  const { sellerStart, sellerLinks, req, shippedLink } = c;
  let unmet = 0;
  for (let j = sellerStart[i]; j < sellerStart[i + 1]; j++) unmet += Math.max(0, req[sellerLinks[j]] - shippedLink[sellerLinks[j]]);
  return unmet;
}

/**
 * Ships scratch[i] units of node i to its customers' unmet tier-1 requests, pro rata. During step 4 what
 * arrives this period lands in the arrivals the next stage reads; in a later tier (`late`) it joins the input now.
 */
function shipToUnmet(c: Sim, i: number, t: number, late: boolean): void {
  const { H, sellerStart, sellerLinks, linkTo, linkTransit, addTransit, req, shippedLink, arrivals, inputLeft, scratch, led } = c;
  const unmet = unmetRequests(c, i);
  const x = scratch[i];
  for (let j = sellerStart[i]; j < sellerStart[i + 1]; j++) {
    const l = sellerLinks[j];
    const part = (Math.max(0, req[l] - shippedLink[l]) * x) / unmet;
    if (!(part > 0)) continue;
    shippedLink[l] += part;
    const at = t + linkTransit[l] + addTransit[l];
    if (late && at === t) inputLeft[linkTo[l]] += part;
    else if (at < H) arrivals[linkTo[l] * H + at] += part;
    else led.inTransitEnd += part;
  }
}

function keepStock(c: Sim, i: number, toStockpile: boolean): void {
  const { invMax, stockMax, inventory, refillNow, inputLeft, stock, led } = c;
  const total = inputLeft[i] + refillNow[i];
  const keep = Math.min(invMax[i], total);
  inventory[i] = keep;
  let over = total - keep;
  if (toStockpile && over > 0 && refillNow[i] > 0) {
    const x = Math.min(over, refillNow[i], Math.max(0, stockMax[i] - stock[i]));
    stock[i] += x;
    over -= x;
  }
  led.excess += over;
}

function unusedCapacity(c: Sim, i: number): number {
  const { avail, shippedOut } = c;
  return Math.max(0, avail[i] - shippedOut[i]);
}

/**
 * Splits a later tier's request of scratch[b] units by buyer b by share' (no g, no cap); a pass-on uses only
 * transit-0 links. A cut link (a_l < 1) carries only its tier-1 request: its part is dropped, not spread.
 */
function tierRequest(c: Sim, b: number, passOn: boolean): void {
  const { linkFrom, linkTransit, buyerStart, buyerLinks, aLink, addTransit, online, share, treq, treqIn, scratch } = c;
  const amount = scratch[b];
  if (!(amount > EPS)) return;
  const lo = buyerStart[b];
  const hi = buyerStart[b + 1];
  let sum = 0;
  for (let j = lo; j < hi; j++) sum += share[buyerLinks[j]] * online[linkFrom[buyerLinks[j]]];
  if (!(sum > 0)) return;
  for (let j = lo; j < hi; j++) {
    const l = buyerLinks[j];
    if (aLink[l] !== 1 || (passOn && (linkTransit[l] !== 0 || addTransit[l] !== 0))) continue;
    const r = ((share[l] * online[linkFrom[l]]) / sum) * amount;
    treq[l] += r;
    treqIn[linkFrom[l]] += r;
    c.tierUsed = true;
  }
}

/** Processing nodes short of input for their tier requests pass what they miss on to their sources. */
function passOnShortInput(c: Sim): void {
  const { processors, yld, treqIn, inputLeft, scratch, P } = c;
  for (let q = 0; q < P; q++) {
    const i = processors[q];
    const total = treqIn[i];
    if (!(total > 0)) continue;
    scratch[i] = (Math.min(total, unusedCapacity(c, i)) - inputLeft[i] * yld[i]) / yld[i];
    tierRequest(c, i, true);
  }
}

/** Mines serve the tier's requests pro rata from unused capacity. */
function minesServe(c: Sim, t: number, refill: boolean): void {
  const { mines, treqIn, shippedOut, shippedTotal, scratch, led } = c;
  for (let q = 0; q < mines.length; q++) {
    const i = mines[q];
    const total = treqIn[i];
    if (!(total > 0)) continue;
    const x = Math.min(total, unusedCapacity(c, i));
    if (!(x > 0)) continue;
    shippedOut[i] += x;
    shippedTotal[i] += x;
    led.extracted += x;
    scratch[i] = x;
    shipTier(c, i, t, refill);
  }
}

/** Processing nodes serve the tier's requests from unused capacity and unused input. */
function processorsServe(c: Sim, t: number, refill: boolean): void {
  const { processors, yld, treqIn, inputLeft, scratch, P } = c;
  for (let q = 0; q < P; q++) {
    const i = processors[q];
    const total = treqIn[i];
    if (!(total > 0)) continue;
    scratch[i] = Math.min(total, unusedCapacity(c, i), inputLeft[i] * yld[i]);
    if (!(scratch[i] > 0)) continue;
    processExtra(c, i);
    shipTier(c, i, t, refill);
  }
}

/** A processing node turns scratch[i] more units of output out of its unused input, in a later tier. */
function processExtra(c: Sim, i: number): void {
  const { yld, inputLeft, shippedOut, shippedTotal, scratch, led } = c;
  const x = scratch[i];
  const y = yld[i];
  // x <= inputLeft x y, but x / y can exceed inputLeft by an ulp: no account may go below 0
  inputLeft[i] = Math.max(0, inputLeft[i] - x / y);
  led.yieldLoss += x / y - x;
  shippedOut[i] += x;
  shippedTotal[i] += x;
}

/** Tier 2: flexibility re-asks a link's unmet amount of the buyer's other online sources (model.md section 4). */
function flexTier(c: Sim, t: number): void {
  const { makers, processors, buyerStart, buyerLinks, flexFraction, flexDelay, want, shippedLink, flexCount } = c;
  clearTier(c);
  let any = false;
  for (const st of FLEX_STAGES) {
    const fraction = flexFraction[st];
    if (!(fraction > 0)) continue;
    const buyers = st === STAGE_MANUFACTURING ? makers : processors;
    for (let q = 0; q < buyers.length; q++) {
      const b = buyers[q];
      for (let j = buyerStart[b]; j < buyerStart[b + 1]; j++) {
        const l = buyerLinks[j];
        const unmet = want[l] - shippedLink[l];
        flexCount[l] = unmet > EPS + 1e-9 * want[l] ? flexCount[l] + 1 : 0;
        if (flexCount[l] <= flexDelay[st]) continue;
        if (reask(c, b, l, fraction * unmet)) any = true;
      }
    }
  }
  if (!any) return;
  passOnShortInput(c);
  minesServe(c, t, false);
  processorsServe(c, t, false);
  if (flexFraction[STAGE_PROCESSING] > 0) forwardToUnmet(c, t);
  deliverMore(c, c.inputLeft);
}

/** After a later tier, makers deliver again from what it brought (`from`, per node), within what is still unmet. */
function deliverMore(c: Sim, from: Float64Array): void {
  const { makers, avail, shippedOut, demand, delivered, M } = c;
  for (let k = 0; k < M; k++) {
    const i = makers[k];
    const extra = Math.min(from[i], Math.min(demand[k], avail[i]) - delivered[k]);
    if (extra > 0) {
      delivered[k] += extra;
      from[i] = Math.max(0, from[i] - extra);
      shippedOut[i] = delivered[k];
    }
  }
}

/**
 * Asks `amount` of buyer b's other sources in its current mix (share' > 0) over links with a_l = 1, in
 * proportion to their unused capacity (model.md section 4): a diversify link that has not switched, or a
 * link under a ban or a route cut, is not re-asked.
 */
function reask(c: Sim, b: number, l: number, amount: number): boolean {
  const { linkFrom, buyerStart, buyerLinks, aLink, online, share, treq, treqIn } = c;
  const from = linkFrom[l];
  let total = 0;
  for (let j = buyerStart[b]; j < buyerStart[b + 1]; j++) {
    const o = buyerLinks[j];
    if (reaskable(c, o, from)) total += unusedCapacity(c, linkFrom[o]);
  }
  if (!(total > EPS)) return false;
  for (let j = buyerStart[b]; j < buyerStart[b + 1]; j++) {
    const o = buyerLinks[j];
    if (!reaskable(c, o, from)) continue;
    const src = linkFrom[o];
    const r = (amount * unusedCapacity(c, src)) / total;
    treq[o] += r;
    treqIn[src] += r;
    c.tierUsed = true;
  }
  return true;
}

/** Whether link o may take a re-ask of a link from `from`: another source, in the current mix, not cut. */
function reaskable(c: Sim, o: number, from: number): boolean {
  const src = c.linkFrom[o];
  return src !== from && c.share[o] * c.online[src] > 0 && c.aLink[o] === 1;
}

/** After processing buyers re-asked, what reached them now goes on to their customers' unmet tier-1 requests. */
function forwardToUnmet(c: Sim, t: number): void {
  const { processors, yld, inputLeft, scratch, P } = c;
  for (let q = 0; q < P; q++) {
    const i = processors[q];
    const unmet = unmetRequests(c, i);
    scratch[i] = Math.min(unmet, unusedCapacity(c, i), inputLeft[i] * yld[i]);
    if (!(scratch[i] > EPS)) continue;
    processExtra(c, i);
    shipToUnmet(c, i, t, true);
  }
}

/** Tier 3 (model.md section 2, step 6): makers' refills, processing nodes' refills, then stockpiles at mines and processing nodes from their own unused output. */
function refillTier(c: Sim, t: number): void {
  const { makers, processors, mines, yld, invMax, stockMax, stockRefill, refillInTransit, refillNow, inputLeft, shippedOut, stock, scratch, M, P, hasStock, led } = c;
  clearTier(c);
  let any = false;
  for (let k = 0; k < M; k++) {
    const i = makers[k];
    const have = inputLeft[i] + refillNow[i];
    const transit = refillInTransit[i];
    let need = Math.max(0, invMax[i] - have - transit);
    if (stockMax[i] > 0 && stockRefill[i] > 0) {
      const spilled = Math.max(0, have + transit - invMax[i]);
      need += Math.min(stockRefill[i], Math.max(0, stockMax[i] - stock[i] - spilled));
    }
    if (need > EPS) {
      scratch[i] = need;
      tierRequest(c, i, false);
      any = true;
    }
  }
  if (any) {
    passOnShortInput(c);
    minesServe(c, t, false);
    processorsServe(c, t, true);
    // Refills that arrive in the period are delivered first, within what is still unmet, then stored.
    deliverMore(c, c.refillNow);
  }
  clearTier(c);
  let anyP = false;
  for (let q = 0; q < P; q++) {
    const i = processors[q];
    const need = invMax[i] > 0 ? invMax[i] - inputLeft[i] - refillNow[i] - refillInTransit[i] : 0;
    if (need > EPS) {
      scratch[i] = need;
      tierRequest(c, i, false);
      anyP = true;
    }
  }
  if (anyP) minesServe(c, t, true);
  if (hasStock) {
    for (let q = 0; q < mines.length; q++) {
      const i = mines[q];
      if (!(stockMax[i] > 0 && stockRefill[i] > 0)) continue;
      const x = Math.min(stockRefill[i], stockMax[i] - stock[i], unusedCapacity(c, i));
      if (!(x > 0)) continue;
      stock[i] += x;
      shippedOut[i] += x;
      led.extracted += x;
    }
    for (let q = 0; q < P; q++) {
      const i = processors[q];
      if (!(stockMax[i] > 0 && stockRefill[i] > 0)) continue;
      const y = yld[i];
      const x = Math.min(stockRefill[i], stockMax[i] - stock[i], unusedCapacity(c, i), inputLeft[i] * y);
      if (!(x > 0)) continue;
      stock[i] += x;
      shippedOut[i] += x;
      inputLeft[i] = Math.max(0, inputLeft[i] - x / y);
      led.yieldLoss += x / y - x;
    }
  }
}

/** Draws period t's new events, disruptions in processing order (model.md section 3, order of draws). */
function drawEvents(c: Sim, t: number): void {
  const { s, ppy, disruptions, D, mask, dRng } = c;
  for (let j = 0; j < D; j++) {
    const dj = disruptions[j];
    let count = 0;
    if (dj.occurrence === OCCUR_SCRIPTED) count = s.scriptedStart[j] === t ? 1 : 0;
    else if (dj.occurrence === OCCUR_POISSON) count = poissonCount(dRng(), dj.ratePerPeriod, dj.expMinusRate);
    else if (dj.occurrence === OCCUR_CORRELATED) {
      const parentStarts = s.newStarts[dj.parent];
      for (let c = 0; c < parentStarts; c++) if (dRng() < dj.probability) count++;
    }
    s.newStarts[j] = count;
    for (let c = 0; c < count; c++) {
      const duration = durationToPeriods(Math.max(0, sample(dj.duration, dRng)), ppy);
      const raw = sample(dj.magnitude, dRng);
      const magnitude = dj.targetKind === TARGET_DEMAND ? Math.max(-1, raw) : Math.min(1, Math.max(0, raw));
      const added = dj.addedTransit === null ? 0 : monthsToPeriods(Math.max(0, sample(dj.addedTransit, dRng)), ppy);
      if (mask !== null && mask[dj.fileIndex] === 1) continue;
      const e = s.evStart.length;
      s.evDisruption.push(j);
      s.evStart.push(t);
      s.evEnd.push(t + duration);
      s.evRecoveryEnd.push(t + duration + dj.recoveryPeriods);
      s.evMagnitude.push(magnitude);
      s.evAdded.push(added);
      s.live.push(e);
      s.starts.push(t);
    }
  }
}

/** Applies live events to a_n, a_l, added transit and demand multipliers; drops finished ones. Returns whether any is live. */
function applyEvents(c: Sim, t: number): boolean {
  const { s, disruptions, aNode, aLink, addTransit, demandMult } = c;
  const live = s.live;
  let kept = 0;
  for (let q = 0; q < live.length; q++) {
    const e = live[q];
    if (t >= s.evRecoveryEnd[e]) continue;
    live[kept++] = e;
    const dj = disruptions[s.evDisruption[e]];
    const end = s.evEnd[e];
    const active = t < end;
    const x = active ? s.evMagnitude[e] : s.evMagnitude[e] * (1 - (t - end + 1) / (dj.recoveryPeriods + 1));
    const targets = dj.targets;
    if (dj.targetKind === TARGET_NODES) {
      for (let k = 0; k < targets.length; k++) aNode[targets[k]] *= 1 - x;
    } else if (dj.targetKind === TARGET_LINKS) {
      const added = active ? s.evAdded[e] : 0;
      for (let k = 0; k < targets.length; k++) {
        aLink[targets[k]] *= 1 - x;
        if (added > addTransit[targets[k]]) addTransit[targets[k]] = added;
      }
    } else {
      for (let k = 0; k < targets.length; k++) demandMult[targets[k]] *= 1 + x;
    }
  }
  live.length = kept;
  return kept > 0;
}
