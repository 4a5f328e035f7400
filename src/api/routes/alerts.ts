// Alerts: list, create (a query, an entity or a story; optionally a webhook), one alert with its
// recent matches and deliveries, remove, and each alert's Atom feed.
import { createRoute } from '@hono/zod-openapi';
import { alertTargetFrom, newAlertId } from '../../alerts/index.js';
import type { AlertRecord } from '../../store/index.js';
import { renderAlertFeed } from '../alert-feed.js';
import { newRouter, type ApiDeps } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { AlertDetailSchema, AlertInputSchema, AlertListSchema, AlertSchema } from '../live-schemas.js';
import { publicOrigin } from '../request-guards.js';
import { IdParam } from '../schemas.js';
import { errorResponse, jsonResponse, textResponse } from './responses.js';

const errors = { 400: errorResponse('invalid request'), 401: errorResponse('missing or wrong token') };
/** Matches an alert's feed and page show. */
const RECENT_MATCHES = 50;

export function alertRoutes({ store, publicUrl }: ApiDeps) {
  const app = newRouter();
  const feedPath = (id: string) => `/api/alerts/${encodeURIComponent(id)}/feed.xml`;
  const withFeed = (a: AlertRecord) => ({ ...a, feed: feedPath(a.id) });

  app.openapi(
    createRoute({ method: 'get', path: '/alerts', summary: 'The alerts, with their match and delivery counts', tags: ['alerts'], responses: { 200: jsonResponse(AlertListSchema, 'alerts'), ...errors } }),
    async (c) => c.json({ alerts: (await store.listAlerts()).map(withFeed) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/alerts',
      summary: 'Follow a query, an entity or a story: new matching articles are recorded during ingest and watch',
      tags: ['alerts'],
      request: { body: { required: true, content: { 'application/json': { schema: AlertInputSchema } } } },
      responses: { 201: jsonResponse(AlertSchema, 'the new alert'), 404: errorResponse('no such story'), ...errors },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const target = alertTargetFrom(input);
      if ('problem' in target) throw badRequest(target.problem);
      if (target.kind === 'story') {
        const current = await store.resolveStoryId(target.storyId);
        if (!current) throw notFound('story', target.storyId);
        target.storyId = current;
      }
      const id = newAlertId();
      await store.createAlert({ id, target, webhook: input.webhook ?? null, createdAt: new Date().toISOString() });
      const alert = await store.getAlert(id);
      return c.json(withFeed(alert!), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/alerts/{id}',
      summary: 'One alert with its recent matches and webhook deliveries',
      tags: ['alerts'],
      request: { params: IdParam },
      responses: { 200: jsonResponse(AlertDetailSchema, 'the alert'), 404: errorResponse('no such alert'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const alert = await store.getAlert(id);
      if (!alert) throw notFound('alert', id);
      const [recentMatches, deliveries] = await Promise.all([store.alertMatches(id, RECENT_MATCHES), store.alertDeliveries(id, RECENT_MATCHES)]);
      return c.json({ ...withFeed(alert), recentMatches, deliveries: deliveries.map(({ alertId: _a, webhook: _w, ...d }) => d) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/alerts/{id}',
      summary: 'Remove an alert with its matches and deliveries',
      tags: ['alerts'],
      request: { params: IdParam },
      responses: { 204: { description: 'removed' }, 404: errorResponse('no such alert'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await store.removeAlert(id))) throw notFound('alert', id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/alerts/{id}/feed.xml',
      summary: "An Atom feed of the alert's matched articles, newest match first",
      tags: ['alerts'],
      request: { params: IdParam },
      responses: { 200: textResponse('application/atom+xml', 'Atom feed'), 404: errorResponse('no such alert'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const alert = await store.getAlert(id);
      if (!alert) throw notFound('alert', id);
      const origin = publicOrigin(c.req.raw, publicUrl);
      const xml = renderAlertFeed(alert, await store.alertMatches(id, RECENT_MATCHES), { origin, feedUrl: `${origin}${feedPath(id)}` });
      return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
    },
  );

  return app;
}
