// Hostile articles at the sizes an audit used (issue 18): each is analysed in bounded time and either
// kept with its text or refused with a reason. No timing is asserted; the inputs are large enough that a
// step gone back to quadratic cost (the parser's tag stack, sentence segmentation of one huge paragraph,
// a look-up per name or per quote) runs into the per-test timeout, which only guards against a hang.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { InputError, type EnrichedArticle, type RawDocument } from '../domain/index.js';
import { MAX_ELEMENT_DEPTH } from '../extract/index.js';
import { analyzeDocument } from './ingest.js';

const HANG_GUARD = { timeout: 30_000 };
const NOW = { now: () => new Date('2024-06-20T00:00:00Z') };
const LEAD = 'Officials in Berlin said on Tuesday that the talks would continue after the summit.';

const html = (body: string): RawDocument => ({ origin: 'hostile.html', format: 'html', hints: {}, body: `<html><head><title>A hostile page</title></head><body>${body}</body></html>` });
const text = (body: string): RawDocument => ({ origin: 'hostile.txt', format: 'text', hints: {}, body });

/** Plausible prose of about `chars` characters: words of a news sentence in a seeded order, a stop every ten words or so. */
function prose(chars: number, seed = 1): string {
  const words = 'the minister said on Tuesday that talks with officials in Berlin would continue after the summit despite protests by farmers over fuel prices'.split(' ');
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const out: string[] = [];
  let length = 0;
  for (let inSentence = 0; length < chars; inSentence++) {
    let word = words[Math.floor(next() * words.length)]!;
    if (inSentence === 0) word = word[0]!.toUpperCase() + word.slice(1);
    if (inSentence > 8 && next() < 0.12) {
      word += '.';
      inSentence = -1;
    }
    out.push(word);
    length += word.length + 1;
  }
  return `${out.join(' ')}.`;
}

function kept(doc: RawDocument): EnrichedArticle {
  return analyzeDocument(doc, NOW);
}

function refused(doc: RawDocument, reason: RegExp): void {
  assert.throws(() => analyzeDocument(doc, NOW), (err: unknown) => err instanceof InputError && reason.test(err.reason));
}

test('a million unclosed inline tags (3 MB of "<b>") keep the text around them', HANG_GUARD, () => {
  const article = kept(html(`<p>${LEAD}</p>${'<b>'.repeat(1_000_000)}${LEAD}`));
  assert.equal(article.text.split(LEAD).length, 3, 'the text before and after the tags');
});

for (const depth of [25_000, 100_000, 400_000]) {
  test(`elements nested ${depth.toLocaleString('en')} deep keep their text, without overflowing the stack`, HANG_GUARD, () => {
    const article = kept(html(`${'<div>'.repeat(depth)}<p>${LEAD}</p>${'</div>'.repeat(depth)}`));
    assert.ok(article.text.includes(LEAD));
  });
}

test('400,000 unclosed divs each with a word keep the words nested beyond the depth bound', HANG_GUARD, () => {
  const article = kept(html(`<p>${LEAD}</p>${'<div>word '.repeat(400_000)}`));
  // The deepest element holds the words of every div below the bound; the content chosen may leave out the few hundred above it.
  assert.ok(article.text.match(/\bword\b/g)!.length >= 400_000 - MAX_ELEMENT_DEPTH);
});

test('a single paragraph of 2 MB, as text and as one <p>, is kept whole', HANG_GUARD, () => {
  const paragraph = prose(1_990_000);
  for (const doc of [text(`A hostile headline here\n\n${paragraph}`), html(`<h1>A hostile headline here</h1><p>${paragraph}</p>`)]) {
    const article = kept(doc);
    assert.equal(article.text, paragraph, doc.format);
  }
});

test('a 2 MB paragraph dense in names, dates and quotes is analysed', HANG_GUARD, () => {
  const sentences = [
    'Russian President Vladimir Putin met Chancellor Olaf Scholz in Berlin on June 18, 2024.',
    '“We will continue the talks next week,” he said.',
    'According to Reuters, the meeting lasted three hours.',
    'Kremlin spokesman Dmitry Peskov said: “The visit is being prepared.”',
    'Deputy Prime Minister Anna Lindqvist, an aide to the president, said the figures of 3 March 2023 were wrong.',
  ];
  const paragraph = Array.from({ length: 20_000 }, (_, i) => sentences[i % sentences.length]!).join(' ');
  const article = kept(text(`A hostile headline here\n\n${paragraph}`));
  assert.ok(article.entities.some((e) => e.name === 'Vladimir Putin'));
  assert.ok(article.quotes.length >= 4_000, `${article.quotes.length} quotes`);
  assert.ok(article.dates.length >= 4_000, `${article.dates.length} dates`);
});

test('a million tags of many kinds keep their text', HANG_GUARD, () => {
  const article = kept(html(`<p>${LEAD}</p>${'<span><i>x</i>'.repeat(500_000)}`));
  assert.ok(article.text.includes(LEAD));
  assert.ok(article.text.includes('x'.repeat(1000)));
  const mixed = kept(html(`<p>${LEAD}</p>${'<span><i>x</i><u>y</u><a href="#">z</a><p>w</p><em>v</em><div>q</div><table><td>t</td>'.repeat(60_000)}`));
  assert.ok(mixed.text.includes(LEAD));
});

test('stray closing tags by the hundred thousand are ignored', HANG_GUARD, () => {
  assert.ok(kept(html(`<p>${LEAD}</p>${'<b>'.repeat(300_000)}${'</u>'.repeat(300_000)}`)).text.includes(LEAD));
});

test('SVG elements left open by the hundred thousand are analysed', HANG_GUARD, () => {
  assert.ok(kept(html(`<p>${LEAD}</p>${'<div><svg></div>'.repeat(300_000)}`)).text.includes(LEAD));
});

test('a page of a hundred thousand comments and paragraphs, and one of nested date wrappers, are analysed', HANG_GUARD, () => {
  assert.ok(kept(html(`<p>${LEAD}</p>${'<!-- c --><p>word</p>'.repeat(100_000)}`)).text.includes(LEAD));
  const wrapped = kept(html(`${'<div class="date published">'.repeat(600)}<time>June 5, 2024</time><p>${prose(1_000_000)}</p>`));
  assert.ok(wrapped.text.length > 900_000);
});

test('a 2 MB line without spaces or punctuation is refused as no article text', HANG_GUARD, () => {
  const line = 'abcdefghij'.repeat(199_000);
  refused(text(`Title of the page\n\n${line}`), /no article text found/);
  refused(html(`<p>${line}</p>`), /no article text found/);
});

test('a 2 MB line without spaces inside an article is kept with the article', HANG_GUARD, () => {
  const line = 'abcdefghij'.repeat(199_000);
  const article = kept(text(`A headline for the page\n\n${prose(3000)}\n\n${line}\n\n${prose(3000, 2)}`));
  assert.ok(article.text.includes(line));
});

test('a text of 80,000 dates and little else is analysed, every date found', HANG_GUARD, () => {
  const body = `${Array.from({ length: 80_000 }, (_, i) => `${1 + (i % 28)} March 20${10 + (i % 14)}`).join(', ')}.`;
  const article = kept({ origin: 'dense-dates', format: 'text', body, hints: {} });
  assert.ok(article.dates.length > 79_000, `${article.dates.length} dates`);
});
