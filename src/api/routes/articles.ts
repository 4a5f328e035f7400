// Article routes: one stored article (as `storyline articles --json` prints it) and ingest over HTTP.
// POST takes one article as JSON or a batch as NDJSON, validated line by line with the CLI's JSONL
// schema; a batch with any invalid or unusable article stores nothing.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { articleJson } from '../../cli/output.js';
import { InputError, type RawDocument } from '../../domain/index.js';
import { jsonArticleToDocument } from '../../ingest/index.js';
import { ingestBatch, PoolBusyError, type AnalyzeAll } from '../../pipeline/index.js';
import type { StoryStore } from '../../store/index.js';
import { newRouter, type ApiDeps, type ApiEnv } from '../context.js';
import { ApiError, badRequest, invalidArticle, notFound, payloadTooLarge } from '../errors.js';
import { ArticleInputSchema, ArticleSchema, IdParam, IngestResultSchema } from '../schemas.js';
import { errorResponse, jsonResponse } from './responses.js';

const ORIGIN = 'POST /api/articles';
const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/ndjson'];
/** How many invalid lines an error message names before it counts the rest. */
const NAMED_ERRORS = 3;

const postRoute = createRoute({
  method: 'post',
  path: '/articles',
  summary: 'Ingest one article (JSON) or a batch (NDJSON, one article per line); a batch with any invalid line stores nothing',
  tags: ['articles'],
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: ArticleInputSchema },
        'application/x-ndjson': { schema: z.string().openapi({ description: 'one ArticleInput JSON object per line' }) },
      },
    },
  },
  responses: {
    201: jsonResponse(IngestResultSchema, 'stored (duplicates of stored articles are counted, not stored again)'),
    200: jsonResponse(IngestResultSchema, 'every article was already stored'),
    400: errorResponse('malformed JSON or an empty body'),
    401: errorResponse('missing or wrong token'),
    413: errorResponse('body over the size limit'),
    415: errorResponse('not application/json or application/x-ndjson'),
    422: errorResponse('an article is invalid (a field of the wrong type, no text), not usable as an article, or over the analysis time budget; nothing was stored'),
    503: errorResponse('every analysis slot is taken, or the database is busy: send the same request again after Retry-After seconds'),
  },
});

export function articleRoutes({ store, maxBodyBytes, analyzeAll }: ApiDeps) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/articles/{id}',
      summary: 'One stored article with its analysis, as `storyline articles --json` prints it',
      tags: ['articles'],
      request: { params: IdParam },
      responses: { 200: jsonResponse(ArticleSchema, 'the article'), 401: errorResponse('missing or wrong token'), 404: errorResponse('no such article') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const article = await store.getArticle(id);
      if (!article) throw notFound('article', id);
      return c.json(articleJson(article), 200);
    },
  );

  // Documented from the same schema the handler validates with; the body is read by hand because a
  // batch is NDJSON, not one JSON document.
  app.openAPIRegistry.registerPath(postRoute);
  app.post(
    '/articles',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw payloadTooLarge(maxBodyBytes);
      },
    }),
    async (c) => {
      const docs = parseBody(await c.req.text(), mediaType(c));
      const result = await ingestBatch(docs, store, analyzeAll ? { analyzeAll: busyAsHttp(analyzeAll) } : {});
      if (!result.ok) throw invalidArticle(describe(result.failed));
      const { summary } = result;
      return c.json(
        { added: summary.added, copies: summary.copies, duplicates: summary.duplicates, articles: summary.addedIds, stories: await storiesOf(store, summary.addedIds), warnings: summary.warnings },
        summary.added > 0 ? 201 : 200,
      );
    },
  );

  return app;
}

/** A full analysis pool answers 503 with Retry-After: the client sends the same post again later. */
function busyAsHttp(analyzeAll: AnalyzeAll): AnalyzeAll {
  return async (docs) => {
    try {
      return await analyzeAll(docs);
    } catch (err) {
      if (err instanceof PoolBusyError) throw new ApiError(503, 'busy', `${err.message} (retry after ${err.retryAfterSeconds} s)`, err.retryAfterSeconds);
      throw err;
    }
  };
}

function mediaType(c: Context<ApiEnv>): 'json' | 'ndjson' {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (NDJSON_TYPES.includes(type)) return 'ndjson';
  throw new ApiError(415, 'unsupported_media_type', `send application/json (one article) or application/x-ndjson (one article per line), not "${type || 'no content type'}"`);
}

/** Every line is checked before anything is stored; all problems are reported together. */
function parseBody(body: string, type: 'json' | 'ndjson'): RawDocument[] {
  const lines = type === 'json' ? [{ text: body, origin: ORIGIN }] : body.split('\n').map((text, i) => ({ text, origin: `${ORIGIN} line ${i + 1}` }));
  const present = lines.filter((l) => l.text.trim() !== '');
  if (present.length === 0) throw badRequest('empty body: send one article as JSON or one article per line as NDJSON');
  const malformed: InputError[] = [];
  const invalid: InputError[] = [];
  const docs: RawDocument[] = [];
  for (const line of present) {
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (err) {
      malformed.push(new InputError(line.origin, `invalid JSON (${(err as Error).message})`));
      continue;
    }
    const doc = jsonArticleToDocument(value, line.origin);
    if (doc instanceof InputError) invalid.push(doc);
    else docs.push(doc);
  }
  if (malformed.length) throw new ApiError(400, 'invalid_json', describe([...malformed, ...invalid]));
  if (invalid.length) throw invalidArticle(describe(invalid));
  return docs;
}

function describe(errors: InputError[]): string {
  const named = errors.slice(0, NAMED_ERRORS).map((e) => e.message);
  const more = errors.length - named.length;
  return `${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}; nothing was stored`;
}

async function storiesOf(store: StoryStore, articleIds: string[]): Promise<string[]> {
  const stories = new Set<string>();
  for (const id of articleIds) {
    const storyId = (await store.getArticle(id))?.storyId;
    if (storyId) stories.add((await store.resolveStoryId(storyId)) ?? storyId);
  }
  return [...stories];
}
