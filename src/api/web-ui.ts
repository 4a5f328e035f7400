// The web UI: plain files from web/ (ES modules, CSS), no build step. The app's pages all load
// index.html; the browser-side router picks the view from the path.
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { StoryStore } from '../store/index.js';
import type { ApiEnv } from './context.js';

export const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Paths the browser router renders: the list, a timeline across a selection, an entity, the feeds and the alerts. */
const APP_PAGES = ['/', '/timeline', '/entities/:name', '/feeds', '/alerts'];

export interface WebUiOptions {
  /** Asked whether /stories/ID and /articles/ID exist, so an unknown id answers 404. Left out, they answer 200. */
  store?: Pick<StoryStore, 'resolveStoryId' | 'getArticle'>;
  webDir?: string;
}

/**
 * The app's pages answer index.html; a story or article the store does not know and any other path
 * outside /api and /static answer it with status 404 (the browser router shows its not-found page).
 */
export function webUiRoutes({ store, webDir = WEB_DIR }: WebUiOptions = {}) {
  const app = new Hono<ApiEnv>();
  const file = async (relative: string): Promise<Response | null> => {
    const full = normalize(join(webDir, relative));
    if (!full.startsWith(webDir + sep)) return null;
    const type = CONTENT_TYPES[extname(full)];
    if (!type) return null;
    try {
      return new Response(await readFile(full), { headers: { 'Content-Type': type, 'Cache-Control': 'no-cache' } });
    } catch {
      return null;
    }
  };
  const shell = async (status: 200 | 404): Promise<Response | null> => {
    const page = await file('index.html');
    return page && new Response(page.body, { status, headers: page.headers });
  };
  for (const page of APP_PAGES) app.get(page, async (c) => (await shell(200)) ?? c.notFound());
  app.get('/stories/:id', async (c) => (await shell(!store || (await store.resolveStoryId(c.req.param('id'))) ? 200 : 404)) ?? c.notFound());
  app.get('/articles/:id', async (c) => (await shell(!store || (await store.getArticle(c.req.param('id'))) ? 200 : 404)) ?? c.notFound());
  // Decoded once, from the raw path (c.req.path is decoded already: decoding it again turned %25 into a malformed %).
  app.get('/static/*', async (c) => (await file(decodeURIComponent(new URL(c.req.url).pathname.slice('/static/'.length)))) ?? c.notFound());
  // Last: any other page path is the app's not-found page. /api and /static keep their JSON 404.
  app.get('*', async (c) => {
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/') || path.startsWith('/static/')) return c.notFound();
    return (await shell(404)) ?? c.notFound();
  });
  return app;
}
