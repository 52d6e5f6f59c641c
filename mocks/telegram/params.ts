/**
 * Bot API parameters arrive four ways (core.telegram.org/bots/api#making-requests):
 * the query string, a JSON body, a urlencoded form, or multipart. In the form
 * encodings, structured values (commands, scope, reply_markup) are JSON strings.
 * The handlers see one flat object either way.
 */
import type { MockRequest } from '../routes.ts';

export type BotApiParams = Record<string, unknown>;

export async function readParams(request: MockRequest): Promise<BotApiParams | undefined> {
  const params: BotApiParams = Object.fromEntries(new URL(request.url).searchParams);
  if (request.method === 'GET' || request.method === 'HEAD') return params;
  const type = request.headers.get('content-type') ?? '';
  const text = await request.text();
  if (text.length === 0) return params;
  if (type.includes('application/json')) {
    const json = parseJson(text);
    if (json === undefined || typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
    return { ...params, ...(json as BotApiParams) };
  }
  if (type.includes('multipart/form-data')) {
    const form = await new Response(text, { headers: { 'content-type': type } }).formData();
    for (const [key, value] of form) params[key] = typeof value === 'string' ? value : '[file]';
    return params;
  }
  for (const [key, value] of new URLSearchParams(text)) params[key] = value;
  return params;
}

/** A structured parameter: as sent in JSON, or JSON-decoded from a form string. */
export function structured(value: unknown): unknown {
  return typeof value === 'string' ? parseJson(value) : value;
}

export function integer(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
