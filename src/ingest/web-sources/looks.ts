// What a document looks like from its first characters: its XML root element, or a short description
// for messages ("an HTML page", "JSON that is not a JSON Feed", "binary data").

/** Characters looked at for the root element: prologs (comments, a DOCTYPE) are rarely longer. */
const HEAD_CHARS = 64 * 1024;

/**
 * The qualified name of the first element (`rss`, `rdf:RDF`, `feed`, `urlset`), after the XML
 * declaration, processing instructions, comments and a DOCTYPE; null when the text does not start
 * with markup.
 */
export function rootElement(text: string): string | null {
  const s = text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
  let i = 0;
  for (;;) {
    while (i < s.length && (s.charCodeAt(i) <= 0x20 || s.charCodeAt(i) === 0xfeff)) i++;
    if (s[i] !== '<') return null;
    if (s.startsWith('<?', i)) {
      const end = s.indexOf('?>', i + 2);
      if (end < 0) return null;
      i = end + 2;
    } else if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end < 0) return null;
      i = end + 3;
    } else if (/^<!doctype/i.test(s.slice(i, i + 9))) {
      // A DOCTYPE may hold an internal subset in brackets.
      let j = i + 9;
      let depth = 0;
      for (; j < s.length; j++) {
        const c = s[j];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      if (j >= s.length) return null;
      i = j + 1;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(s.slice(i, i + 256));
      return m ? m[1]! : null;
    }
  }
}

export function looksLikeBinary(text: string): boolean {
  const n = Math.min(text.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
    if (c === 0xfffd) control++;
  }
  return n > 0 && control / n > 0.05;
}

/** A short description of what the text is, for "not a feed (…)" messages. */
export function describeText(text: string): string {
  const trimmed = text.slice(0, HEAD_CHARS).replace(/^[\s\ufeff]+/, '');
  if (!trimmed) return 'empty';
  if (looksLikeBinary(trimmed)) return 'binary data';
  const root = rootElement(trimmed);
  if (root) {
    if (root.toLowerCase() === 'html' || /^<!doctype\s+html/i.test(trimmed)) return 'an HTML page';
    return `XML whose root element is <${root}>`;
  }
  if (/^<!doctype\s+html/i.test(trimmed)) return 'an HTML page';
  if (trimmed[0] === '{' || trimmed[0] === '[') return 'JSON that is not a JSON Feed';
  if (trimmed[0] === '<') return 'markup that is not well-formed XML';
  const start = trimmed.slice(0, 40).replace(/\s+/g, ' ');
  return `plain text starting "${start}${trimmed.length > 40 ? '…' : ''}"`;
}

/** `WARC/` at the very start: a WARC file's version line. */
export function startsWithWarc(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && bytes[0] === 0x57 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x43 && bytes[4] === 0x2f;
}

/** What fetched bytes look like, for "not a page (…)" messages: binary, or describeText of their head. */
export function describeContent(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEAD_CHARS)).toString('latin1');
  return describeText(head);
}
