import uPlot from 'uplot';
import type { TelemetryTimeline } from '../telemetry-collector/timeline.ts';

/** The chart's size in CSS pixels (the page's layout gives it this box). */
const WIDTH = 880;
const HEIGHT = 260;

/**
 * The share of viewer time served by WASM over time, as a uPlot line chart: the measured share per
 * timeline bucket (gaps where no one watched) and the plan's intended share as a flat line.
 * uPlot draws on a canvas and styles its elements through the CSSOM, so it runs under the app's
 * CSP (its stylesheet is a file: uPlot.min.css).
 *
 * @example
 * const chart = new ShareChart(document.querySelector('#share-chart')!);
 * chart.update(timeline, 0.35);
 */
export class ShareChart {
  private plot: uPlot | undefined;

  constructor(private readonly container: HTMLElement) {}

  update(timeline: TelemetryTimeline, planShare: number | null): void {
    const data = chartData(timeline, planShare);
    if (this.plot === undefined) {
      this.plot = new uPlot(
        {
          width: WIDTH,
          height: HEIGHT,
          scales: { x: { time: true }, y: { range: [0, 100] } },
          axes: [
            {},
            { label: 'WASM share of viewer time (%)', values: (_u, ticks) => ticks.map((t) => `${t}%`) },
          ],
          series: [
            {},
            { label: 'measured', stroke: '#2f7ed8', width: 2, spanGaps: false, points: { show: true } },
            { label: 'plan', stroke: '#8a8a8a', width: 1, dash: [6, 4], points: { show: false } },
          ],
        },
        data,
        this.container,
      );
    } else this.plot.setData(data);
  }
}

/**
 * uPlot's columns: bucket starts in seconds (its time scale), then percents (null for a bucket
 * no one watched), then the plan's share on every bucket.
 *
 * @example
 * chartData({ buckets: [{ start: 60_000, wasmMs: 1, totalMs: 2, wasmShare: 0.5 }], ... }, 0.35);
 * // [[60], [50], [35]]
 */
export function chartData(timeline: TelemetryTimeline, planShare: number | null): uPlot.AlignedData {
  const starts = timeline.buckets.map((bucket) => bucket.start / 1000);
  const measured = timeline.buckets.map((bucket) =>
    bucket.wasmShare === null ? null : bucket.wasmShare * 100,
  );
  const plan = timeline.buckets.map(() => (planShare === null ? null : planShare * 100));
  return [starts, measured, plan];
}
