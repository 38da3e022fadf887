/**
 * The period's lane loops in WebAssembly (assembly/*.ts, built into kernels-wasm.ts): with SIMD over lane
 * pairs and without V8's per-access checks of typed arrays, they run several times faster than the same
 * loops in JavaScript, with the same operations in the same order, so the same numbers. A block's heap is
 * the memory of its own instance; the kernels address it by the element offsets the JavaScript uses.
 */
import { KERNELS_WASM, type Kernels } from './kernels-wasm.ts';

export type { Kernels };

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
