// The feeds `watch` keeps current: list, add (recorded only; `watch` fetches), remove.
import { createRoute } from '@hono/zod-openapi';
import { newRouter, type ApiDeps } from '../context.js';
import { notFound } from '../errors.js';
import { FeedListSchema, FeedsAddedSchema, FeedsInputSchema, FeedsRemovedSchema, FeedUrlQuery } from '../live-schemas.js';
import { errorResponse, jsonResponse } from './responses.js';

const errors = { 400: errorResponse('invalid request'), 401: errorResponse('missing or wrong token') };

export function feedRoutes({ store }: ApiDeps) {
  const app = newRouter();
  app.openapi(
    createRoute({ method: 'get', path: '/feeds', summary: 'The kept feeds, in the order added, with their last poll', tags: ['feeds'], responses: { 200: jsonResponse(FeedListSchema, 'feeds'), ...errors } }),
    async (c) => c.json({ feeds: await store.listFeeds() }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/feeds',
      summary: 'Keep feeds (RSS or Atom URLs); nothing is fetched until `watch` polls them',
      tags: ['feeds'],
      request: { body: { required: true, content: { 'application/json': { schema: FeedsInputSchema } } } },
      responses: { 201: jsonResponse(FeedsAddedSchema, 'some were added'), 200: jsonResponse(FeedsAddedSchema, 'all were already kept'), ...errors },
    }),
    async (c) => {
      const urls = c.req.valid('json').urls.map((u) => new URL(u).href);
      const added = await store.addFeeds(urls, new Date().toISOString());
      const addedSet = new Set(added);
      return c.json({ added, alreadyKept: [...new Set(urls.filter((u) => !addedSet.has(u)))] }, added.length ? 201 : 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/feeds',
      summary: 'Stop keeping a feed (what it brought in stays)',
      tags: ['feeds'],
      request: { query: FeedUrlQuery },
      responses: { 200: jsonResponse(FeedsRemovedSchema, 'removed'), 404: errorResponse('no such feed'), ...errors },
    }),
    async (c) => {
      const { url } = c.req.valid('query');
      const removed = await store.removeFeeds([new URL(url).href]);
      if (removed === 0) throw notFound('feed', url);
      return c.json({ removed }, 200);
    },
  );
  return app;
}
