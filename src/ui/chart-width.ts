/**
 * The width a chart is drawn at on screen: the room it has, up to the width its spec was made for. A chart drawn at
 * 600 px and shrunk into a phone's 336 px had its 12-px axis text at 7 px (#ui-review); drawn at 336 px the text
 * keeps its size and Plot picks fewer ticks. Exports keep the spec's own width (briefing papers), so only the
 * screen's drawing goes through here. Pure: the Node tests call it.
 */
import type { ChartSpec } from '../report/charts/charts.ts';

/** Plot's own default when a spec names no width. */
const PLOT_WIDTH = 640;
/** Narrower than this the axes and legend have no room left: the chart is drawn here and shrinks as before. */
export const MIN_CHART_WIDTH = 240;

export function chartWidth(specWidth: number | undefined, available: number): number {
  const full = specWidth ?? PLOT_WIDTH;
  // Not laid out yet (0), or not measurable: the spec's width, as before.
  if (!(available > 0)) return full;
  return Math.min(full, Math.max(MIN_CHART_WIDTH, Math.floor(available)));
}

/** The spec to draw in `available` px: the same object when its own width fits. */
export function specForWidth(spec: ChartSpec, available: number): ChartSpec {
  const own = spec.options.width;
  const width = chartWidth(own, available);
  return width === (own ?? PLOT_WIDTH) ? spec : { ...spec, options: { ...spec.options, width } };
}
