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

/**
 * Replaces the main region's content and moves focus to its heading for screen readers (the CSS
 * shows no ring for that). Back to a page left through a link, the focus returns to that link.
 */
export function show(...children) {
  const main = document.getElementById('main');
  // Parts a view leaves out (null, false) are left out here too, not shown as the text "null".
  main.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  const back = history.state?.leftBy;
  const link = back ? [...main.querySelectorAll('a[href]')].find((a) => a.getAttribute('href') === back) : null;
  if (link) return link.focus();
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

/** plural(1, 'mention') → "1 mention"; plural(3, 'match', 'matches') → "3 matches". */
export const plural = (n, word, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

/** Shows another page of the app without reloading (the router listens to popstate and to this "navigate" event). */
export function navigate(url, leftBy = null) {
  // The page left remembers the link that left it, for the focus when coming back.
  if (leftBy) history.replaceState({ ...history.state, leftBy }, '');
  history.pushState(null, '', url);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event('navigate'));
}

/** A moment from the API (ISO 8601) as a <time>, read in UTC to the minute: 2026-01-05 14:30 UTC. */
export function when(iso) {
  const date = new Date(iso);
  const text = Number.isNaN(date.getTime()) ? String(iso) : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return h('time', { datetime: iso }, text);
}
