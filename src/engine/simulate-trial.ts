/**
 * One trial of one strategy, for tests and the single runs the result needs (time to survive, the quiet
 * network, stage shares): a block of one lane (block.ts), so it gives exactly the numbers of that trial in
 * any block of a chunk.
 */
import { LED_CLOSING, LED_DELIVERED, LED_EXCESS, LED_EXTRACTED, LED_IN_TRANSIT_END, LED_IN_TRANSIT_START, LED_OPENING, LED_RECYCLED, LED_YIELD_LOSS, type Block } from './block.ts';
import { createTrialState, type TrialState } from './trial-state.ts';
import type { CompiledModel } from './compiled-model.ts';
import { setLane, simulateBlock } from './simulate-block.ts';
import type { TrialTrace } from './trial-trace.ts';

export { createTrace, type TrialTrace } from './trial-trace.ts';

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

/** Simulates trial `opts.trial` of the model into `out` (and state.fulfilment, chain fulfilment per period). */
export function simulateTrial(model: CompiledModel, state: TrialState, opts: TrialOptions, out: TrialOutcome): void {
  if (state.nodeIds !== model.nodeIds) throw new Error('simulateTrial: the state was made for another model');
  state.n = 1;
  state.seed = opts.seed;
  state.trace = opts.trace ?? null;
  setLane(state, 0, opts.trial, { quiet: opts.quiet, cutLink: opts.cutLink, mask: opts.mask });
  simulateBlock(state);
  laneOutcome(state, 0, out);
}

/** A function that simulates one trial of the model into `out`; its buffers are made once. */
export function createTrialRunner(model: CompiledModel, state: TrialState = createTrialState(model)): (opts: TrialOptions, out: TrialOutcome) => void {
  return (opts, out) => simulateTrial(model, state, opts, out);
}

/** Lane b's outcome after simulateBlock. */
export function laneOutcome(c: Block, b: number, out: TrialOutcome): void {
  const { B, ledger } = c;
  out.shortfall = c.totalShortfall[b];
  out.demand = c.totalDemand[b];
  out.worstFulfilment = c.worst[b];
  out.substituted = c.totalSubstituted[b];
  out.cost = c.cost[b];
  out.ttrStatus = c.ttrStatus[b];
  out.ttrMonths = c.ttrMonths[b];
  const led = out.ledger;
  led.extracted = ledger[LED_EXTRACTED * B + b];
  led.recycled = ledger[LED_RECYCLED * B + b];
  led.opening = ledger[LED_OPENING * B + b];
  led.inTransitStart = ledger[LED_IN_TRANSIT_START * B + b];
  led.delivered = ledger[LED_DELIVERED * B + b];
  led.closing = ledger[LED_CLOSING * B + b];
  led.inTransitEnd = ledger[LED_IN_TRANSIT_END * B + b];
  led.yieldLoss = ledger[LED_YIELD_LOSS * B + b];
  led.excess = ledger[LED_EXCESS * B + b];
}
