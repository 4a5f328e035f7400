// Story routes: list and search, one story (the CLI's JSON), its timeline, quotes, where sources
// differ, and its exports (Markdown, Atom).
import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import { findSourceDifferences, renderStoryMarkdown, storyQuotes } from '../../timeline/index.js';
import { renderStoryFeed } from '../atom.js';
import { publicOrigin } from '../request-guards.js';
import { newRouter, type ApiDeps } from '../context.js';
import { IdParam, SourceDifferencesSchema, StoryListQuery, StoryListSchema, StoryQuoteSchema, StoryViewSchema, TimelineSchema } from '../schemas.js';
import { listStories } from '../story-list.js';
import { StoryViews } from '../story-views.js';
import { errorResponse, jsonResponse, textResponse } from './responses.js';

const errors = { 400: errorResponse('invalid query'), 401: errorResponse('missing or wrong token') };
const notFoundResponse = { 404: errorResponse('no such story') };

function storyRoute<R extends RouteConfig['responses']>(path: string, summary: string, responses: R) {
  return createRoute({ method: 'get', path, summary, tags: ['stories'], request: { params: IdParam }, responses: { ...responses, ...errors, ...notFoundResponse } });
}

export function storyRoutes({ store, publicUrl }: ApiDeps) {
  const app = newRouter();
  const stories = new StoryViews(store);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/stories',
      summary: 'Stories, newest activity first or by size, outlets or growth, filtered by words, language, dates, outlet, entity and size',
      tags: ['stories'],
      request: { query: StoryListQuery },
      responses: { 200: jsonResponse(StoryListSchema, 'a page of stories'), ...errors },
    }),
    async (c) => c.json(await listStories(store, c.req.valid('query')), 200),
  );

  app.openapi(storyRoute('/stories/{id}', 'One story, as `storyline story ID --json`', { 200: jsonResponse(StoryViewSchema, 'the story') }), async (c) =>
    c.json(await stories.view(c.req.valid('param').id), 200),
  );

  app.openapi(storyRoute('/stories/{id}/timeline', "A story's dated developments and background, oldest first", { 200: jsonResponse(TimelineSchema, 'the timeline') }), async (c) => {
    const view = await stories.view(c.req.valid('param').id);
    return c.json({ id: view.id, timeline: view.timeline, background: view.background }, 200);
  });

  app.openapi(
    storyRoute('/stories/{id}/quotes', 'Who said what: every quote in the story, oldest article first', {
      200: jsonResponse(z.object({ quotes: z.array(StoryQuoteSchema) }), 'the quotes'),
    }),
    async (c) => {
      const { view, articles } = await stories.viewWithArticles(c.req.valid('param').id);
      return c.json({ quotes: storyQuotes(view, articles) }, 200);
    },
  );

  app.openapi(
    storyRoute('/stories/{id}/differences', 'Where sources differ: developments one outlet alone reports, developments dated apart', {
      200: jsonResponse(SourceDifferencesSchema, 'the differences'),
    }),
    async (c) => {
      const { view, articles } = await stories.viewWithArticles(c.req.valid('param').id);
      return c.json(findSourceDifferences(view, articles), 200);
    },
  );

  app.openapi(
    storyRoute('/stories/{id}/markdown', 'The story as Markdown, as `storyline story ID --markdown`', {
      200: textResponse('text/markdown', 'Markdown'),
    }),
    async (c) => {
      const view = await stories.view(c.req.valid('param').id);
      c.header('Content-Disposition', `inline; filename="${view.id}.md"`);
      return c.body(renderStoryMarkdown(view), 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
    },
  );

  app.openapi(
    storyRoute('/stories/{id}/feed.xml', "An Atom feed of the story's timeline points, newest first", {
      200: textResponse('application/atom+xml', 'Atom feed'),
    }),
    async (c) => {
      const { view, articles } = await stories.viewWithArticles(c.req.valid('param').id);
      const origin = publicOrigin(c.req.raw, publicUrl);
      const xml = renderStoryFeed(view, articles, { storyUrl: `${origin}/stories/${encodeURIComponent(view.id)}`, feedUrl: `${origin}/api/stories/${encodeURIComponent(view.id)}/feed.xml` });
      return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
    },
  );

  return app;
}
