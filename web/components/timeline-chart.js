// The timeline on a date axis: the developments placed by date, background points (long before the
// first report) in a separate band at the left, hollow and grey. Positions are percentages of the
// chart's width and text sizes are CSS pixels, so the chart fills any screen without shrinking its text.
import { plural, svg } from '../dom.js';

const HEIGHT = 86;
const AXIS_Y = 46;
const PAD = 7; // % of the width on each side
const BACKGROUND_BAND = 18; // % of the width, when there are background points
const GAP = 5;

const dayNumber = (iso) => Date.UTC(+iso.slice(0, 4), +(iso.slice(5, 7) || 1) - 1, +(iso.slice(8, 10) || 1)) / 86_400_000;
const pct = (n) => `${n.toFixed(2)}%`;

/** "Timeline chart: 14 developments from 2023-09 to 2024-06, 5 background points". */
export function timelineChartLabel(timeline, background) {
  const span = timeline.length ? ` from ${timeline[0].date} to ${timeline.at(-1).date}` : '';
  return `Timeline chart: ${plural(timeline.length, 'development')}${span}${background.length ? `, ${plural(background.length, 'background point')} before` : ''}`;
}

export function timelineChart(timeline, background) {
  const left = background.length ? PAD + BACKGROUND_BAND + GAP : PAD;
  const right = 100 - PAD;
  const first = timeline.length ? dayNumber(timeline[0].start) : 0;
  const last = timeline.length ? dayNumber(timeline[timeline.length - 1].start) : 0;
  const x = (p) => (last === first ? (left + right) / 2 : left + ((dayNumber(p.start) - first) / (last - first)) * (right - left));
  const bx = (i) => PAD + (background.length === 1 ? BACKGROUND_BAND / 2 : (i / (background.length - 1)) * BACKGROUND_BAND);
  const dot = (p, cx, kind) => svg('circle', { cx: pct(cx), cy: AXIS_Y, r: Math.min(9, 3 + p.articles.length), class: `dot ${kind}` }, svg('title', {}, `${p.date}: ${p.text}`));
  const label = timelineChartLabel(timeline, background);
  return svg(
    'svg',
    { class: 'timeline-chart', width: '100%', height: HEIGHT, role: 'img', 'aria-label': label },
    svg('title', {}, label),
    background.length ? svg('line', { x1: pct(PAD), x2: pct(PAD + BACKGROUND_BAND), y1: AXIS_Y, y2: AXIS_Y, class: 'axis background' }) : null,
    background.length ? svg('text', { x: pct(PAD), y: 18, class: 'axis-label' }, 'Background') : null,
    svg('line', { x1: pct(left), x2: pct(right), y1: AXIS_Y, y2: AXIS_Y, class: 'axis' }),
    monthTicks(first, last, left, right),
    background.map((p, i) => dot(p, bx(i), 'background')),
    timeline.map((p) => dot(p, x(p), 'development')),
  );
}

/** A tick at each month start (every few months on long axes), labelled YYYY-MM; every other label is "minor" (hidden on phones). */
function monthTicks(first, last, left, right) {
  if (last <= first) return [];
  const start = new Date(first * 86_400_000);
  const months = [];
  for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)); d.getTime() / 86_400_000 <= last; d.setUTCMonth(d.getUTCMonth() + 1)) months.push(new Date(d));
  const every = Math.max(1, Math.ceil(months.length / 8));
  return months
    .filter((_, i) => i % every === 0)
    .map((d, i, shown) => {
      const at = pct(left + ((d.getTime() / 86_400_000 - first) / (last - first)) * (right - left));
      const minor = shown.length > 4 && i % 2 === 1;
      return svg(
        'g',
        { class: minor ? 'tick-group minor' : 'tick-group' },
        svg('line', { x1: at, x2: at, y1: AXIS_Y - 5, y2: AXIS_Y + 5, class: 'tick' }),
        svg('text', { x: at, y: AXIS_Y + 24, class: 'tick-label', 'text-anchor': 'middle' }, d.toISOString().slice(0, 7)),
      );
    });
}
