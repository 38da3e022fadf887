/**
 * Step 1: new events start (model.md section 3, order of draws) and set a_n, a_l, each route link's added
 * transit and each maker's demand multiplier. Lanes keep their own event lists; a lane's arrays are reset
 * only where its events touched them, so a quiet lane costs nothing.
 */
import { durationToPeriods, monthsToPeriods } from '../../model/time.ts';
import { aleaNext, ALEA_STRIDE } from '../../random/alea.ts';
import { drawFromStream, poissonCount } from '../../random/distributions.ts';
import { growLaneEvents, type Block } from '../block.ts';
import { OCCUR_CORRELATED, OCCUR_POISSON, OCCUR_SCRIPTED, TARGET_DEMAND, TARGET_LINKS, TARGET_NODES } from '../compiled-model.ts';

/** Draws period t's new events in every lane that is not quiet, disruptions in processing order. */
export function drawEvents(c: Block, t: number): void {
  const { B, n, D, disruptions, scriptedStart, newStarts, dStream, laneQuiet, laneMask, laneDrew, events, periodsPerYear: ppy, disruptionCount, anyQuiet, off, kernels, laneScratch } = c;
  for (let j = 0; j < D; j++) {
    const dj = disruptions[j];
    const occurrence = dj.occurrence;
    // Without quiet lanes a Poisson disruption's uniforms are drawn for every lane in the kernel (into the
    // lane scratch row), which says whether any lane can start an event: in most periods none can.
    const drawn = occurrence === OCCUR_POISSON && !anyQuiet;
    if (drawn && (kernels.poissonRow(off.dStream, off.laneScratch, dj.expMinusRate, n) === 0 || dj.ratePerPeriod <= 0)) {
      newStarts.fill(0, j * B, j * B + n);
      continue;
    }
    for (let b = 0; b < n; b++) {
      if (laneQuiet[b] === 1) continue;
      const so = b * ALEA_STRIDE;
      let count = 0;
      if (occurrence === OCCUR_SCRIPTED) count = scriptedStart[j * B + b] === t ? 1 : 0;
      else if (occurrence === OCCUR_POISSON) {
        // Most periods draw no event: u <= exp(-rate) is the inverse CDF's first step, kept inline.
        const u = drawn ? laneScratch[b] : aleaNext(dStream, so);
        count = u <= dj.expMinusRate || dj.ratePerPeriod <= 0 ? 0 : poissonCount(u, dj.ratePerPeriod, dj.expMinusRate);
      }
      else if (occurrence === OCCUR_CORRELATED) {
        const parentStarts = newStarts[dj.parent * B + b];
        for (let s = 0; s < parentStarts; s++) if (aleaNext(dStream, so) < dj.probability) count++;
      }
      newStarts[j * B + b] = count;
      if (count === 0) continue;
      laneDrew[b * disruptionCount + dj.fileIndex] = 1;
      const ev = events[b];
      for (let s = 0; s < count; s++) {
        const duration = durationToPeriods(Math.max(0, drawFromStream(dj.duration, dStream, so)), ppy);
        const raw = drawFromStream(dj.magnitude, dStream, so);
        const magnitude = dj.targetKind === TARGET_DEMAND ? Math.max(-1, raw) : Math.min(1, Math.max(0, raw));
        const added = dj.addedTransit === null ? 0 : monthsToPeriods(Math.max(0, drawFromStream(dj.addedTransit, dStream, so)), ppy);
        if (laneMask[b * disruptionCount + dj.fileIndex] === 1) continue;
        if (ev.count === ev.start.length) growLaneEvents(ev);
        const e = ev.count++;
        ev.live[ev.liveCount++] = e;
        ev.disruption[e] = j;
        ev.start[e] = t;
        ev.end[e] = t + duration;
        ev.recoveryEnd[e] = t + duration + dj.recoveryPeriods;
        ev.magnitude[e] = magnitude;
        ev.added[e] = added;
      }
    }
  }
  // A stress test's cut starts after the period's drawn events (it draws nothing from the lane's streams).
  const { laneStress, laneStressStart, stressPeriods } = c;
  for (let b = 0; b < n; b++) {
    if (laneStress[b] < 0 || laneStressStart[b] !== t) continue;
    const ev = events[b];
    if (ev.count === ev.start.length) growLaneEvents(ev);
    const e = ev.count++;
    ev.live[ev.liveCount++] = e;
    ev.disruption[e] = D + laneStress[b];
    ev.start[e] = t;
    ev.end[e] = t + stressPeriods;
    ev.recoveryEnd[e] = t + stressPeriods;
    ev.magnitude[e] = 1;
    ev.added[e] = 0;
  }
}

/**
 * Sets a_n, a_l, added transit and demand multipliers from each lane's live events (overlapping events
 * multiply, in start order); drops events past their recovery; a cut lane's link stays at 0.
 */
export function applyEvents(c: Block, t: number): void {
  const { n, events, laneCut, aLink, B } = c;
  for (let b = 0; b < n; b++) {
    const ev = events[b];
    if (ev.liveCount > 0 || ev.touchedCount > 0) applyLaneEvents(c, ev, b, t);
    if (laneCut[b] >= 0) aLink[laneCut[b] * B + b] = 0;
  }
}

function applyLaneEvents(c: Block, ev: Block['events'][number], b: number, t: number): void {
  const { B, eventSources: disruptions, aNode, aLink, addTransit, demandMult } = c;
  // Everything last period's events set goes back to its undisrupted value before this period's apply.
  const touched = ev.touched;
  for (let q = 0; q < ev.touchedCount; q++) {
    const j = touched[q];
    const targets = disruptions[j].targets;
    const kind = disruptions[j].targetKind;
    for (let k = 0; k < targets.length; k++) {
      const o = targets[k] * B + b;
      if (kind === TARGET_NODES) aNode[o] = 1;
      else if (kind === TARGET_LINKS) {
        aLink[o] = 1;
        addTransit[o] = 0;
      } else demandMult[o] = 1;
    }
  }
  let touchedCount = 0;
  const live = ev.live;
  let kept = 0;
  for (let q = 0; q < ev.liveCount; q++) {
    const e = live[q];
    if (t >= ev.recoveryEnd[e]) continue;
    live[kept++] = e;
    const j = ev.disruption[e];
    const dj = disruptions[j];
    let seen = false;
    for (let s = 0; s < touchedCount; s++) if (touched[s] === j) seen = true;
    if (!seen) touched[touchedCount++] = j;
    const end = ev.end[e];
    const active = t < end;
    const x = active ? ev.magnitude[e] : ev.magnitude[e] * (1 - (t - end + 1) / (dj.recoveryPeriods + 1));
    const targets = dj.targets;
    if (dj.targetKind === TARGET_NODES) {
      for (let k = 0; k < targets.length; k++) aNode[targets[k] * B + b] *= 1 - x;
    } else if (dj.targetKind === TARGET_LINKS) {
      const added = active ? ev.added[e] : 0;
      for (let k = 0; k < targets.length; k++) {
        const o = targets[k] * B + b;
        aLink[o] *= 1 - x;
        if (added > addTransit[o]) addTransit[o] = added;
      }
    } else {
      for (let k = 0; k < targets.length; k++) demandMult[targets[k] * B + b] *= 1 + x;
    }
  }
  ev.liveCount = kept;
  ev.touchedCount = touchedCount;
}
