// Article text with its entities and dates marked: the text is cut at the matches and every piece
// goes in as a text node, so the article can never add markup.
import { h } from '../dom.js';

/** Needles: every alias of every entity and the text of every date the analysis found. */
export function highlightTargets(article) {
  const targets = [];
  for (const e of article.entities) for (const name of new Set([e.name, ...e.aliases])) if (name.length > 1) targets.push({ text: name, kind: 'entity', type: e.type, label: `${e.type}: ${e.name}` });
  for (const d of article.dates) if (d.text.length > 1) targets.push({ text: d.text, kind: 'date', label: `date: ${d.start}${d.end ? ` – ${d.end}` : ''}`, start: d.start });
  return targets.sort((a, b) => b.text.length - a.text.length);
}

/** The longest match wins at each position; matches never overlap. */
export function findMatches(text, targets) {
  const found = [];
  for (const t of targets) {
    for (let at = text.indexOf(t.text); at !== -1; at = text.indexOf(t.text, at + t.text.length)) found.push({ at, end: at + t.text.length, target: t });
  }
  found.sort((a, b) => a.at - b.at || b.end - a.end);
  const kept = [];
  let reached = 0;
  for (const m of found) {
    if (m.at < reached) continue;
    kept.push(m);
    reached = m.end;
  }
  return kept;
}

export function highlightedParagraph(text, targets) {
  const p = h('p');
  let from = 0;
  for (const m of findMatches(text, targets)) {
    if (m.at > from) p.append(text.slice(from, m.at));
    const piece = text.slice(m.at, m.end);
    p.append(
      m.target.kind === 'date'
        ? h('time', { class: 'date', datetime: m.target.start, title: m.target.label }, piece)
        : h('mark', { class: `entity ${m.target.type}`, title: m.target.label }, piece),
    );
    from = m.end;
  }
  if (from < text.length) p.append(text.slice(from));
  return p;
}
