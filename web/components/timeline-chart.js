// The timeline on a date axis: the story's developments placed by date, background points (long
// before the first report) in a separate band at the left, hollow and grey.
import { svg } from '../dom.js';

const WIDTH = 900;
const HEIGHT = 86;
const AXIS_Y = 50;
const BACKGROUND_BAND = 150;
const GAP = 40;

const dayNumber = (iso) => Date.UTC(+iso.slice(0, 4), +(iso.slice(5, 7) || 1) - 1, +(iso.slice(8, 10) || 1)) / 86_400_000;

export function timelineChart(timeline, background) {
  const left = background.length ? BACKGROUND_BAND + GAP : 10;
  const right = WIDTH - 10;
  const first = timeline.length ? dayNumber(timeline[0].start) : 0;
  const last = timeline.length ? dayNumber(timeline[timeline.length - 1].start) : 0;
  const x = (p) => (last === first ? (left + right) / 2 : left + ((dayNumber(p.start) - first) / (last - first)) * (right - left));
  const bx = (i) => 10 + (background.length === 1 ? BACKGROUND_BAND / 2 : (i / (background.length - 1)) * (BACKGROUND_BAND - 20));
  const dot = (p, cx, kind) =>
    svg('circle', { cx: cx.toFixed(1), cy: AXIS_Y, r: Math.min(9, 3 + p.articles.length), class: `dot ${kind}` }, svg('title', {}, `${p.date}: ${p.text}`));
  const label = `Timeline: ${timeline.length} developments from ${timeline[0]?.date ?? '?'} to ${timeline.at(-1)?.date ?? '?'}${background.length ? `, ${background.length} background points before` : ''}`;
  return svg(
    'svg',
    { class: 'timeline-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label, preserveAspectRatio: 'xMidYMid meet' },
    svg('title', {}, label),
    background.length ? svg('line', { x1: 10, x2: BACKGROUND_BAND, y1: AXIS_Y, y2: AXIS_Y, class: 'axis background' }) : null,
    background.length ? svg('text', { x: 10, y: 20, class: 'axis-label' }, 'Background') : null,
    svg('line', { x1: left, x2: right, y1: AXIS_Y, y2: AXIS_Y, class: 'axis' }),
    monthTicks(first, last, left, right),
    background.map((p, i) => dot(p, bx(i), 'background')),
    timeline.map((p) => dot(p, x(p), 'development')),
  );
}

/** A tick at each month start (every few months on long axes), labelled YYYY-MM. */
function monthTicks(first, last, left, right) {
  if (last <= first) return [];
  const start = new Date(first * 86_400_000);
  const months = [];
  for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)); d.getTime() / 86_400_000 <= last; d.setUTCMonth(d.getUTCMonth() + 1)) months.push(new Date(d));
  const every = Math.max(1, Math.ceil(months.length / 8));
  return months
    .filter((_, i) => i % every === 0)
    .map((d) => {
      const at = left + ((d.getTime() / 86_400_000 - first) / (last - first)) * (right - left);
      return svg('g', {}, svg('line', { x1: at, x2: at, y1: AXIS_Y - 5, y2: AXIS_Y + 5, class: 'tick' }), svg('text', { x: at, y: AXIS_Y + 22, class: 'tick-label', 'text-anchor': 'middle' }, d.toISOString().slice(0, 7)));
    });
}
