import { test } from 'node:test';
import assert from 'node:assert/strict';
import { secondOpinion } from './second-opinion.js';

const prose = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} about ${topic}, with enough words, commas, and detail to read as prose rather than a link or a label.</p>`).join('\n');

test('takes the prose container and leaves navigation and related links out', () => {
  const html = `<html><body>
    <nav><ul><li><a href="/a">Home</a></li><li><a href="/b">World</a></li></ul></nav>
    <div class="article-body">${prose('the summit', 6)}</div>
    <div class="related-links"><ul>${'<li><a href="/x">Another story about something else entirely</a></li>'.repeat(8)}</ul></div>
  </body></html>`;
  const text = secondOpinion(html);
  assert.match(text, /Paragraph 1 about the summit/);
  assert.match(text, /Paragraph 6 about the summit/);
  assert.doesNotMatch(text, /Another story|Home|World/);
});

test('a lead in a sibling wrapper with the same class joins the article', () => {
  const html = `<html><body><main>
    <div class="container"><div class="intro">The lead sentence says what happened on Saturday night, and where it happened.</div></div>
    <div class="container"><div class="content">${prose('the crash', 5)}</div></div>
  </main></body></html>`;
  const text = secondOpinion(html);
  assert.match(text, /The lead sentence/);
  assert.match(text, /Paragraph 5 about the crash/);
});

test('when stripping unlikely containers leaves too little, it retries without that filter', () => {
  // The whole page sits in a wrapper whose class names a menu: the first pass drops everything.
  const html = `<html><body><div class="wsmenucontainer"><div class="post">${prose('the visit', 4)}</div></div></body></html>`;
  assert.match(secondOpinion(html), /Paragraph 4 about the visit/);
});

test('hidden elements, scripts and captions never reach the text', () => {
  const html = `<html><body><div class="story">
    ${prose('the talks', 4)}
    <div style="display:none">Hidden promotional text that no reader sees on the page at all.</div>
    <script>document.write('script text that must not appear')</script>
    <figure><img src="a.jpg"><figcaption>Photo caption describing the picture in many words here.</figcaption></figure>
  </div></body></html>`;
  const text = secondOpinion(html);
  assert.match(text, /Paragraph 1 about the talks/);
  assert.doesNotMatch(text, /Hidden promotional|script text|Photo caption/);
});

test('a data table inside the article is kept', () => {
  const html = `<html><body><div class="entry">${prose('the rates', 4)}
    <table><thead><tr><th>Amount</th><th>Rate</th></tr></thead><tbody><tr><td>1000</td><td>3.5 %</td></tr></tbody></table>
  </div></body></html>`;
  const text = secondOpinion(html);
  assert.match(text, /Amount/);
  assert.match(text, /3\.5 %/);
});

test('empty or bodiless input gives empty text, not an error', () => {
  assert.equal(secondOpinion(''), '');
  assert.equal(secondOpinion('<html><body></body></html>'), '');
});
