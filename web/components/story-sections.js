// The story page's other sections: who said what, where sources differ, entities, articles.
import { articlePath, entityPath } from '../api.js';
import { h, plural } from '../dom.js';

const ARTICLE_PAGE = 50;
const SPEAKERS_SHOWN = 40;
const SINGLE_SOURCE_SHOWN = 12;

export function section(id, title, ...content) {
  return h('section', { 'aria-labelledby': id, class: 'story-section' }, h('h2', { id }, title), ...content);
}

const articleLink = (id, text) => h('a', { href: articlePath(id), 'data-link': true }, text);

/** Quotes grouped by speaker, most quoted first. */
export function quotesSection(quotes) {
  if (!quotes.length) return section('quotes-title', 'Who said what', h('p', {}, 'No quotes found in these articles.'));
  const bySpeaker = new Map();
  for (const q of quotes) {
    const who = q.speaker ?? q.speakerText;
    if (!bySpeaker.has(who)) bySpeaker.set(who, []);
    bySpeaker.get(who).push(q);
  }
  const speakers = [...bySpeaker].sort((a, b) => b[1].length - a[1].length).slice(0, SPEAKERS_SHOWN);
  return section(
    'quotes-title',
    'Who said what',
    h(
      'dl',
      { class: 'quotes' },
      speakers.flatMap(([who, said]) => [
        h('dt', {}, who),
        ...said.map((q) =>
          h(
            'dd',
            {},
            h(q.kind === 'direct' ? 'q' : 'span', { class: q.kind }, q.text),
            ' ',
            h('span', { class: 'cite' }, '(', articleLink(q.article, q.source ?? 'no named outlet'), `, ${q.published ?? 'undated'}${q.kind === 'reported' ? ', reported' : ''})`),
          ),
        ),
      ]),
    ),
  );
}

export function differencesSection(diff) {
  const conflicts = diff.dateConflicts.length
    ? h(
        'ul',
        { class: 'conflicts' },
        diff.dateConflicts.map((c) =>
          h(
            'li',
            {},
            'Dated differently: ',
            ...c.reports.flatMap((r, i) => [i ? ' vs. ' : '', h('strong', {}, r.date), ' by ', articleLink(r.article, r.source ?? 'no named outlet'), ` (“${r.sentence}”)`]),
          ),
        ),
      )
    : h('p', {}, 'No development is given conflicting dates by different articles.');
  const single = diff.singleSource.length
    ? h('div', {}, h('h3', {}, `Reported by one outlet only (${diff.singleSource.length} of the story’s developments)`), h('ul', { class: 'single-source' }, diff.singleSource.slice(0, SINGLE_SOURCE_SHOWN).map((p) => h('li', {}, h('time', { datetime: p.date }, p.date), ` ${p.text} — `, h('em', {}, p.source)))), diff.singleSource.length > SINGLE_SOURCE_SHOWN ? h('p', {}, `…and ${diff.singleSource.length - SINGLE_SOURCE_SHOWN} more.`) : null)
    : h('p', {}, diff.outlets.length > 1 ? 'Every development is reported by more than one outlet.' : diff.unknownOutletArticles ? 'Too few articles name their outlet to tell which developments one outlet alone reports.' : 'All articles come from one outlet.');
  // Articles of unknown outlets are listed as such, never counted as one more outlet.
  const unknown = diff.unknownOutletArticles ? `${diff.outlets.length ? '; ' : ''}${plural(diff.unknownOutletArticles, 'article')} without a named outlet` : '';
  return section('differences-title', 'Where sources differ', h('p', { class: 'meta' }, `Outlets: ${diff.outlets.join(', ')}${unknown}`), conflicts, single);
}

/** Each entity chip opens the entity's page: its timeline across every story that names it, and those stories. */
export function entitiesSection(entities) {
  return section(
    'entities-title',
    'Entities',
    h('p', { class: 'legend' }, 'Open an entity for its timeline and its stories.'),
    h(
      'ul',
      { class: 'entities' },
      entities.slice(0, 60).map((e) =>
        h('li', {}, h('a', { class: `entity-chip entity ${e.type}`, href: entityPath(e.name), 'data-link': true }, h('span', { class: 'entity-name' }, e.name), h('span', { class: 'entity-meta' }, ` ${e.type}, ${plural(e.mentions, 'mention')}`))),
      ),
    ),
  );
}

/**
 * Who reports the story: each outlet with its articles, languages and first and last report. The
 * story's `outlets` when the API gives them, else counted here from its original articles (copies of
 * another article left out); articles without a named outlet are counted apart, never as an outlet.
 */
export function outletsSection(story) {
  const { outlets, unknown } = story.outlets ? { outlets: story.outlets, unknown: story.unknownOutletArticles ?? 0 } : countOutlets(story.articles);
  const count = (o) => (Array.isArray(o.articles) ? o.articles.length : o.articles);
  return section(
    'outlets-title',
    `Outlets (${outlets.length})`,
    outlets.length
      ? h(
          'ul',
          { class: 'outlets' },
          outlets.map((o) =>
            h(
              'li',
              { class: 'outlet' },
              h('span', { class: 'outlet-name' }, o.name),
              h('span', { class: 'outlet-count' }, plural(count(o), 'article')),
              h('span', { class: 'meta' }, `${o.languages.join(', ')} · ${o.first && o.last && o.first !== o.last ? `${o.first} → ${o.last}` : (o.first ?? 'undated')}`),
            ),
          ),
        )
      : h('p', {}, 'No article names its outlet.'),
    unknown ? h('p', { class: 'meta outlets-unknown' }, `${plural(unknown, 'article')} without a named outlet.`) : null,
  );
}

function countOutlets(articles) {
  const byName = new Map();
  let unknown = 0;
  for (const a of articles) {
    if (a.duplicateOf) continue;
    const name = a.source?.trim();
    if (!name) {
      unknown += 1;
      continue;
    }
    const o = byName.get(name) ?? { name, articles: 0, languages: [], first: null, last: null };
    o.articles += 1;
    if (!o.languages.includes(a.language)) o.languages.push(a.language);
    if (a.published && (!o.first || a.published < o.first)) o.first = a.published;
    if (a.published && (!o.last || a.published > o.last)) o.last = a.published;
    byName.set(name, o);
  }
  const outlets = [...byName.values()].sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
  for (const o of outlets) o.languages.sort();
  return { outlets, unknown };
}

/** The articles, oldest first, a page at a time. */
export function articlesSection(articles) {
  const body = h('tbody');
  const addPage = (from) => {
    body.append(
      ...articles.slice(from, from + ARTICLE_PAGE).map((a) =>
        h(
          'tr',
          {},
          h('td', { class: 'article-title' }, articleLink(a.id, a.title || a.id)),
          h('td', { 'data-label': 'Outlet' }, a.source ?? 'no named outlet'),
          h('td', { 'data-label': 'Language' }, a.language),
          h('td', { 'data-label': 'Date' }, a.published ? `${a.published}${a.publishedInferred ? ' (inferred)' : ''}` : 'undated'),
        ),
      ),
    );
    return from + ARTICLE_PAGE < articles.length ? from + ARTICLE_PAGE : null;
  };
  let next = addPage(0);
  const more = next === null ? null : h('button', { type: 'button', class: 'more' }, 'Show more articles');
  more?.addEventListener('click', () => {
    next = addPage(next);
    if (next === null) more.remove();
  });
  return section(
    'articles-title',
    `Articles (${articles.length})`,
    h('table', { class: 'articles' }, h('thead', {}, h('tr', {}, ['Title', 'Outlet', 'Language', 'Date'].map((c) => h('th', { scope: 'col' }, c)))), body),
    more,
  );
}
