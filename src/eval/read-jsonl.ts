// Evaluation files: one JSON object per non-empty line, each checked against a schema.
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { InputError } from '../domain/index.js';

/**
 * The file's records; a bad line is an error naming the file and line, and, when `kind` is given,
 * what the line should have been ("a pair").
 */
export function readJsonl<T extends z.ZodTypeAny>(file: string, schema: T, kind?: string): Array<z.infer<T>> {
  const out: Array<z.infer<T>> = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        throw new InputError(`${file}:${i + 1}`, 'not valid JSON', { cause: err });
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(`${file}:${i + 1}`, `${kind ? `is not ${kind}: ` : ''}${issue?.message ?? 'invalid'} at ${issue?.path.join('.') || 'top level'}`);
      }
      out.push(parsed.data);
    });
  return out;
}
