/** The buffers of single trials: a block of one lane, allocated once per model and reused for every trial. */
import { createBlock, type Block } from './block.ts';
import type { CompiledModel } from './compiled-model.ts';

/** A one-lane block; after a trial, `fulfilment` holds its chain fulfilment per period. */
export type TrialState = Block;

/** Allocates the buffers for single trials of the model. */
export function createTrialState(model: CompiledModel): TrialState {
  return createBlock(model, 1);
}
