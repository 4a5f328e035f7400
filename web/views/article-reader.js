// The article reader: cleaned text with entities and dates highlighted, its metadata and quotes.
import { getJson, storyPath } from '../api.js';
import { highlightedParagraph, highlightTargets } from '../components/highlight.js';
import { section } from '../components/story-sections.js';
import { h, safeHref, show } from '../dom.js';

export async function renderArticle(id) {
  const a = await getJson(`/articles/${encodeURIComponent(id)}`);
  document.title = `${a.title} — Storyline`;
  const targets = highlightTargets(a);
  const original = a.url ? safeHref(a.url) : null;
  show(
    h(
      'article',
      { class: 'reader', lang: a.language },
      h('p', { class: 'breadcrumb' }, a.story ? h('a', { href: storyPath(a.story), 'data-link': true }, '← Back to the story') : null),
      h('h1', {}, a.title || a.id),
      h(
        'p',
        { class: 'meta' },
        `${a.source ?? 'no named outlet'} · ${a.language} · ${a.published ? `${a.published}${a.publishedInferred ? ' (inferred)' : ''}` : 'undated'}`,
        a.authors.length ? ` · ${a.authors.join(', ')}` : '',
        original ? [' · ', h('a', { href: original, rel: 'noopener noreferrer nofollow' }, 'original')] : '',
      ),
      h('p', { class: 'legend', lang: 'en' }, h('mark', { class: 'entity person' }, 'person'), ' ', h('mark', { class: 'entity place' }, 'place'), ' ', h('mark', { class: 'entity organization' }, 'organization'), ' ', h('time', { class: 'date' }, 'date')),
      h('div', { class: 'article-text' }, a.text.split(/\n\s*\n|\n/).filter((p) => p.trim()).map((p) => highlightedParagraph(p, targets))),
      a.quotes.length
        ? section('article-quotes', 'Quotes', h('ul', { lang: a.language }, a.quotes.map((q) => h('li', {}, h('strong', {}, q.speaker ?? q.speakerText), ': ', h(q.kind === 'direct' ? 'q' : 'span', {}, q.text)))))
        : null,
    ),
  );
}
