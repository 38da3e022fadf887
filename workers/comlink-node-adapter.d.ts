/**
 * Types for comlink's Node adapter at the path Node can import (dist/esm/node-adapter.mjs): comlink ships
 * them only as node-adapter.d.ts, which TypeScript does not pair with an .mjs file.
 */
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';

  /** What the adapter needs of a worker_threads port or Worker. */
  export interface NodeEndpoint {
    postMessage(message: unknown, transfer?: readonly unknown[]): void;
    on(type: string, listener: (value: unknown) => void): void;
    off(type: string, listener: (value: unknown) => void): void;
    start?: () => void;
  }

  /** Wraps a Node port or Worker as a comlink endpoint. */
  export default function nodeEndpoint(nep: NodeEndpoint): Endpoint;
}
