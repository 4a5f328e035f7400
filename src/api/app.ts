// The HTTP app: API under /api (JSON, OpenAPI at /api/openapi.json), the web UI elsewhere.
// One error handler, security headers on every response, bearer auth on /api when a token is set,
// and requests checked first: a Host of this server's, a path that decodes.
import { setting } from '../config.js';
import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import type { AnalyzeAll } from '../pipeline/index.js';
import type { StoryStore } from '../store/index.js';
import { requireBearer } from './auth.js';
import type { ApiDeps, ApiEnv } from './context.js';
import { errorBody, handleError } from './errors.js';
import { articleRoutes } from './routes/articles.js';
import { entityRoutes } from './routes/entities.js';
import { alertRoutes } from './routes/alerts.js';
import { feedRoutes } from './routes/feeds.js';
import { healthRoutes } from './routes/health.js';
import { outletRoutes } from './routes/outlets.js';
import { requireAllowedHost, requireDecodablePath } from './request-guards.js';
import { storyRoutes } from './routes/stories.js';
import { timelineRoutes } from './routes/timeline.js';
import { securityHeaders } from './security-headers.js';
import { webUiRoutes } from './web-ui.js';


export interface AppOptions {
  store: StoryStore;
  token?: string;
  maxBodyBytes?: number;
  /** Analyses posted articles off the request thread; `startServer` gives an AnalysisPool. */
  analyzeAll?: AnalyzeAll;
  /** Where users reach the server (e.g. behind a proxy): absolute links are built from it, and its host is allowed. */
  publicUrl?: string;
  /** Host names (any port) requests may name besides loopback and the public URL's; others are 421. */
  allowedHosts?: string[];
}

export function createApp(options: AppOptions): OpenAPIHono<ApiEnv> {
  const publicUrl = options.publicUrl?.replace(/\/+$/, '');
  const deps: ApiDeps = {
    store: options.store,
    maxBodyBytes: options.maxBodyBytes ?? setting('maxBodyBytes'),
    ...(options.token ? { token: options.token } : {}),
    ...(options.analyzeAll ? { analyzeAll: options.analyzeAll } : {}),
    ...(publicUrl ? { publicUrl } : {}),
  };
  const api = new OpenAPIHono<ApiEnv>();
  if (deps.token) api.use('*', requireBearer(deps.token));
  for (const routes of [storyRoutes, timelineRoutes, articleRoutes, entityRoutes, outletRoutes, feedRoutes, alertRoutes, healthRoutes]) api.route('/', routes(deps));
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Storyline API', version: '0.1.0', description: 'Stories, timelines and articles of a Storyline database. See docs/api.md.' },
    servers: [{ url: '/api' }],
    ...(deps.token ? { security: [{ bearer: [] }] } : {}),
  });

  const app = new OpenAPIHono<ApiEnv>();
  app.use('*', requestId());
  app.use('*', securityHeaders());
  app.use('*', requireAllowedHost([...(publicUrl ? [new URL(publicUrl).host] : []), ...(options.allowedHosts ?? [])]));
  app.use('*', requireDecodablePath());
  app.route('/api', api);
  // With a token, whether an id exists is the API's to tell: the pages then answer 200 for any id.
  app.route('/', webUiRoutes(deps.token ? {} : { store: deps.store }));
  app.notFound((c) => c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404));
  app.onError(handleError);
  return app;
}
