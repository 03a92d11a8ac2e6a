/** Request bodies of /api/v2 routes, with AvaTax errors for everything a caller can get wrong. */
import { AvaTaxError, notFound } from '../errors.js';
import { BodyTooLargeError, type RequestInfo } from './types.js';

/** JSON bodies carry base64 documents, so the limit is generous. */
export const JSON_LIMIT_BYTES = 30 * 1_048_576;
/** Attachments: 10 MB file plus multipart framing. */
export const MULTIPART_LIMIT_BYTES = 10 * 1_048_576 + 64 * 1024;

const JSON_TYPES = new Set(['application/json', 'text/json', 'application/json-patch+json']);

function mediaType(req: RequestInfo): string {
  return String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

async function readLimited(req: RequestInfo, limit: number): Promise<Buffer> {
  try {
    return await req.body(limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new AvaTaxError('ModelRequiredException', error.message, { status: 413 });
    }
    throw error;
  }
}

/** Reads and parses a JSON body. A missing body is ModelRequiredException, bad JSON JsonFormatError. */
export async function readJson(req: RequestInfo): Promise<unknown> {
  const type = mediaType(req);
  if (type && !JSON_TYPES.has(type)) {
    throw new AvaTaxError('InvalidRequestContentType', `The request content type '${type}' is invalid; send application/json.`, {
      status: 415,
    });
  }
  const body = await readLimited(req, JSON_LIMIT_BYTES);
  const text = body.toString('utf8').trim();
  if (!text) throw new AvaTaxError('ModelRequiredException', 'A required model was not provided.');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AvaTaxError('JsonFormatError', 'The request body is not valid JSON.', {
      description: error instanceof Error ? error.message : 'Unparseable JSON.',
    });
  }
}

/** Reads a JSON body that must be an array of objects (AvaTax create endpoints). */
export async function readJsonArray(req: RequestInfo, modelName: string): Promise<Array<Record<string, unknown>>> {
  const body = await readJson(req);
  if (!Array.isArray(body)) {
    throw new AvaTaxError('ModelRequiredException', `A required model was not provided: expected a JSON array of ${modelName}.`);
  }
  if (body.length === 0) throw new AvaTaxError('ModelRequiredException', `The array of ${modelName} is empty.`);
  body.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      throw new AvaTaxError('ModelRequiredException', `Item ${i} is not a ${modelName} object.`);
    }
  });
  return body as Array<Record<string, unknown>>;
}

/** Reads a JSON object body. */
export async function readJsonObject(req: RequestInfo, modelName: string): Promise<Record<string, unknown>> {
  const body = await readJson(req);
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new AvaTaxError('ModelRequiredException', `A required model was not provided: expected a ${modelName} object.`);
  }
  return body as Record<string, unknown>;
}

/** Parses a multipart/form-data body (1217 InvalidRequestContentType for anything else). */
export async function readMultipart(req: RequestInfo, limit: number): Promise<FormData> {
  const contentType = String(req.headers['content-type'] ?? '');
  if (mediaType(req) !== 'multipart/form-data') {
    throw new AvaTaxError(
      'InvalidRequestContentType',
      "The request content type is invalid. It must be either 'multipart/form-data' or empty string.",
    );
  }
  const body = await readLimited(req, limit);
  return parseFormData(contentType, body);
}

/** Parses a multipart or urlencoded body with the platform's parser; throws on malformed input. */
export async function parseFormData(contentType: string, body: Buffer): Promise<FormData> {
  try {
    return await new Request('http://sandbox.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
    }).formData();
  } catch {
    throw new AvaTaxError('InvalidRequestContentType', 'The multipart/form-data body could not be parsed.');
  }
}

/** Reads an integer route parameter; anything else is a 404 for `entity`. */
export function intParam(req: RequestInfo, name: string, entity: string): number {
  const raw = req.params[name] ?? '';
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value)) throw notFound(entity, 'id', raw);
  return value;
}
