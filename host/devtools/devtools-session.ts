import { type BusEntry, BusLog } from './bus-log.ts';
import type { DevtoolsSources } from './devtools-sources.ts';
import { describeFocusPath, focusPath } from './focus-path.ts';
import { formatBytes, formatMs } from './format.ts';
import { describeHistoryRow, historyRows } from './history-view.ts';
import { type ReleaseInfo, releaseInfo, type StatusRow, worldStatusRows } from './world-status.ts';
import { type TimingSummary, WorldTimings } from './world-timings.ts';

/** One block of the overlay: a title and its rows. */
export interface DevtoolsSection {
  /** A stable id, the section's `data-devtools-section`. */
  readonly id: 'page' | 'history' | 'focus' | 'timing' | 'bus';
  readonly title: string;
  readonly rows: readonly StatusRow[];
}

/** How many bus crossings each way the overlay lists. */
const BUS_ROWS = 6;

/**
 * What the devtools know while open: they subscribe to the router, the scene store, focus, the
 * frame and key-press taps and the worker bus on `start()`, keep summaries (timings, the last bus
 * crossings), and call `onChange` whenever something they show may have changed; `stop()`
 * unsubscribes everything, so a closed overlay costs nothing. `sections()` reads the app's
 * current state into the overlay's rows.
 *
 * @example
 * const session = new DevtoolsSession(sources, () => overlay.scheduleRender());
 * session.start();
 * session.sections(); // [{ id: 'page', rows: [{ name: 'page', value: 'collections ...' }, ...] }, ...]
 * session.stop();
 */
export class DevtoolsSession {
  readonly #sources: DevtoolsSources;
  readonly #onChange: () => void;
  #stops: Array<() => void> = [];
  #bus = new BusLog(BUS_ROWS);
  #frames = new WorldTimings();
  #latency = new WorldTimings();
  #release: ReleaseInfo | 'reading' | { readonly error: string } = 'reading';

  constructor(sources: DevtoolsSources, onChange: () => void) {
    this.#sources = sources;
    this.#onChange = onChange;
  }

  get started(): boolean {
    return this.#stops.length > 0;
  }

  /** Subscribes to everything shown; timings and bus crossings count from here. */
  start(): void {
    if (this.started) return;
    const { host, trace, watchFrames, watchBus, manifest } = this.#sources;
    const worlds = host.store.worldIds;
    const changed = () => this.#onChange();
    this.#bus = new BusLog(BUS_ROWS);
    this.#frames = new WorldTimings();
    this.#latency = new WorldTimings();
    this.#stops = [
      host.router.subscribe(changed),
      host.store.onChange(changed),
      ...worlds.map((world) => host.focus.engines[world].onChange(changed)),
    ];
    if (trace !== undefined)
      this.#stops.push(
        trace.observe((press) => {
          const { keydown, painted } = press.hops;
          if (keydown !== undefined && painted !== undefined)
            this.#latency.add(press.world, painted - keydown);
          changed();
        }),
      );
    if (watchFrames !== undefined)
      this.#stops.push(
        watchFrames((frame) => {
          if (frame.world !== null) this.#frames.add(frame.world, frame.ms);
          changed();
        }),
      );
    if (watchBus !== undefined)
      this.#stops.push(
        watchBus((crossing) => {
          this.#bus.add(crossing);
          changed();
        }),
      );
    // Read once it worked; again after a failure (the boot's manifest() retries a failed fetch).
    if (manifest !== undefined && (this.#release === 'reading' || 'error' in this.#release)) {
      manifest().then(
        (value) => {
          this.#release = releaseInfo(value);
          changed();
        },
        (error: unknown) => {
          this.#release = { error: error instanceof Error ? error.message : String(error) };
          changed();
        },
      );
    } else if (manifest === undefined) this.#release = { error: 'this app has no WASM manifest' };
  }

  /** Unsubscribes everything; what was recorded is dropped on the next start. */
  stop(): void {
    for (const stop of this.#stops.splice(0)) stop();
  }

  /** The overlay's content now, read from the app. */
  sections(): DevtoolsSection[] {
    const { host, pageOf, device } = this.#sources;
    const visible = host.router.visible();
    const route = visible?.route;
    const page = route === undefined ? undefined : pageOf(route);
    const openBreakers = [...host.breaker.openPages()];
    const status = worldStatusRows({
      visible,
      choice: route === undefined ? undefined : host.worldChoice(route),
      page,
      cohort: host.cohort,
      device,
      breaker: route === undefined ? 'closed' : host.breaker.stateOf(route),
      openBreakers,
      release: this.#release,
      switching: host.router.isSwitching(),
    });
    const failure = host.router.failure();
    if (failure !== null)
      status.push({
        name: 'failure',
        value: `${failure.entry.route} failed in ${failure.world}: ${failure.reason}`,
      });

    const history = historyRows(host.router.history(), host.focus.viewerFocusKey()).map((row) => ({
      name: `entry-${row.index}`,
      value: describeHistoryRow(row),
      item: true,
    }));

    const world = host.focus.activeWorld;
    const focused = world === null ? null : host.focus.engines[world].focused;
    const path = world === null || focused === null ? null : focusPath(host.store, world, focused.nodeId);
    const focus: StatusRow[] = [
      { name: 'focused', value: focused === null ? '(nothing focused)' : focused.focusKey },
      { name: 'path', value: path === null ? '—' : describeFocusPath(path) },
    ];

    const timing: StatusRow[] = host.store.worldIds.flatMap((w) => [
      { name: `frame-${w}`, value: `frame ${w}: ${describeTiming(this.#frames.summary(w))}`, item: true },
      { name: `input-${w}`, value: `input ${w}: ${describeTiming(this.#latency.summary(w))}`, item: true },
    ]);

    const bus: StatusRow[] = (['to-worker', 'from-worker'] as const).flatMap((direction) => {
      const totals = this.#bus.totals(direction);
      const arrow = direction === 'to-worker' ? '→ worker' : '← worker';
      return [
        {
          name: direction,
          value: `${arrow}: ${totals.count} since open, ${formatBytes(totals.bytes)}`,
          item: true,
        },
        ...this.#bus.last(direction).map((entry, i) => ({
          name: `${direction}-${i}`,
          value: `  ${describeBusEntry(entry)}`,
          item: true,
        })),
      ];
    });

    return [
      { id: 'page', title: 'Page: why this world?', rows: status },
      { id: 'history', title: 'History (router)', rows: history },
      { id: 'focus', title: 'Focus', rows: focus },
      { id: 'timing', title: 'Frame time and input latency (since open)', rows: timing },
      { id: 'bus', title: 'Worker bus (last each way)', rows: bus },
    ];
  }
}

/**
 * A timing summary as one line.
 *
 * @example
 * describeTiming({ count: 3, last: 2, p50: 2, p95: 5, max: 5 }); // 'last 2.0 ms · p50 2.0 ms · p95 5.0 ms · max 5.0 ms (3)'
 */
export function describeTiming(summary: TimingSummary | null): string {
  if (summary === null) return 'no samples yet';
  const { last, p50, p95, max, count } = summary;
  return `last ${formatMs(last)} · p50 ${formatMs(p50)} · p95 ${formatMs(p95)} · max ${formatMs(max)} (${count})`;
}

/**
 * A bus crossing as one line: its time (s since the page started), what, detail, size.
 *
 * @example
 * describeBusEntry(entry); // '12.34 s scene.batch collections · 1.2 KB'
 */
export function describeBusEntry(entry: BusEntry): string {
  const detail = entry.detail === '' ? '' : ` ${entry.detail}`;
  return `${(entry.at / 1000).toFixed(2)} s ${entry.what}${detail} · ${formatBytes(entry.bytes)}`;
}
