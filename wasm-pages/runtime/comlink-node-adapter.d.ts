// comlink 4.4.2 ships its Node adapter as an .mjs with no .d.mts next to it, so TypeScript
// cannot see its types; this is the one function it exports (see node-adapter.d.ts in comlink).
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';

  /** The part of a worker_threads MessagePort / Worker the adapter uses. */
  export interface NodeEndpoint {
    postMessage(message: unknown, transfer?: readonly unknown[]): void;
    on(type: string, listener: (value: unknown) => void): unknown;
    off(type: string, listener: (value: unknown) => void): unknown;
    start?: () => void;
  }

  /** Wraps a worker_threads port or Worker as a comlink endpoint. */
  export default function nodeEndpoint(endpoint: NodeEndpoint): Endpoint;
}
