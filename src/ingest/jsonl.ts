// One JSONL line -> RawDocument, validated against the documented article shape.
import { z } from 'zod';
import { InputError, type RawDocument } from '../domain/index.js';

const optionalString = z.string().optional().nullable();

export const JsonlArticleSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional().nullable(),
    url: optionalString,
    title: optionalString,
    text: optionalString,
    html: optionalString,
    published: optionalString,
    language: optionalString,
    source: optionalString,
  })
  .passthrough()
  .refine((a) => (a.text ?? '').trim() !== '' || (a.html ?? '').trim() !== '', {
    message: 'needs a non-empty "text" or "html" field',
  });

export type JsonlArticle = z.infer<typeof JsonlArticleSchema>;

/** Parses a line; returns an InputError naming the line and the reason instead of throwing. */
export function parseJsonlLine(line: string, origin: string, path?: string): RawDocument | InputError {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return new InputError(origin, `invalid JSON (${(err as Error).message})`);
  }
  return jsonArticleToDocument(value, origin, path);
}

/** Validates an already-parsed article object (JSONL line or API body). */
export function jsonArticleToDocument(value: unknown, origin: string, path?: string): RawDocument | InputError {
  const parsed = JsonlArticleSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `field "${issue.path.join('.')}": ` : '';
    return new InputError(origin, `invalid article (${where}${issue.message})`);
  }
  const a = parsed.data;
  const useHtml = (a.text ?? '').trim() === '';
  return {
    origin,
    ...(path ? { path } : {}),
    ...(a.url ? { url: a.url } : {}),
    format: useHtml ? 'html' : 'text',
    body: useHtml ? a.html! : a.text!,
    hints: {
      ...(a.id != null ? { id: String(a.id) } : {}),
      ...(a.title ? { title: a.title } : {}),
      ...(a.published ? { published: a.published } : {}),
      ...(a.language ? { language: a.language } : {}),
      ...(a.source ? { source: a.source } : {}),
    },
  };
}
