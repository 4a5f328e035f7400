import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parsePage } from './dom.js';
import { extractMainContent, isEnoughContent } from './main-content.js';

const para = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} about ${topic}, with enough words, commas, and detail to read as prose in a news report.</p>`).join('');

test('an article split into repeated wrappers is taken whole, without the comments', () => {
  const html = `<html><body><header><nav><a href="/">Home</a></nav></header>
    <article><section>
      <div class="StoryBodyColumn"><div class="css-1">${para('the vote', 3)}</div></div>
      <div class="ad-slot">Advertisement</div>
      <div class="StoryBodyColumn"><div class="css-1">${para('the count', 3)}</div></div>
      <div class="StoryBodyColumn"><div class="css-1">${para('the result', 3)}</div></div>
    </section></article>
    <div id="comments">${para('a reader opinion', 2)}</div></body></html>`;
  const { text } = extractMainContent(parsePage(html));
  for (const topic of ['the vote', 'the count', 'the result']) assert.match(text, new RegExp(`about ${topic}`));
  assert.doesNotMatch(text, /reader opinion|Advertisement|Home/);
});

test("weak furniture words do not prune a container that names content (Blogger's 'widget Blog')", () => {
  const html = `<html><body><div class="widget Blog"><div class="post-body">${para('the harbour', 4)}</div></div>
    <div class="widget PopularPosts">${para('another post', 1)}</div></body></html>`;
  const { text } = extractMainContent(parsePage(html));
  assert.match(text, /about the harbour/);
  assert.ok(isEnoughContent(text));
});

test('prose written between <br>s credits its container', () => {
  const sentences = Array.from({ length: 6 }, (_, i) => `Sentence ${i + 1} of a post written without paragraphs, as forums and blogs do, with commas, clauses, and detail.`);
  const html = `<html><body><div class="nav-links"><a href="/a">A</a><a href="/b">B</a></div>
    <div class="content">${sentences.join('<br><br>')}<div class="image"><img src="x.jpg"></div></div></body></html>`;
  const { text, coverage } = extractMainContent(parsePage(html));
  assert.match(text, /Sentence 1 of a post/);
  assert.match(text, /Sentence 6 of a post/);
  assert.ok(coverage > 0.9, `coverage ${coverage}`);
});

test('a page with no prose gives no content and zero coverage', () => {
  assert.deepEqual(extractMainContent(parsePage('<html><body><nav><a href="/">Home</a></nav></body></html>')), { text: '', coverage: 0 });
});
