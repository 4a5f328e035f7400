// The media type and charset a Content-Type header declares, in the lowercase form the decoder and
// the extractors compare against ('text/html', 'utf-8'); the rest of its parameters are not needed.

export interface ContentType {
  contentType: string | null;
  charset: string | null;
}

export function parseContentType(header: string | undefined): ContentType {
  if (!header) return { contentType: null, charset: null };
  const [type = '', ...params] = header.split(';');
  let charset: string | null = null;
  for (const param of params) {
    const match = /^\s*charset\s*=\s*"?([^";\s]*)"?\s*$/i.exec(param);
    if (match?.[1]) charset = match[1].toLowerCase();
  }
  const media = type.trim().toLowerCase();
  return { contentType: media === '' ? null : media, charset };
}
