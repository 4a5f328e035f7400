// What an alert follows, from what a user gave (CLI flags, an API body): exactly one of a query, an
// entity or a story. The reason is returned, not thrown: the CLI and the API word it their own way.
import { randomBytes } from 'node:crypto';
import type { AlertTarget } from '../store/index.js';

const HAS_WORD = /[\p{L}\p{N}]/u;

export function alertTargetFrom(input: { query?: string | undefined; entity?: string | undefined; story?: string | undefined }): AlertTarget | { problem: string } {
  const query = input.query?.trim();
  const entity = input.entity?.trim();
  const story = input.story?.trim();
  if ([query, entity, story].filter((v) => v !== undefined && v !== '').length !== 1) return { problem: 'give exactly one of query, entity, story' };
  if (query) return HAS_WORD.test(query) ? { kind: 'query', query } : { problem: 'query needs at least one word' };
  if (entity) return HAS_WORD.test(entity) ? { kind: 'entity', entity } : { problem: 'entity needs a name' };
  return { kind: 'story', storyId: story! };
}

export function newAlertId(): string {
  return `al${randomBytes(6).toString('hex')}`;
}
