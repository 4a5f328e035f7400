// The field names of common news datasets, mapped to the fields of a Storyline JSONL article
// (data/ingest/field-aliases.json). The canonical name wins, then the first alias with a value.
import { z } from 'zod';
import { loadDataFile } from '../lib/data-files.js';

export const CANONICAL_FIELDS = ['id', 'url', 'title', 'text', 'html', 'published', 'language', 'source'] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

const FieldAliasesSchema = z.object({
  $note: z.string(),
  fields: z.record(z.enum(CANONICAL_FIELDS), z.array(z.string().min(1))),
});

export type FieldAliases = Partial<Record<CanonicalField, string[]>>;

export function getFieldAliases(): FieldAliases {
  return loadDataFile('ingest/field-aliases.json', FieldAliasesSchema).fields;
}

export interface ResolvedFields {
  /** The article under its canonical field names. */
  article: Partial<Record<CanonicalField, unknown>>;
  /** For each canonical field taken, the name it had in the input (for messages). */
  sourceNames: Partial<Record<CanonicalField, string>>;
  /** Names in the input that carry a value no canonical field took, in input order. */
  unused: string[];
}

/**
 * Maps a record's fields to the canonical ones. A canonical name is taken whenever it has a value, of
 * any type (so that a wrong type is reported against it); an alias only when its value can serve (a
 * non-blank string, or a number for `id`): `"date_publish": null` or a schema.org `publisher` object
 * does not hide the next alias. Null and blank fields count as absent, and are never reported unused.
 */
export function resolveFields(record: Record<string, unknown>, aliases: FieldAliases = getFieldAliases()): ResolvedFields {
  const article: ResolvedFields['article'] = {};
  const sourceNames: ResolvedFields['sourceNames'] = {};
  const taken = new Set<string>();
  for (const field of CANONICAL_FIELDS) {
    const name = [field, ...(aliases[field] ?? [])].find((n, i) => Object.hasOwn(record, n) && (i === 0 ? hasValue(record[n]) : isUsableValue(field, record[n])));
    if (name === undefined) continue;
    article[field] = record[name];
    sourceNames[field] = name;
    taken.add(name);
  }
  return { article, sourceNames, unused: Object.keys(record).filter((k) => !taken.has(k) && hasValue(record[k])) };
}

function hasValue(value: unknown): boolean {
  return value != null && !(typeof value === 'string' && value.trim() === '');
}

function isUsableValue(field: CanonicalField, value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  return field === 'id' && typeof value === 'number';
}
