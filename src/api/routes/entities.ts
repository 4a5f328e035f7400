// Entities by name prefix, most reported first.
import { createRoute } from '@hono/zod-openapi';
import { newRouter, type ApiDeps } from '../context.js';
import { EntityListSchema, EntityQuery } from '../schemas.js';
import { errorResponse, jsonResponse } from './responses.js';

export function entityRoutes({ store }: ApiDeps) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/entities',
      summary: 'Canonical entities whose name starts with q, most reported first',
      tags: ['entities'],
      request: { query: EntityQuery },
      responses: {
        200: jsonResponse(EntityListSchema, 'entities'),
        400: errorResponse('invalid query'),
        401: errorResponse('missing or wrong token'),
      },
    }),
    async (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json({ entities: await store.listEntities(q.trim(), limit) }, 200);
    },
  );
  return app;
}
