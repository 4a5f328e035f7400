// Parsed page -> plain text with paragraph breaks at block boundaries; no text is lost to nesting
// (text directly inside a <div>, or beside nested blocks, is kept).
import { isElement, tagOf, type AnyNode } from './dom.js';

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'tfoot', 'td', 'th', 'thead', 'tr', 'ul', 'caption',
]);
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'canvas', 'button', 'select', 'textarea', 'input', 'head', 'title']);

/** Paragraphs separated by blank lines; `<br>` gives a line break inside a paragraph. */
export function htmlToText(root: AnyNode | null): string {
  if (!root) return '';
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const lines = current
      .split('\n')
      .map((l) => l.replace(/[ \t\f\r\u00a0]+/g, ' ').trim())
      .filter(Boolean);
    if (lines.length) paragraphs.push(lines.join('\n'));
    current = '';
  };
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      current += node.data.replace(/\s+/g, ' ');
      return;
    }
    if (!isElement(node)) {
      if (node.type === 'root') for (const child of node.children) walk(child);
      return;
    }
    const tag = tagOf(node);
    if (SKIPPED_TAGS.has(tag)) return;
    if (tag === 'br') {
      current += '\n';
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const child of node.children) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}
