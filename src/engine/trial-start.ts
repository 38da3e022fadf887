/**
 * The start of a block's trials: each lane's streams seeded (model.md section 5), its draws that are made
 * once per trial (projects on the world stream, levers on theirs, scripted starts on the disruption
 * stream), and the steady-state pipeline of periods -K..-1 (section 2, Start).
 */
import { monthsToPeriods } from '../model/time.ts';
import { ALEA_STRIDE, aleaNext, aleaSeed } from '../random/alea.ts';
import { drawFromStream } from '../random/distributions.ts';
import { streamSeed } from '../random/rng.ts';
import { LED_IN_TRANSIT_END, LED_IN_TRANSIT_START, LED_OPENING, NEVER, type Block } from './block.ts';
import { OCCUR_SCRIPTED } from './compiled-model.ts';
import { normaliseShares, setAvailability, setOnline, switchDiversify } from './period/online.ts';
import { recycle, requestTier1 } from './period/requests.ts';

/** Resets every buffer of the block and makes each lane's once-per-trial draws. */
export function startLanes(c: Block): void {
  resetBuffers(c);
  c.anyQuiet = false;
  for (let b = 0; b < c.n; b++) if (c.laneQuiet[b] === 1) c.anyQuiet = true;
  const { B, n, seed, laneTrial, laneQuiet, dStream, wStream, leverStreams, leverStream, projects, onlineAt, leverDraws, recycling, recycleRate, diversify, switchAt, diversifyActive, disruptions, D, disruptionCount, scriptedStart, periodsPerYear: ppy, inventory, stock, N, ledger } = c;
  for (let b = 0; b < n; b++) {
    const trial = laneTrial[b];
    const so = b * ALEA_STRIDE;
    aleaSeed(dStream, so, streamSeed.disruptions(seed, trial));
    aleaSeed(wStream, so, streamSeed.world(seed, trial));
    // World stream: each exploration project in file order, success then lead time, always both.
    for (const p of projects) {
      if (p.lever >= 0) continue;
      const u = aleaNext(wStream, so);
      const lead = Math.max(0, drawFromStream(p.lead, wStream, so));
      onlineAt[p.node * B + b] = u < p.successProbability ? monthsToPeriods(lead, ppy) : NEVER;
    }
    // Lever streams: lever k's draws once per trial; a newCapacity lever's stream then gives its new makers' noise.
    for (let k = 0; k < leverStreams.length; k++) if (leverStream[k]) aleaSeed(leverStreams[k], so, streamSeed.lever(seed, trial, k));
    for (const e of leverDraws) {
      const v = drawFromStream(e.dist, leverStreams[e.lever], so);
      if (e.kind === 'commissioning') {
        const at = monthsToPeriods(Math.max(0, v), ppy);
        for (const p of projects) if (p.lever === e.lever) onlineAt[p.node * B + b] = at;
      } else {
        recycling.forEach((r, j) => r.lever === e.lever && (recycleRate[j * B + b] = Math.min(1, Math.max(0, v))));
      }
    }
    // Diversify applies qualification after its last `to` node is online.
    diversify.forEach((d, k) => {
      let last = 0;
      for (const node of d.toNodes) last = Math.max(last, onlineAt[node * B + b]);
      switchAt[k * B + b] = last >= NEVER ? NEVER : last + d.qualificationPeriods;
      diversifyActive[k * B + b] = 0;
    });
    // Disruption stream: every scripted start, in file order.
    if (laneQuiet[b] === 0) {
      for (let f = 0; f < disruptionCount; f++) {
        for (let j = 0; j < D; j++) {
          const dj = disruptions[j];
          if (dj.fileIndex === f && dj.occurrence === OCCUR_SCRIPTED) {
            scriptedStart[j * B + b] = monthsToPeriods(Math.max(0, drawFromStream(dj.start!, dStream, so)), ppy);
          }
        }
      }
    }
    // A stress test's cut starts uniformly over 0..H - D, from its own stream: shared by every target.
    if (c.laneStress[b] >= 0) {
      aleaSeed(c.stressStream, 0, streamSeed.stress(seed, trial));
      const span = Math.max(1, c.H - c.stressPeriods + 1);
      c.laneStressStart[b] = Math.min(span - 1, Math.floor(aleaNext(c.stressStream, 0) * span));
    }
    let opening = 0;
    for (let i = 0; i < N; i++) opening += inventory[i * B + b] + stock[i * B + b];
    ledger[LED_OPENING * B + b] = opening;
  }
  switchDiversify(c, 0, true);
}

/** Zeroes the block's state and sets each lane's opening inventories, stockpiles and shares. */
function resetBuffers(c: Block): void {
  const { B, N, L, invOpening, stockMax, linkShare, inventory, stock, share, normShare, staticNormShare } = c;
  for (const a of [c.tierCarried, c.linkArrive, c.arrivals, c.refillArrivals, c.refillInTransit, c.shippedTotal, c.recycled, c.refillNow, c.inputLeft, c.shippedOut, c.ledger, c.totalShortfall, c.totalDemand, c.totalSubstituted, c.holding, c.makerShortfallTotal, c.makerDemandTotal, c.deliveredHistory, c.fulfilment, c.laneDrew]) a.fill(0);
  for (const a of [c.flexCount, c.subCount, c.onlineAt, c.addTransit, c.newStarts, c.scriptedStart]) a.fill(0);
  for (const a of [c.online, c.aNode, c.aLink, c.demandMult, c.worst]) a.fill(1);
  c.scriptedStart.fill(-1);
  for (let i = 0; i < N; i++) {
    inventory.fill(invOpening[i], i * B, (i + 1) * B);
    stock.fill(stockMax[i], i * B, (i + 1) * B);
  }
  for (let l = 0; l < L; l++) {
    share.fill(linkShare[l], l * B, (l + 1) * B);
    normShare.fill(staticNormShare[l], l * B, (l + 1) * B);
  }
  for (const ev of c.events) ev.count = ev.liveCount = ev.touchedCount = 0;
}

/**
 * The steady-state start: each link with transit k already carries, for arrival in periods 0..k-1, what
 * step 3 would have requested over it in periods -k..-1 with planned demand and no events (sources online
 * in period 0; each source's total over its requests capped at its capacity, shared pro rata).
 */
export function steadyStart(c: Block): void {
  const { B, n, N, H, R, K, M, W, OFF, demandPlan, demand, reqIn, avail, req, sellerStart, sellerLinks, linkTransit, linkTo, arrivals, ledger, hasRecycling, recycled, laneScratch: ratio } = c;
  setOnline(c, 0);
  setAvailability(c, true);
  c.mixChanged = true;
  normaliseShares(c);
  for (let t = -K; t < 0; t++) {
    if (hasRecycling) recycle(c, t);
    for (let k = 0; k < M; k++) demand.fill(demandPlan[k * W + t + OFF], k * B, k * B + n);
    requestTier1(c, t);
    for (let i = 0; i < N; i++) {
      const o = i * B;
      for (let b = 0; b < n; b++) {
        const total = reqIn[o + b];
        ratio[b] = total > 0 ? Math.min(total, avail[o + b]) / total : 0;
      }
      for (let j = sellerStart[i]; j < sellerStart[i + 1]; j++) {
        const l = sellerLinks[j];
        const at = t + linkTransit[l];
        if (at < 0) continue;
        const lo = l * B;
        for (let b = 0; b < n; b++) {
          if (!(reqIn[o + b] > 0)) continue;
          const amount = req[lo + b] * ratio[b];
          ledger[LED_IN_TRANSIT_START * B + b] += amount;
          if (c.flowOn && at < H) c.linkArrive[(l * R + (at % R)) * B + b] += amount;
          if (at < H) arrivals[(linkTo[l] * R + (at % R)) * B + b] += amount;
          else ledger[LED_IN_TRANSIT_END * B + b] += amount;
        }
      }
    }
  }
  recycled.fill(0);
}
