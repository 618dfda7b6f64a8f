import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { type HopTrace, validHopTraces } from './hop-trace.ts';

/** The two columns of the table. `react` is the world the host calls `legacy`. */
export type World = 'wasm' | 'react';
export const WORLDS: readonly World[] = ['wasm', 'react'];
export const HOST_WORLD: Readonly<Record<World, 'wasm' | 'legacy'>> = { wasm: 'wasm', react: 'legacy' };

/** The collections page of profile p1, served by `world` (WASM is the plan's default). */
export function collectionsUrl(base: string, world: World): string {
  return `${base}/collections?profile=p1${world === 'react' ? '&world.collections=legacy' : ''}`;
}

const PROBE = readFileSync(new URL('./page-probe.js', import.meta.url), 'utf8');

/** What the page shows (page-probe.js `screen()`). */
export interface Screen {
  readonly world: string | null;
  readonly page: string | null;
  readonly focus: string | null;
  readonly hero: string | null;
}

/** What a key press waits for: focus moved and the hero changed, or a page shown with a focus. */
export type Want =
  | { readonly kind: 'move'; readonly heroGraceMs: number }
  | { readonly kind: 'page'; readonly page: string; readonly world: string | null };

/** One measured key press (page-probe.js `arm()`). */
export interface PressResult {
  readonly key: string;
  /** keydown's timeStamp → the end of the frame that showed the awaited DOM. */
  readonly latencyMs: number;
  /** keydown's timeStamp → the awaited DOM was there (before it was painted). */
  readonly domMs: number;
  /** The focus moved to a tile with the same title, so the hero did not change (a focus-only sample). */
  readonly heroUnchanged: boolean;
  readonly before: Screen;
  readonly after: Screen;
}

/** Main-thread counters of CDP Performance.getMetrics, in seconds (Timestamp is a monotonic clock). */
export interface MainThreadMetrics {
  readonly Timestamp: number;
  readonly TaskDuration: number;
  readonly ScriptDuration: number;
  readonly LayoutDuration: number;
  readonly RecalcStyleDuration: number;
}

/** Waits `ms`; the benchmark's settle time between steps. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Rejects with `what` if `promise` has not settled within `ms` (the page or the browser hung).
 * A late rejection of `promise` after the timeout (a page reloaded to recover, say) is dropped.
 */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One world's collections page in its own browser context, with the probe installed and a CDP
 * session for metrics, heap, throttling and freezing.
 *
 * @example
 * const wasm = await BenchPage.open(browser, server.url, 'wasm', { throttle: 1 });
 * const result = await wasm.press('ArrowRight', { kind: 'move', heroGraceMs: 1500 }, 10_000);
 */
export class BenchPage {
  private frozen = false;

  private constructor(
    readonly world: World,
    readonly context: BrowserContext,
    readonly page: Page,
    readonly cdp: CDPSession,
    private readonly browser: Browser,
    private readonly url: string,
    private readonly label: string,
  ) {}

  /** A fresh context and page for `world`, loaded on its collections page. */
  static async open(
    browser: Browser,
    base: string,
    world: World,
    options: { readonly throttle: number; readonly label: string; readonly timeoutMs: number },
  ): Promise<BenchPage> {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    try {
      await context.addInitScript({ content: PROBE });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await cdp.send('Page.enable');
      if (options.throttle !== 1)
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.throttle });
      const bench = new BenchPage(
        world,
        context,
        page,
        cdp,
        browser,
        collectionsUrl(base, world),
        options.label,
      );
      await bench.load(options.timeoutMs);
      return bench;
    } catch (error) {
      await context.close().catch(() => undefined);
      throw error;
    }
  }

  /** Navigates to the collections page and waits for its first focused node in the expected world. */
  async load(timeoutMs: number): Promise<void> {
    await this.page.goto(this.url, { timeout: timeoutMs });
    await this.waitForScreen('collections', timeoutMs, 'load');
  }

  /** Waits until the visible world shows `pageId` with a focused node; fails if the world is wrong. */
  async waitForScreen(pageId: string, timeoutMs: number, step: string): Promise<Screen> {
    const started = Date.now();
    for (;;) {
      const screen = await this.screen();
      if (screen.page === pageId && screen.focus !== null) {
        if (pageId === 'collections' && screen.world !== HOST_WORLD[this.world]) {
          throw new Error(
            `${this.label} ${step}: collections is served by the ${screen.world} world, expected ${HOST_WORLD[this.world]} (a fallback?)`,
          );
        }
        return screen;
      }
      if (Date.now() - started > timeoutMs) {
        throw new Error(
          `${this.label} ${step}: ${pageId} with a focused node did not show within ${timeoutMs} ms; the screen: ${JSON.stringify(screen)}`,
        );
      }
      await sleep(50);
    }
  }

  screen(): Promise<Screen> {
    return within(
      this.page.evaluate('window.__ficusBench.screen()') as Promise<Screen>,
      30_000,
      `${this.label} screen`,
    );
  }

  /**
   * Presses `key` (keydown and keyup through CDP Input.dispatchKeyEvent) and resolves with the
   * press's latency once what `want` describes is painted. Throws, saying what the screen showed,
   * if it is not within `timeoutMs`.
   */
  async press(key: string, want: Want, timeoutMs: number): Promise<PressResult> {
    const what = `${this.label}: ${key} waiting for ${JSON.stringify(want)}`;
    const outcome = within(
      this.page.evaluate(([w, t]) => (window as unknown as ProbeWindow).__ficusBench.arm(w, t), [
        want,
        timeoutMs,
      ] as const),
      timeoutMs + 15_000,
      what,
    );
    // arm() registers synchronously when evaluate starts; wait for that before the key is sent.
    await within(this.page.evaluate('0'), timeoutMs, `${what} (arming the probe)`);
    await within(this.page.keyboard.press(key), timeoutMs, `${what} (dispatching the key)`);
    const result = (await outcome) as ProbeOutcome;
    if (!result.ok) throw new Error(`${this.label}: ${result.reason}`);
    return result;
  }

  /** Holds `key` with auto-repeat keydowns at `hz` for `ms`, then releases it. */
  async hold(key: string, ms: number, hz: number): Promise<{ readonly sent: number }> {
    const started = Date.now();
    let sent = 0;
    for (let next = 0; next <= ms; next = Math.round((sent * 1000) / hz)) {
      const wait = started + next - Date.now();
      if (wait > 0) await sleep(wait);
      // playwright marks every keydown after the first of a held key as a repeat (autoRepeat).
      await within(this.page.keyboard.down(key), 15_000, `${this.label}: holding ${key}`);
      sent += 1;
    }
    await within(this.page.keyboard.up(key), 15_000, `${this.label}: releasing ${key}`);
    return { sent };
  }

  async metrics(): Promise<MainThreadMetrics> {
    const { metrics } = await within(
      this.cdp.send('Performance.getMetrics'),
      30_000,
      `${this.label} Performance.getMetrics`,
    );
    const value = (name: keyof MainThreadMetrics) =>
      metrics.find((metric) => metric.name === name)?.value ?? Number.NaN;
    return {
      Timestamp: value('Timestamp'),
      TaskDuration: value('TaskDuration'),
      ScriptDuration: value('ScriptDuration'),
      LayoutDuration: value('LayoutDuration'),
      RecalcStyleDuration: value('RecalcStyleDuration'),
    };
  }

  /** The page's JS heap in bytes after a full garbage collection. */
  async heapAfterGc(): Promise<number> {
    await within(this.cdp.send('HeapProfiler.collectGarbage'), 60_000, `${this.label} collectGarbage`);
    const usage = await within(this.cdp.send('Runtime.getHeapUsage'), 30_000, `${this.label} getHeapUsage`);
    return usage.usedSize;
  }

  /**
   * The heap of the page's dedicated worker(s) in bytes after a garbage collection, reached through
   * the browser target's CDP session (the worker is another target of this page's context), or a
   * sentence saying why it could not be reached.
   */
  async workerHeapAfterGc(): Promise<
    { readonly bytes: number; readonly workers: number } | { readonly unavailable: string }
  > {
    const info = await this.cdp.send('Target.getTargetInfo');
    const contextId = info.targetInfo.browserContextId;
    const session = await this.browser.newBrowserCDPSession();
    try {
      const { targetInfos } = await session.send('Target.getTargets');
      const workers = targetInfos.filter(
        (target) => target.type === 'worker' && target.browserContextId === contextId,
      );
      if (workers.length === 0) return { unavailable: 'no dedicated worker target in this page context' };
      let bytes = 0;
      for (const worker of workers) {
        // A non-flattened session: its replies come back as events on the browser session.
        const { sessionId } = await session.send('Target.attachToTarget', {
          targetId: worker.targetId,
          flatten: false,
        });
        const call = async (id: number, method: string): Promise<Record<string, unknown>> => {
          const reply = new Promise<Record<string, unknown>>((resolve) => {
            const onMessage = (event: { sessionId?: string; message: string }) => {
              if (event.sessionId !== sessionId) return;
              const message = JSON.parse(event.message) as {
                id?: number;
                result?: Record<string, unknown>;
                error?: unknown;
              };
              if (message.id !== id) return;
              session.off('Target.receivedMessageFromTarget', onMessage);
              resolve(message.result ?? { error: message.error });
            };
            session.on('Target.receivedMessageFromTarget', onMessage);
          });
          await session.send('Target.sendMessageToTarget', {
            sessionId,
            message: JSON.stringify({ id, method }),
          });
          return within(reply, 60_000, `${this.label} worker ${method}`);
        };
        await call(1, 'HeapProfiler.collectGarbage');
        const usage = await call(2, 'Runtime.getHeapUsage');
        await session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
        if (typeof usage['usedSize'] !== 'number') {
          return { unavailable: `Runtime.getHeapUsage in the worker answered ${JSON.stringify(usage)}` };
        }
        bytes += usage['usedSize'];
      }
      return { bytes, workers: workers.length };
    } catch (error) {
      return {
        unavailable: `worker target not reachable: ${error instanceof Error ? error.message : String(error)}`,
      };
    } finally {
      await session.detach().catch(() => undefined);
    }
  }

  /** The presses the host's input trace recorded since the last call, or null if this build has none. */
  async hopTraces(): Promise<HopTrace[] | null> {
    const raw = await within(
      this.page.evaluate(
        '(() => { const t = window.__ficusTrace; return t !== undefined && typeof t.take === "function" ? t.take() : null; })()',
      ),
      30_000,
      `${this.label} __ficusTrace.take()`,
    );
    return raw === null ? null : validHopTraces(raw);
  }

  /** Chromium's frame id of the page's main frame (to find its renderer in a trace). */
  async frameId(): Promise<string> {
    const { frameTree } = await this.cdp.send('Page.getFrameTree');
    return frameTree.frame.id;
  }

  /** Freezes the page (no tasks, no frames) while the other world is measured. */
  async freeze(): Promise<void> {
    if (this.frozen) return;
    await within(
      this.cdp.send('Page.setWebLifecycleState', { state: 'frozen' }),
      30_000,
      `${this.label} freeze`,
    );
    this.frozen = true;
  }

  async thaw(): Promise<void> {
    if (!this.frozen) return;
    await within(
      this.cdp.send('Page.setWebLifecycleState', { state: 'active' }),
      30_000,
      `${this.label} thaw`,
    );
    this.frozen = false;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }
}

type ProbeOutcome = ({ readonly ok: true } & PressResult) | { readonly ok: false; readonly reason: string };
interface ProbeWindow {
  readonly __ficusBench: { arm(want: Want, timeoutMs: number): Promise<ProbeOutcome> };
}
