// DOM building without HTML strings: every text goes in through textContent / createTextNode,
// so nothing from an article is ever parsed as markup.
const SVG_NS = 'http://www.w3.org/2000/svg';

/** h('a', {href, class}, 'text', child...) -> element. Attributes are set as attributes, never as HTML. */
export function h(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(el, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces the main region's content and moves focus to its heading for screen readers. */
export function show(...children) {
  const main = document.getElementById('main');
  // Absent parts (a next-page button when there is no next page) are left out, never shown as "null".
  main.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

/** Only http(s) links from article data become hrefs (no javascript: or data: URLs). */
export function safeHref(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export const plural = (n, word, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** Shows another page of the app without reloading (the router listens to popstate). */
export function navigate(url) {
  history.pushState(null, '', url);
  window.scrollTo(0, 0);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** A moment from the API (ISO 8601) as a <time>, read in UTC to the minute: 2026-01-05 14:30 UTC. */
export function when(iso) {
  const date = new Date(iso);
  const text = Number.isNaN(date.getTime()) ? String(iso) : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return h('time', { datetime: iso }, text);
}
