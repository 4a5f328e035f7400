// One JSONL line -> RawDocument, validated against the documented article shape. Field names of
// common news datasets are accepted as aliases (data/ingest/field-aliases.json).
import { z } from 'zod';
import { InputError, type RawDocument } from '../domain/index.js';
import { resolveFields, type CanonicalField } from './field-aliases.js';
import { canonicalLanguageTag } from './language-tag.js';

const optionalString = z.string().optional().nullable();

/** Longest part of a refused value quoted back in a message. */
const QUOTED_VALUE_CHARS = 40;

/** A language hint: a BCP 47 tag, canonicalised. */
const languageTag = z
  .string()
  .transform((value, ctx) => {
    const tag = canonicalLanguageTag(value);
    if (tag !== null) return tag;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${quoteValue(value)} is not a BCP 47 language tag (such as "en" or "pt-BR")` });
    return z.NEVER;
  })
  .optional()
  .nullable();

export const JsonlArticleSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional().nullable(),
    url: optionalString,
    title: optionalString,
    text: optionalString,
    html: optionalString,
    published: optionalString,
    language: languageTag,
    source: optionalString,
  })
  .refine((a) => (a.text ?? '').trim() !== '' || (a.html ?? '').trim() !== '', {
    message: 'needs a non-empty "text" or "html" field (or a dataset name for it, such as "maintext" or "body")',
  });

export type JsonlArticle = z.infer<typeof JsonlArticleSchema>;

/** A JSON article read: the document, and the input's fields that it did not use. */
export interface ReadArticle {
  doc: RawDocument;
  unusedFields: string[];
}

/** Parses a line; returns an InputError naming the line and the reason instead of throwing. */
export function parseJsonlLine(line: string, origin: string, path?: string): RawDocument | InputError {
  const read = readJsonlLine(line, origin, path);
  return read instanceof InputError ? read : read.doc;
}

/** Like parseJsonlLine, also reporting the fields the line carried that were not used. */
export function readJsonlLine(line: string, origin: string, path?: string): ReadArticle | InputError {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return new InputError(origin, `invalid JSON (${(err as Error).message})`);
  }
  return readJsonArticle(value, origin, path);
}

/** Validates an already-parsed article object (JSONL line or API body). */
export function jsonArticleToDocument(value: unknown, origin: string, path?: string): RawDocument | InputError {
  const read = readJsonArticle(value, origin, path);
  return read instanceof InputError ? read : read.doc;
}

export function readJsonArticle(value: unknown, origin: string, path?: string): ReadArticle | InputError {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return new InputError(origin, 'invalid article (expected a JSON object)');
  }
  const { article, sourceNames, unused } = resolveFields(value as Record<string, unknown>);
  const parsed = JsonlArticleSchema.safeParse(article);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path[0] as CanonicalField | undefined;
    const where = field ? `field "${sourceNames[field] ?? field}": ` : '';
    return new InputError(origin, `invalid article (${where}${issue.message})`);
  }
  const a = parsed.data;
  const useHtml = (a.text ?? '').trim() === '';
  const doc: RawDocument = {
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
  // The body not taken (html beside text) is not used either.
  return { doc, unusedFields: useHtml || !a.html ? unused : [...unused, sourceNames.html!] };
}

/** A value quoted as JSON (control characters and quotes escaped), cut when long. */
function quoteValue(value: string): string {
  const quoted = JSON.stringify(value.length > QUOTED_VALUE_CHARS ? value.slice(0, QUOTED_VALUE_CHARS) : value);
  return value.length > QUOTED_VALUE_CHARS ? `${quoted.slice(0, -1)}…"` : quoted;
}
