// The web UI: plain files from web/ (ES modules, CSS), no build step. The app's pages all load
// index.html; the browser-side router picks the view from the path.
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
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

/** Paths the browser router renders: the list, a story, an article, a timeline across a selection, the feeds and the alerts. */
const APP_PAGES = ['/', '/stories/:id', '/articles/:id', '/timeline', '/feeds', '/alerts'];

export function webUiRoutes(webDir = WEB_DIR) {
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
  for (const page of APP_PAGES) app.get(page, async (c) => (await file('index.html')) ?? c.notFound());
  // Decoded once, from the raw path (c.req.path is decoded already: decoding it again turned %25 into a malformed %).
  app.get('/static/*', async (c) => (await file(decodeURIComponent(new URL(c.req.url).pathname.slice('/static/'.length)))) ?? c.notFound());
  return app;
}
