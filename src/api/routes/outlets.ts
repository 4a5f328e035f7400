// The languages and outlets the story list can be filtered by, read from the stored summaries.
import { createRoute } from '@hono/zod-openapi';
import { newRouter, type ApiDeps } from '../context.js';
import { LanguageListSchema, OutletListSchema, OutletQuery } from '../schemas.js';
import { errorResponse, jsonResponse } from './responses.js';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** A language code's English name; the code itself when it has none ('und': Undetermined). */
export function languageName(code: string): string {
  if (code === 'und') return 'Undetermined';
  try {
    const name = languageNames.of(code);
    return name && name !== code ? name : code;
  } catch {
    // Not a well-formed tag.
    return code;
  }
}

export function outletRoutes({ store }: ApiDeps) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/languages',
      summary: 'Every language of the stored original articles, with its stories and articles, most stories first',
      tags: ['stories'],
      responses: { 200: jsonResponse(LanguageListSchema, 'languages'), 401: errorResponse('missing or wrong token') },
    }),
    async (c) => c.json({ languages: (await store.listLanguages()).map((l) => ({ code: l.code, name: languageName(l.code), stories: l.stories, articles: l.articles })) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/outlets',
      summary: 'Outlets whose name starts with q, most original articles first',
      tags: ['stories'],
      request: { query: OutletQuery },
      responses: { 200: jsonResponse(OutletListSchema, 'outlets'), 400: errorResponse('invalid query'), 401: errorResponse('missing or wrong token') },
    }),
    async (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json({ outlets: await store.listOutlets(q.trim(), limit) }, 200);
    },
  );
  return app;
}
