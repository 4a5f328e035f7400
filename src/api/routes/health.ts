// Liveness with the store's size: answers only when the database is readable.
import { createRoute } from '@hono/zod-openapi';
import { newRouter, type ApiDeps } from '../context.js';
import { HealthSchema } from '../schemas.js';
import { errorResponse, jsonResponse } from './responses.js';

export function healthRoutes({ store }: ApiDeps) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/health',
      summary: 'The server is up and its database readable',
      tags: ['meta'],
      responses: { 200: jsonResponse(HealthSchema, 'ok'), 401: errorResponse('missing or wrong token') },
    }),
    async (c) => c.json({ status: 'ok' as const, articles: (await store.corpusStats()).articleCount, stories: (await store.listStoryIds()).length }, 200),
  );
  return app;
}
