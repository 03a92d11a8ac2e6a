import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import type { AppEnv } from '../context.js';
import { ApiError, invalidRequest } from '../errors.js';

/** JSON request bodies are small; anything larger is refused before it is read. */
export const JSON_BODY_LIMIT = 64 * 1024;

/** Refuses JSON bodies over 64 KB with 413 (checks Content-Length and the stream). */
export const jsonBodyLimit = (): MiddlewareHandler<AppEnv> =>
  bodyLimit({
    maxSize: JSON_BODY_LIMIT,
    onError: () => {
      throw new ApiError('payload_too_large', `The request body is larger than ${JSON_BODY_LIMIT / 1024} KB.`);
    },
  });

/** Requires `Content-Type: application/json` (415 otherwise). */
export function requireJson(c: Context<AppEnv>): void {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new ApiError('unsupported_media_type', 'Send the body as application/json.');
}

/** Reads and validates a JSON body; 400 `invalid_request` naming the fields at fault. */
export async function readJson<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  requireJson(c);
  let body: unknown;
  try {
    const text = await c.req.text();
    // Bytes were announced but none arrived: something before the companion read them.
    if (text === '' && Number(c.req.header('content-length')) > 0) throw new ApiError('internal_error', 'The server read this request before the certificate service could. Nothing was done.');
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw invalidRequest('The body is not valid JSON.');
  }
  return parseWith(schema, body);
}

/** Validates `value`; a 400 lists every field at fault. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'body'))];
  const first = parsed.error.issues[0];
  const where = first && first.path.length ? `${first.path.join('.')}: ` : '';
  throw invalidRequest(`Invalid request: ${where}${first?.message ?? 'invalid value'}.`, fields);
}
