// What every route receives: the store and the server's settings.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { RequestIdVariables } from 'hono/request-id';
import type { AnalyzeAll } from '../pipeline/index.js';
import type { StoryStore } from '../store/index.js';
import { badRequest } from './errors.js';

export interface ApiDeps {
  store: StoryStore;
  /** Requests to /api/* need `Authorization: Bearer TOKEN` when set. */
  token?: string;
  /** Request bodies over this are refused with 413. */
  maxBodyBytes: number;
  /** Analyses posted articles off the request thread (an AnalysisPool); in place when absent. */
  analyzeAll?: AnalyzeAll;
  /** The base of absolute links (Atom feeds), without a trailing slash; else the allowed Host the request named. */
  publicUrl?: string;
}

export type ApiEnv = { Variables: RequestIdVariables };

/** A router whose request validation failures become 400 errors naming the field. */
export function newRouter(): OpenAPIHono<ApiEnv> {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const issue = result.error.issues[0]!;
      throw badRequest(`${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
    },
  });
}
