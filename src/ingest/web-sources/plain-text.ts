// Markup in feed fields (titles, descriptions) -> plain text: tags dropped, entities decoded,
// whitespace collapsed, script and style contents dropped.
import { Parser } from 'htmlparser2';

const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'blockquote', 'section', 'article', 'figure', 'figcaption', 'hr', 'table', 'pre', 'dd', 'dt']);
const SKIP = new Set(['script', 'style', 'noscript', 'template']);

/** Text of an HTML fragment. */
export function htmlToPlainText(html: string): string {
  if (!/[<&]/.test(html)) return collapse(html);
  const parts: string[] = [];
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipping++;
        else if (BLOCK.has(name)) parts.push(' ');
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK.has(name)) parts.push(' ');
      },
      ontext(text) {
        if (!skipping) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return collapse(parts.join(''));
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** At most `max` characters, cut at a word boundary near the end when there is one, with an ellipsis. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > max - 200) cut = cut.slice(0, space);
  // Never leave half a surrogate pair.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
