// A timeline across any selection (story, words, entity, period), as `storyline timeline --json`.
import { createRoute } from '@hono/zod-openapi';
import { buildSelectionTimeline, SelectionError, type TimelineSelection } from '../../pipeline/index.js';
import { newRouter, type ApiDeps } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { TopicTimelineQuery, TopicTimelineSchema } from '../schemas.js';
import { errorResponse, jsonResponse } from './responses.js';

export function timelineRoutes({ store }: ApiDeps) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/timeline',
      summary: 'The most important dated developments across a selection: a story, words, an entity or a period (at least one)',
      tags: ['timeline'],
      request: { query: TopicTimelineQuery },
      responses: {
        200: jsonResponse(TopicTimelineSchema, 'the timeline'),
        400: errorResponse('nothing selected, or an invalid parameter'),
        401: errorResponse('missing or wrong token'),
        404: errorResponse('no such story'),
      },
    }),
    async (c) => {
      const { q, ...rest } = c.req.valid('query');
      const selection: TimelineSelection = { ...rest, ...(q !== undefined ? { query: q } : {}) };
      try {
        return c.json(await buildSelectionTimeline(store, selection), 200);
      } catch (err) {
        if (!(err instanceof SelectionError)) throw err;
        if (err.problem === 'story') throw notFound('story', selection.story ?? '');
        throw badRequest(err.problem === 'date' ? err.message : 'nothing selected: give story, q, entity, from or to');
      }
    },
  );
  return app;
}
