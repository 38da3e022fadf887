// The engine's WebAssembly kernels (src/engine/kernels.ts loads them): the lane loops of the period's
// steps, two lanes at a time. Each is the exact translation of the loop it replaces (the same operations
// in the same order, Math.min and Math.max as f64x2.min and max), so numbers do not change.
export { requestBase, requestLink } from './requests';
export { mineShip, processorShip } from './flows';
export { deliverMaker, deliverMore } from './delivery';
export { shipFixed, shipLate, splitAll, splitCut, shortInput, mineServe, processorServe } from './ship';
export { receiveRefills, makerRefillNeed, processorRefillNeed } from './refill';
export { keepStock, closeMaker } from './stock';
export { availability, shareSum, shareNorm, fillRow, demandRow } from './online';
export { normalQuantile, normalQuantiles, pertQuantiles } from './quantiles';
export { exp, expRow, ln } from './math';
export { aleaRow, poissonRow } from './alea';
