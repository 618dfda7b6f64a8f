/** One event of a Chromium trace (the JSON Tracing.end / browser.stopTracing hands back). */
export interface TraceEvent {
  readonly name: string;
  readonly cat?: string;
  readonly ph: string;
  /** Microseconds. */
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: Record<string, unknown>;
}

export const BREAKDOWN_PARTS = ['script', 'style', 'layout', 'paint/composite', 'gc', 'other'] as const;
export type BreakdownPart = (typeof BREAKDOWN_PARTS)[number];
/** Milliseconds of one thread's busy time, by what it was spent on. */
export type Breakdown = Record<BreakdownPart | 'total', number>;

const SCRIPT = new Set([
  'FunctionCall',
  'EvaluateScript',
  'EventDispatch',
  'FireAnimationFrame',
  'TimerFire',
  'FireIdleCallback',
  'RunMicrotasks',
  // Promise reactions and async functions run here without a FunctionCall of their own.
  'BlinkScheduler_PerformMicrotaskCheckpoint',
  'V8.Execute',
  'v8.run',
  'v8.callFunction',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.produceCache',
  'V8.CompileCode',
  'CompileScript',
  'XHRReadyStateChange',
  'XHRLoad',
]);
const STYLE = new Set([
  'UpdateLayoutTree',
  'RecalculateStyles',
  'ParseAuthorStyleSheet',
  'StyleInvalidatorInvalidation',
  'Blink.Style.UpdateTime',
]);
const LAYOUT = new Set(['Layout', 'Blink.Layout.UpdateTime', 'LocalFrameView::layout']);
const PAINT = new Set([
  'Paint',
  'PaintImage',
  'PrePaint',
  'PaintSetup',
  'UpdateLayer',
  'UpdateLayerTree',
  'Layerize',
  'Commit',
  'CompositeLayers',
  'Decode Image',
  'Decode LazyPixelRef',
  'ImageDecodeTask',
  'RasterTask',
  'ScrollLayer',
  // With the "blink" and "cc" categories: the paint lifecycle phase and the wait for the compositor.
  'Blink.Paint.UpdateTime',
  'Blink.PrePaint.UpdateTime',
  'Blink.CompositingCommit.UpdateTime',
  'Blink.CompositingInputs.UpdateTime',
  'LocalFrameView::RunPaintLifecyclePhase',
  'LocalFrameView::pushPaintArtifactToCompositor',
  'PaintController::commitNewDisplayItems',
  'CullRectUpdate',
  'LayerTreeHost::WaitForCommitCompletion',
  'LayerTreeHost::UpdateLayers',
]);

/** What one trace event's own time is spent on, or null if it says nothing (its parent decides). */
export function classify(name: string): BreakdownPart | null {
  if (SCRIPT.has(name)) return 'script';
  if (STYLE.has(name)) return 'style';
  if (LAYOUT.has(name)) return 'layout';
  if (PAINT.has(name)) return 'paint/composite';
  if (
    name === 'MinorGC' ||
    name === 'MajorGC' ||
    /^(V8\.GC|BlinkGC|CppGC)/.test(name) ||
    name.endsWith('GCEvent')
  ) {
    return 'gc';
  }
  return null;
}

interface Span {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** The thread's complete ('X') spans plus its begin/end ('B'/'E') pairs, in start order. */
function spansOf(events: readonly TraceEvent[], pid: number, tid: number): Span[] {
  const spans: Span[] = [];
  const open: TraceEvent[] = [];
  for (const event of events) {
    if (event.pid !== pid || event.tid !== tid) continue;
    if (event.ph === 'X' && event.dur !== undefined) {
      spans.push({ name: event.name, start: event.ts, end: event.ts + event.dur });
    } else if (event.ph === 'B') {
      open.push(event);
    } else if (event.ph === 'E') {
      const index = open.map((item) => item.name).lastIndexOf(event.name);
      const begin = index >= 0 ? open.splice(index, 1)[0] : open.pop();
      if (begin !== undefined) spans.push({ name: begin.name, start: begin.ts, end: event.ts });
    }
  }
  // Parents first: earlier start, and for equal starts the longer one.
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Splits one thread's busy time into script, style, layout, paint/composite, GC and other. Each
 * span's own time (its length minus its children's) goes to its own kind, or, for a span that says
 * nothing about itself (V8 internals, a task wrapper's children), to its nearest classified
 * ancestor; time under no classified span is "other". `total` is the time covered by top-level
 * spans (the thread's tasks). Milliseconds.
 *
 * @example
 * threadBreakdown(trace.traceEvents, rendererPid, mainTid).script; // ms of script in the trace
 */
export function threadBreakdown(events: readonly TraceEvent[], pid: number, tid: number): Breakdown {
  const result: Breakdown = {
    script: 0,
    style: 0,
    layout: 0,
    'paint/composite': 0,
    gc: 0,
    other: 0,
    total: 0,
  };
  const stack: Array<{ span: Span; kind: BreakdownPart; childTime: number }> = [];
  const close = (): void => {
    const top = stack.pop();
    if (top === undefined) return;
    const self = Math.max(0, top.span.end - top.span.start - top.childTime);
    result[top.kind] += self / 1000;
    const parent = stack[stack.length - 1];
    if (parent !== undefined) parent.childTime += top.span.end - top.span.start;
    else result.total += (top.span.end - top.span.start) / 1000;
  };
  for (const span of spansOf(events, pid, tid)) {
    while (stack.length > 0 && (stack[stack.length - 1]?.span.end ?? 0) <= span.start) close();
    const parent = stack[stack.length - 1];
    // A child that overruns its parent (clock rounding) is clipped to it.
    const clipped =
      parent !== undefined && span.end > parent.span.end ? { ...span, end: parent.span.end } : span;
    stack.push({ span: clipped, kind: classify(span.name) ?? parent?.kind ?? 'other', childTime: 0 });
  }
  while (stack.length > 0) close();
  return result;
}

/** A thread of the trace, by its process and thread id. */
export interface TraceThread {
  readonly pid: number;
  readonly tid: number;
}

/**
 * The renderer main thread and the dedicated worker thread(s) of the page whose main frame has id
 * `frameId` (CDP Page.getFrameTree): the process comes from TracingStartedInBrowser's frame list,
 * the threads from their thread_name metadata. `main` is null if the frame is not in the trace.
 */
export function pageThreads(
  events: readonly TraceEvent[],
  frameId: string,
): { main: TraceThread | null; workers: TraceThread[] } {
  let pid: number | null = null;
  for (const event of events) {
    if (event.name !== 'TracingStartedInBrowser') continue;
    const frames = (
      event.args?.['data'] as { frames?: Array<{ frame?: string; processId?: number }> } | undefined
    )?.frames;
    const frame = frames?.find((item) => item.frame === frameId);
    if (frame?.processId !== undefined) pid = frame.processId;
  }
  if (pid === null) return { main: null, workers: [] };
  const names = events.filter((event) => event.ph === 'M' && event.name === 'thread_name');
  const threadNamed = (name: string) =>
    names.filter((event) => (event.args?.['name'] as string | undefined) === name && event.pid === pid);
  const mainEvent = threadNamed('CrRendererMain')[0];
  return {
    main: mainEvent === undefined ? null : { pid: mainEvent.pid, tid: mainEvent.tid },
    workers: threadNamed('DedicatedWorker thread').map((event) => ({ pid: event.pid, tid: event.tid })),
  };
}
