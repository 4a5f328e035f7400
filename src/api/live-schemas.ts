// Schemas of the live-news routes (feeds, alerts): they validate requests and are the OpenAPI document.
import { z } from '@hono/zod-openapi';

const httpUrl = (what: string) =>
  z
    .string()
    .max(2048)
    .url(`${what} must be an http(s) URL`)
    .refine((u) => /^https?:\/\//i.test(u), `${what} must be an http(s) URL`);

export const FeedSchema = z
  .object({
    url: z.string(),
    title: z.string().nullable(),
    addedAt: z.string(),
    etag: z.string().nullable(),
    lastModified: z.string().nullable(),
    lastCheckedAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    errorCount: z.number().int(),
    lastError: z.string().nullable(),
    nextCheckAt: z.string().nullable(),
  })
  .openapi('Feed');

export const FeedListSchema = z.object({ feeds: z.array(FeedSchema) }).openapi('FeedList');

export const FeedsInputSchema = z
  .object({ urls: z.array(httpUrl('each url')).min(1).max(1000) })
  .openapi('FeedsInput', { example: { urls: ['https://news.example.org/rss.xml'] } });

export const FeedsAddedSchema = z.object({ added: z.array(z.string()), alreadyKept: z.array(z.string()) }).openapi('FeedsAdded');
export const FeedsRemovedSchema = z.object({ removed: z.number().int() }).openapi('FeedsRemoved');

export const FeedUrlQuery = z.object({ url: httpUrl('url') });

const AlertTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('query'), query: z.string().min(1).max(500) }),
  z.object({ kind: z.literal('entity'), entity: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('story'), storyId: z.string().min(1).max(100) }),
]);

export const AlertSchema = z
  .object({
    id: z.string(),
    target: AlertTargetSchema,
    webhook: z.string().nullable(),
    createdAt: z.string(),
    matches: z.number().int(),
    lastMatchAt: z.string().nullable(),
    pendingDeliveries: z.number().int(),
    failedDeliveries: z.number().int(),
    feed: z.string().openapi({ description: "the alert's Atom feed" }),
  })
  .openapi('Alert');

export const AlertListSchema = z.object({ alerts: z.array(AlertSchema) }).openapi('AlertList');

export const AlertInputSchema = z
  .object({
    query: z.string().max(500).optional(),
    entity: z.string().max(200).optional(),
    story: z.string().max(100).optional(),
    webhook: httpUrl('webhook').optional(),
  })
  .openapi('AlertInput', { description: 'exactly one of query, entity, story', example: { story: 's1a2b3c4d5e' } });

export const AlertDetailSchema = AlertSchema.extend({
  recentMatches: z.array(
    z.object({ articleId: z.string(), storyId: z.string(), matchedAt: z.string(), title: z.string(), url: z.string().nullable(), published: z.string().nullable(), source: z.string().nullable() }),
  ),
  deliveries: z.array(
    z.object({
      id: z.number().int(),
      storyId: z.string(),
      articleIds: z.array(z.string()),
      createdAt: z.string(),
      attempts: z.number().int(),
      nextAttemptAt: z.string(),
      lastError: z.string().nullable(),
      status: z.enum(['pending', 'delivered', 'failed']),
      deliveredAt: z.string().nullable(),
    }),
  ),
}).openapi('AlertDetail');
