/**
 * One trial of one strategy: every step of model.md section 2 over flat typed arrays, with the events of
 * section 3 drawn from the trial's own streams (section 5). No allocation per period.
 */
import { createRng, streamSeed, type Rng } from '../random/rng.ts';
import { poisson, sample } from '../random/distributions.ts';
import { durationToPeriods, monthsToPeriods } from '../model/time.ts';
import { timeToRecover } from '../stats/time-to-recover.ts';
import {
  OCCUR_CORRELATED, OCCUR_POISSON, OCCUR_SCRIPTED, TARGET_DEMAND, TARGET_LINKS, TARGET_NODES, type CompiledModel,
} from './compiled-model.ts';
import type { TrialState } from './trial-state.ts';

/** Material accounts of one trial (model.md section 2, Balance). */
export interface TrialLedger {
  extracted: number;
  recycled: number;
  opening: number;
  inTransitStart: number;
  delivered: number;
  closing: number;
  inTransitEnd: number;
  yieldLoss: number;
  excess: number;
}

/** What one trial gives the statistics. */
export interface TrialOutcome {
  shortfall: number;
  demand: number;
  worstFulfilment: number;
  substituted: number;
  cost: number;
  ttrStatus: number;
  ttrMonths: number;
  ledger: TrialLedger;
}

/** Optional per-period detail for tests and for the stage shares of a real scenario. */
export interface TrialTrace {
  /** units each node shipped (makers: delivered), nodes x periods */
  shipped: Float64Array;
  /** available capacity c_n(t), nodes x periods */
  capacity: Float64Array;
  /** demand d_n(t) and delivered, makers x periods */
  makerDemand: Float64Array;
  makerDelivered: Float64Array;
}

export interface TrialOptions {
  seed: string | number;
  trial: number;
  /** per disruption (file index): 1 drops its events; draws are unchanged */
  mask?: Uint8Array | null;
  /** no disruptions and no demand noise at all (time to survive) */
  quiet?: boolean;
  /** a link cut at severity 1 from period 0, or -1 */
  cutLink?: number;
  trace?: TrialTrace;
}

/** Creates an outcome record to be filled by simulateTrial. */
export function createOutcome(): TrialOutcome {
  return {
    shortfall: 0, demand: 0, worstFulfilment: 1, substituted: 0, cost: 0, ttrStatus: 0, ttrMonths: NaN,
    ledger: { extracted: 0, recycled: 0, opening: 0, inTransitStart: 0, delivered: 0, closing: 0, inTransitEnd: 0, yieldLoss: 0, excess: 0 },
  };
}

/** Creates a trace sized for the model. */
export function createTrace(model: CompiledModel): TrialTrace {
  const H = model.periods;
  return {
    shipped: new Float64Array(model.nodeIds.length * H),
    capacity: new Float64Array(model.nodeIds.length * H),
    makerDemand: new Float64Array(model.makers.length * H),
    makerDelivered: new Float64Array(model.makers.length * H),
  };
}

const NEVER = 0x3fffffff;

/** Simulates trial `opts.trial` of the model into `out` (and s.fulfilment, chain fulfilment per period). */
export function simulateTrial(model: CompiledModel, s: TrialState, opts: TrialOptions, out: TrialOutcome): void {
  const H = model.periods;
  const ppy = model.periodsPerYear;
  const N = model.nodeIds.length;
  const K = model.maxTransit;
  const G = H + K;
  const W = model.planWidth;
  const OFF = model.planOffset;
  const { makers, processors, mines, linkFrom, linkTo, linkTransit, buyerStart, buyerLinks, sellerStart, sellerLinks } = model;
  const { cap, yld, invMax, anticipation, demandPlan, projects, disruptions } = model;
  const { aNode, aLink, addTransit, demandMult, online, onlineAt, avail, share, req, reqIn, arrivals, refillArrivals } = s;
  const { inventory, refillInTransit, inputLeft, shippedOut, shippedTotal, demand, delivered, fulfilment } = s;
  const M = makers.length;
  const P = processors.length;
  const quiet = opts.quiet === true;
  const mask = opts.mask ?? null;
  const cutLink = opts.cutLink ?? -1;
  const trace = opts.trace;
  const led = out.ledger;
  led.extracted = led.recycled = led.inTransitStart = led.delivered = led.closing = led.inTransitEnd = led.yieldLoss = led.excess = 0;

  const dRng: Rng = createRng(streamSeed.disruptions(opts.seed, opts.trial));
  const wRng: Rng = createRng(streamSeed.world(opts.seed, opts.trial));

  arrivals.fill(0);
  refillArrivals.fill(0);
  refillInTransit.fill(0);
  shippedTotal.fill(0);
  inventory.set(model.invOpening);
  share.set(model.linkShare);
  online.fill(1);
  onlineAt.fill(0);
  s.evDisruption.length = s.evStart.length = s.evEnd.length = s.evRecoveryEnd.length = 0;
  s.evMagnitude.length = s.evAdded.length = s.live.length = s.starts.length = 0;
  let opening = 0;
  for (let i = 0; i < N; i++) opening += inventory[i];
  led.opening = opening;

  // World stream: each exploration project in file order, success then lead time, always both.
  for (const p of projects) {
    if (p.lever >= 0) continue;
    const u = wRng();
    const lead = Math.max(0, sample(p.lead, wRng));
    onlineAt[p.node] = u < p.successProbability ? monthsToPeriods(lead, ppy) : NEVER;
  }
  const setOnline = (t: number) => {
    for (const p of projects) {
      const at = onlineAt[p.node];
      online[p.node] = t < at ? 0 : p.rampPeriods > 0 ? Math.min(1, (t - at + 1) / p.rampPeriods) : 1;
    }
  };

  // Disruption stream: every scripted start, in file order.
  const D = disruptions.length;
  if (!quiet) {
    for (let f = 0; f < model.disruptionCount; f++) {
      for (let j = 0; j < D; j++) {
        const dj = disruptions[j];
        if (dj.fileIndex !== f || dj.occurrence !== OCCUR_SCRIPTED) continue;
        s.scriptedStart[j] = monthsToPeriods(Math.max(0, sample(dj.start!, dRng)), ppy);
      }
    }
  }

  // Requests of step 3 from buyer b with need `need`; returns nothing, fills req and reqIn.
  const request = (b: number, need: number, t: number, useAvail: boolean) => {
    const lo = buyerStart[b];
    const hi = buyerStart[b + 1];
    let sum = 0;
    for (let j = lo; j < hi; j++) {
      const l = buyerLinks[j];
      sum += share[l] * online[linkFrom[l]];
    }
    if (!(sum > 0)) {
      for (let j = lo; j < hi; j++) req[buyerLinks[j]] = 0;
      return;
    }
    const base = (useAvail ? Math.min(need, avail[b]) : need) / yld[b];
    const ti = t + K;
    for (let j = lo; j < hi; j++) {
      const l = buyerLinks[j];
      const x = base * anticipation[l * G + ti];
      const r = x > 0 ? ((share[l] * online[linkFrom[l]]) / sum) * x * aLink[l] : 0;
      req[l] = r;
      reqIn[linkFrom[l]] += r;
    }
  };

  // Steady-state start: what step 3 would have requested in periods -K..-1, planned demand, no events.
  setOnline(0);
  for (let i = 0; i < N; i++) avail[i] = cap[i] * online[i];
  aLink.fill(1);
  for (let t = -K; t < 0; t++) {
    reqIn.fill(0);
    for (let k = 0; k < M; k++) request(makers[k], demandPlan[k * W + t + OFF], t, true);
    for (let q = 0; q < P; q++) request(processors[q], reqIn[processors[q]], t, true);
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

  let totalShortfall = 0;
  let totalDemand = 0;
  let worst = 1;
  let hasRefill = false;
  for (let i = 0; i < N; i++) if (invMax[i] > 0) hasRefill = true;
  let eventsLive = false;

  for (let t = 0; t < H; t++) {
    // 1. Events
    if (!quiet) drawEvents(t);
    if (eventsLive || s.live.length > 0 || cutLink >= 0) {
      aNode.fill(1);
      aLink.fill(1);
      addTransit.fill(0);
      demandMult.fill(1);
      eventsLive = applyEvents(t);
      if (cutLink >= 0) aLink[cutLink] = 0;
    } else if (t === 0) {
      aNode.fill(1);
      aLink.fill(1);
      addTransit.fill(0);
      demandMult.fill(1);
    }
    setOnline(t);
    for (let i = 0; i < N; i++) avail[i] = cap[i] * aNode[i] * online[i];

    // Refills that arrive now go to the inventory first; what does not fit joins this period's input.
    if (hasRefill) {
      for (let i = 0; i < N; i++) {
        const r = refillArrivals[i * H + t];
        if (r === 0) continue;
        refillInTransit[i] -= r;
        const room = Math.max(0, invMax[i] - inventory[i]);
        const toInventory = Math.min(r, room);
        inventory[i] += toInventory;
        arrivals[i * H + t] += r - toInventory;
      }
    }

    // 2. Demand
    for (let k = 0; k < M; k++) {
      const noise = model.makerNoise[k];
      const x = noise === null || quiet ? 1 : Math.max(0, sample(noise, wRng));
      demand[k] = demandPlan[k * W + t + OFF] * x * demandMult[k];
    }

    // 3. Requests go upstream, makers first.
    reqIn.fill(0);
    for (let k = 0; k < M; k++) request(makers[k], demand[k], t, true);
    for (let q = 0; q < P; q++) request(processors[q], reqIn[processors[q]], t, true);

    // 4. Flows go downstream, mines first; a short source serves pro rata.
    for (let q = 0; q < mines.length; q++) {
      const i = mines[q];
      const total = reqIn[i];
      const x = Math.min(total, avail[i]);
      shippedOut[i] = x;
      if (x > 0) {
        shipAll(i, x / total, t, false);
        shippedTotal[i] += x;
        led.extracted += x;
      }
    }
    for (let q = 0; q < P; q++) {
      const i = processors[q];
      const input = arrivals[i * H + t] + inventory[i];
      const y = yld[i];
      const used = Math.min(input, avail[i] / y, reqIn[i] / y);
      const output = used * y;
      led.yieldLoss += used - output;
      inputLeft[i] = input - used;
      shippedOut[i] = output;
      if (output > 0) {
        shipAll(i, output / reqIn[i], t, false);
        shippedTotal[i] += output;
      }
    }
    // 5. Makers deliver from arrivals, then inventory.
    for (let k = 0; k < M; k++) {
      const i = makers[k];
      const input = arrivals[i * H + t] + inventory[i];
      const d = Math.min(input, demand[k], avail[i]);
      delivered[k] = d;
      inputLeft[i] = input - d;
      shippedOut[i] = d;
    }

    // 6. Tier 3: refills of inventories.
    if (hasRefill) refillTier(t);

    // 7. Stock: unused input to the inventory up to its max, the rest is excess.
    for (let q = 0; q < P; q++) stock(processors[q]);
    let periodDemand = 0;
    let periodDelivered = 0;
    for (let k = 0; k < M; k++) {
      const i = makers[k];
      stock(i);
      const d = demand[k];
      const del = delivered[k];
      shippedTotal[i] += del;
      let short = d - del;
      if (short < 1e-9 * d) short = 0;
      totalShortfall += short;
      periodDemand += d;
      periodDelivered += del;
      if (trace) {
        trace.makerDemand[k * H + t] = d;
        trace.makerDelivered[k * H + t] = del;
      }
    }
    led.delivered += periodDelivered;
    totalDemand += periodDemand;
    const f = periodDemand > 0 ? periodDelivered / periodDemand : 1;
    fulfilment[t] = f;
    if (f < worst) worst = f;
    if (trace) {
      for (let i = 0; i < N; i++) {
        trace.shipped[i * H + t] = shippedOut[i];
        trace.capacity[i * H + t] = avail[i];
      }
    }
  }

  let closing = 0;
  for (let i = 0; i < N; i++) closing += inventory[i];
  led.closing = closing;
  let supplyCost = 0;
  for (let i = 0; i < N; i++) supplyCost += shippedTotal[i] * model.unitCost[i];

  out.shortfall = totalShortfall;
  out.demand = totalDemand;
  out.worstFulfilment = worst;
  out.substituted = 0;
  out.cost = model.capex + model.opexTotal + supplyCost;
  const ttr = timeToRecover(fulfilment, s.starts, ppy);
  out.ttrStatus = ttr.status;
  out.ttrMonths = ttr.months;

  // ---- helpers over the closure's typed arrays ----

  function ship(l: number, amount: number, t: number, refill: boolean): void {
    const to = linkTo[l];
    const at = t + linkTransit[l] + addTransit[l];
    if (refill) {
      if (at === t) {
        inputLeft[to] += amount;
        return;
      }
      refillInTransit[to] += amount;
      if (at < H) refillArrivals[to * H + at] += amount;
      else led.inTransitEnd += amount;
    } else if (at < H) arrivals[to * H + at] += amount;
    else led.inTransitEnd += amount;
  }

  function shipAll(i: number, ratio: number, t: number, refill: boolean): void {
    for (let j = sellerStart[i]; j < sellerStart[i + 1]; j++) {
      const l = sellerLinks[j];
      const amount = req[l] * ratio;
      if (amount > 0) ship(l, amount, t, refill);
    }
  }

  function stock(i: number): void {
    const left = inputLeft[i];
    const keep = Math.min(invMax[i], left);
    inventory[i] = keep;
    led.excess += left - keep;
  }

  /** Splits a tier request of buyer b by share' and a_l (no g, no capacity cap); only transit-0 links when sameMoment. */
  function tierRequest(b: number, amount: number, sameMoment: boolean): void {
    const lo = buyerStart[b];
    const hi = buyerStart[b + 1];
    let sum = 0;
    for (let j = lo; j < hi; j++) sum += share[buyerLinks[j]] * online[linkFrom[buyerLinks[j]]];
    for (let j = lo; j < hi; j++) {
      const l = buyerLinks[j];
      let r = 0;
      if (sum > 0 && amount > 0 && (!sameMoment || (linkTransit[l] === 0 && addTransit[l] === 0))) {
        r = ((share[l] * online[linkFrom[l]]) / sum) * amount * aLink[l];
      }
      req[l] = r;
      reqIn[linkFrom[l]] += r;
    }
  }

  /** Mines serve this pass's requests pro rata from unused capacity; a pass-on arrives as input now. */
  function minesServe(t: number, refill: boolean): void {
    for (let q = 0; q < mines.length; q++) {
      const i = mines[q];
      const total = reqIn[i];
      if (!(total > 0)) continue;
      const x = Math.min(total, Math.max(0, avail[i] - shippedOut[i]));
      if (!(x > 0)) continue;
      shippedOut[i] += x;
      shippedTotal[i] += x;
      led.extracted += x;
      if (refill) {
        shipAll(i, x / total, t, true);
        continue;
      }
      for (let j = sellerStart[i]; j < sellerStart[i + 1]; j++) {
        const l = sellerLinks[j];
        const amount = req[l] * (x / total);
        if (amount > 0) inputLeft[linkTo[l]] += amount;
      }
    }
  }

  /** Tier 3 (model.md section 2, step 6): makers' refills from processing nodes, then processing nodes' refills from mines. */
  function refillTier(t: number): void {
    reqIn.fill(0);
    let any = false;
    for (let k = 0; k < M; k++) {
      const i = makers[k];
      const need = invMax[i] > 0 ? invMax[i] - inputLeft[i] - refillInTransit[i] : 0;
      tierRequest(i, need > 1e-12 ? need : 0, false);
      if (need > 1e-12) any = true;
    }
    if (any) {
      // A processing node short of input passes what it misses on to its sources over transit-0 links.
      let passOn = false;
      for (let q = 0; q < P; q++) {
        const i = processors[q];
        const total = reqIn[i];
        const want = total > 0 ? Math.min(total, Math.max(0, avail[i] - shippedOut[i])) : 0;
        const missing = (want - inputLeft[i] * yld[i]) / yld[i];
        tierRequest(i, missing > 1e-12 ? missing : 0, true);
        if (missing > 1e-12) passOn = true;
      }
      if (passOn) minesServe(t, false);
      for (let q = 0; q < P; q++) {
        const i = processors[q];
        const total = reqIn[i];
        if (!(total > 0)) continue;
        const y = yld[i];
        const x = Math.min(total, Math.max(0, avail[i] - shippedOut[i]), inputLeft[i] * y);
        if (!(x > 0)) continue;
        inputLeft[i] -= x / y;
        led.yieldLoss += x / y - x;
        shippedOut[i] += x;
        shippedTotal[i] += x;
        shipAll(i, x / total, t, true);
      }
    }
    for (let q = 0; q < mines.length; q++) reqIn[mines[q]] = 0;
    let anyP = false;
    for (let q = 0; q < P; q++) {
      const i = processors[q];
      const need = invMax[i] > 0 ? invMax[i] - inputLeft[i] - refillInTransit[i] : 0;
      tierRequest(i, need > 1e-12 ? need : 0, false);
      if (need > 1e-12) anyP = true;
    }
    if (anyP) minesServe(t, true);
  }

  /** Draws period t's new events, disruptions in processing order (model.md section 3, order of draws). */
  function drawEvents(t: number): void {
    for (let j = 0; j < D; j++) {
      const dj = disruptions[j];
      let count = 0;
      if (dj.occurrence === OCCUR_SCRIPTED) count = s.scriptedStart[j] === t ? 1 : 0;
      else if (dj.occurrence === OCCUR_POISSON) count = poisson(dRng, dj.ratePerPeriod);
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
  function applyEvents(t: number): boolean {
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
}
