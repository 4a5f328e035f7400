// A story's coverage over time as a small inline SVG line; `max` puts several on one height scale.
import { svg } from '../dom.js';

const WIDTH = 120;
const HEIGHT = 24;

export function sparkline(counts, label, options = {}) {
  const max = Math.max(1, options.max ?? 0, ...counts);
  const step = counts.length > 1 ? WIDTH / (counts.length - 1) : 0;
  const points = counts.map((n, i) => `${(i * step).toFixed(1)},${(HEIGHT - 2 - (n / max) * (HEIGHT - 4)).toFixed(1)}`).join(' ');
  return svg(
    'svg',
    { class: 'sparkline', width: WIDTH, height: HEIGHT, viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label },
    svg('title', {}, label),
    svg('polyline', { points, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5 }),
  );
}
