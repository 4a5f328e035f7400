// Response declarations shared by the routes' OpenAPI descriptions.
import { z } from '@hono/zod-openapi';
import { ErrorSchema } from '../schemas.js';

export function jsonResponse<T extends z.ZodTypeAny>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

export function textResponse(mediaType: string, description: string) {
  return { content: { [mediaType]: { schema: z.string() } }, description };
}

export const errorResponse = (description: string) => jsonResponse(ErrorSchema, description);
