/**
 * The period's lane loops in WebAssembly (assembly/*.ts, built into kernels-wasm.ts): with SIMD over lane
 * pairs and without V8's per-access checks of typed arrays, they run several times faster than the same
 * loops in JavaScript, with the same operations in the same order, so the same numbers. A block's heap is
 * the memory of its own instance; the kernels address it by the element offsets the JavaScript uses.
 */
import { KERNELS_WASM } from './kernels-wasm.ts';

/** The kernels a block calls (element offsets into its heap, then the node's parameters, then n). */
export interface Kernels {
  keepStock(inv: number, rn: number, il: number, sk: number, excess: number, max: number, stockMax: number, toStockpile: boolean, n: number): void;
  closeMaker(dm: number, dl: number, st: number, ms: number, md: number, sc: number, ts: number, tsh: number, pd: number, pdl: number, fraction: number, subDelay: number, shortOut: number, n: number): void;
  receiveRefills(ra: number, ar: number, rt: number, inv: number, sk: number, max: number, stockMax: number, stockpile: boolean, n: number): void;
  makerRefillNeed(il: number, rn: number, rt: number, sk: number, sc: number, max: number, stockMax: number, stockRefill: number, refillsStock: boolean, n: number): number;
  processorRefillNeed(il: number, rn: number, rt: number, sc: number, max: number, n: number): number;
}

/** The part of the WebAssembly API used here (the engine's type check has no DOM or Node types). */
interface WasmApi {
  Memory: new (d: { initial: number }) => { buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const api = globalThis as unknown as { WebAssembly: WasmApi; atob(s: string): string };

const PAGE = 65536;
let compiled: object | null = null;

/** The heap's memory (at least `bytes`, zeroed) and the kernels working on it. */
export function kernelMemory(bytes: number): { buffer: ArrayBuffer; kernels: Kernels } {
  // Compiled once per thread, when a first block needs it: the module is small enough for a browser's main thread.
  compiled ??= new api.WebAssembly.Module(Uint8Array.from(api.atob(KERNELS_WASM), (ch) => ch.charCodeAt(0)));
  const memory = new api.WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
  const instance = new api.WebAssembly.Instance(compiled, { env: { memory } });
  return { buffer: memory.buffer, kernels: instance.exports as Kernels };
}
