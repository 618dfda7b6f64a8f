import type { WorldId } from '../../bridge/index.ts';
import type { PageEntry } from '../../migration-plan/index.ts';
import type { AppHost } from '../boot/app-host.ts';
import type { InputTrace } from '../boot/input-trace.ts';
import type { BusCrossing } from './bus-tap.ts';
import type { DeviceIdentity } from './world-status.ts';

/** How long one frame's work took on the main thread (batches applied, focus kept, painted). */
export interface FrameSample {
  /** The world the viewer was in (the active world), null before the first page. */
  readonly world: WorldId | null;
  readonly ms: number;
}

/**
 * What the devtools read, handed over by the browser boot: the parts of the app host they show,
 * and the taps that tell them something changed. Functions rather than imports, so the devtools
 * chunk shares no module with the main bundle (which would split one out for both to load). Each `watch`/`observe` returns its unsubscribe;
 * the devtools subscribe only while open, so a closed overlay costs nothing.
 */
export interface DevtoolsSources {
  readonly host: Pick<AppHost, 'router' | 'store' | 'focus' | 'breaker' | 'cohort' | 'worldChoice'>;
  /** The plan's entry for a route (`findPage(plan, route)`): handed in, so the chunk imports no plan code. */
  readonly pageOf: (route: string) => PageEntry | undefined;
  readonly device: DeviceIdentity;
  /** Key presses hop by hop (input latency per world). */
  readonly trace?: Pick<InputTrace, 'observe'>;
  /** Each frame's main-thread time. */
  readonly watchFrames?: (listener: (frame: FrameSample) => void) => () => void;
  /** Every crossing of the WASM world's worker boundary (host/devtools/bus-tap.ts). */
  readonly watchBus?: (listener: (crossing: BusCrossing) => void) => () => void;
  /** The WASM manifest, for the release (already fetched by boot: no second request). */
  readonly manifest?: () => Promise<unknown>;
}
