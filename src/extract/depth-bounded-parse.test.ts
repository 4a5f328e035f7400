import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { getOuterHTML } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { allElements, parsePage, textOf, type AnyNode } from './dom.js';
import { MAX_ELEMENT_DEPTH } from './depth-bounded-parse.js';

function maxDepth(root: AnyNode): number {
  let max = 0;
  const stack: Array<[AnyNode, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    max = Math.max(max, depth);
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return max;
}

test('pages within the depth bound parse exactly as htmlparser2 parses them', () => {
  const pages = [
    '<html><head><title>T &amp; U</title><script>if (a < b) {}</script></head><body><p>One<p>Two <b>bold <i>both</b> after</i></p></body></html>',
    '<ul><li>a<li>b</ul><table><tr><td>x<td>y</table><p>text</x>stray</p></br><svg><circle/><title>s</title></svg><math><mi>x</mi></math>',
    '<div class="a" id=b data-x=\'1\'>t<!-- c --><![CDATA[d]]><textarea><b>raw</b></textarea><img src="i.png"></div></p>',
  ];
  for (const html of pages) assert.equal(getOuterHTML(parsePage(html)), getOuterHTML(parseDocument(html, { decodeEntities: true })), html);
});

test('elements nested beyond the bound are flattened into their ancestor, their text kept', () => {
  const depth = MAX_ELEMENT_DEPTH * 3;
  const page = parsePage(`${'<div class="x">'.repeat(depth)}deep text${'</div>'.repeat(depth)}<p>after</p>`);
  assert.equal(maxDepth(page), MAX_ELEMENT_DEPTH + 1, 'elements, then their text');
  assert.equal(textOf(page).trim().replace(/\s+/g, ' '), 'deep text after');
  // The closing tags of the dropped elements are dropped with them: <p> is the outermost div's sibling.
  assert.equal(page.children.at(-1)?.type, 'tag');
  assert.equal(allElements(page).filter((el) => el.name === 'div').length, MAX_ELEMENT_DEPTH);
});

test('dropped block tags leave a space between words, dropped inline tags none; scripts stay elements', () => {
  const deep = '<span>'.repeat(MAX_ELEMENT_DEPTH);
  const page = parsePage(`${deep}one<p>two</p><b>th</b>ree<script>var x = "<i>";</script>`);
  const innermost = allElements(page).filter((el) => el.name === 'span').at(-1)!;
  assert.ok(textOf(innermost).startsWith('one two three'), textOf(innermost));
  assert.ok(allElements(page).some((el) => el.name === 'script'), 'the script is an element, its code no text of the page');
});

test('unbalanced tags by the thousand keep the tree bounded', () => {
  for (const html of ['<b>'.repeat(100_000), '<div><svg></div>'.repeat(20_000), `${'<p><span>'.repeat(50_000)}${'</u>'.repeat(50_000)}`]) {
    assert.ok(maxDepth(parsePage(`${html}end`)) <= MAX_ELEMENT_DEPTH + 1);
  }
});
