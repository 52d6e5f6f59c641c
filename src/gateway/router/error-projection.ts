/**
 * The text openclaw@2026.9.6 records for a failed attempt — its `rawError`,
 * which the fallback summary (`All models failed (N): p/m: <rawError> (<reason>)`),
 * the fallback notice and the all-failed reply are built from. Observed in
 * test/golden/openclaw-2026.9.6/*.json (`rawErrorPreview`, `errorPreview`).
 *
 * - HTTP errors through the OpenAI/Anthropic SDKs: the SDK's message, which
 *   starts with the status ("429 Rate limit reached for …").
 * - HTTP errors through 2026.9.6's own Google transport (not the SDK):
 *   `Google Generative AI API error (<status>): <message> [type=…, code=…]`,
 *   the message cut to 220 characters with "…" (dist/provider-http-errors-CTY_-ABT.mjs
 *   `createProviderHttpError`, `resolveProviderErrorPayloadMetadata`,
 *   `truncateErrorDetail`; the label from dist/transport-stream-D4BmEX9j.mjs).
 * - then `<status>: ` in front when the text does not start with the status,
 *   and `; Retry-After: <s> seconds` when the answer had a Retry-After header
 *   (@openclaw/ai dist/provider-error-CRhW7lkJ.mjs `projectProviderError`).
 * - stream errors: Gemini's error finish reasons read "Google generation
 *   stopped (<reason>)" and a stream without a finish reason "Google stream
 *   ended before a terminal finish reason" (@openclaw/ai
 *   dist/google-messages-DB7GKkDk.mjs); a reset reads "terminated" (undici).
 */
import type { ProviderError } from '../providers/provider-error.ts';
import type { ClientApi } from '../providers/types.ts';

/**
 * The prefix 2026.9's Google transport gives an HTTP error, per API kind: both kinds go through it
 * (openclaw@2026.9.6 dist/transport-stream-*.mjs `openGoogleSseChunks`, `errorPrefix`).
 */
const GOOGLE_LABELS: Readonly<Partial<Record<ClientApi, string>>> = {
  'google-generative-ai': 'Google Generative AI API error',
  'google-vertex': 'Google Vertex AI API error',
};
const ERROR_DETAIL_MAX_CHARS = 220;
/** What the Google transport throws for a stream that ends without a finish reason (STREAM_INCOMPLETE). */
export const GOOGLE_INCOMPLETE_STREAM_MESSAGE = 'Google stream ended before a terminal finish reason';

/** 2026.9's rawError for a failed attempt on a client of API kind `api`. */
export function rawErrorText(error: ProviderError, api: ClientApi): string {
  const retryAfterS = retryAfterSecondsOf(error.headers);
  const suffix = retryAfterS === undefined ? '' : `; Retry-After: ${retryAfterS} seconds`;
  return `${projectedMessage(error, api)}${suffix}`;
}

function projectedMessage(error: ProviderError, api: ClientApi): string {
  const stopReason = (error.body as { stopReason?: unknown } | undefined)?.stopReason;
  const googleLabel = GOOGLE_LABELS[api];
  if (error.phase === 'stream' && googleLabel !== undefined && typeof stopReason === 'string') return `Google generation stopped (${stopReason})`;
  if (error.phase !== 'http' || error.status === undefined) return error.message;
  const message = googleLabel === undefined ? error.message : googleHttpErrorMessage(googleLabel, error.status, error.body);
  return message.startsWith(String(error.status)) ? message : `${error.status}: ${message}`;
}

/** `createProviderHttpError(response, label)` for a Gemini-format error body. */
function googleHttpErrorMessage(label: string, status: number, body: unknown): string {
  const detail = payloadDetail(body);
  return `${label} (${status})${detail === undefined ? '' : `: ${detail}`}`;
}

/** `resolveProviderErrorPayloadMetadata(...).detail`: the message (cut), then `[type=…, code=…]`. */
function payloadDetail(body: unknown): string | undefined {
  const root = record(body);
  const subject = record(root?.['error']) ?? record(root?.['detail']) ?? root;
  if (subject === undefined) return undefined;
  const message = text(subject['message']) ?? text(subject['detail']) ?? text(root?.['message']) ?? text(root?.['error']) ?? text(root?.['detail']);
  const type = text(subject['type']);
  const code = text(subject['code']) ?? text(subject['status']);
  const metadata = [type === undefined ? undefined : `type=${type}`, code === undefined ? undefined : `code=${code}`].filter(Boolean).join(', ');
  if (message !== undefined) return `${truncateErrorDetail(message)}${metadata ? ` [${metadata}]` : ''}`;
  return metadata ? `[${metadata}]` : undefined;
}

/** `truncateErrorDetail`: at most 220 characters, the last one "…". */
function truncateErrorDetail(detail: string): string {
  return detail.length <= ERROR_DETAIL_MAX_CHARS ? detail : `${truncateUtf16Safe(detail, ERROR_DETAIL_MAX_CHARS - 1)}…`;
}

/** The first `length` UTF-16 units, without splitting a surrogate pair. */
export function truncateUtf16Safe(value: string, length: number): string {
  if (value.length <= length) return value;
  const last = value.charCodeAt(length - 1);
  return value.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}

/** A delta-seconds Retry-After header as a number of seconds (an HTTP-date is not modelled). */
export function retryAfterSecondsOf(headers: Headers | undefined): number | undefined {
  const value = headers?.get('retry-after')?.trim();
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** normalizeOptionalString: a non-empty trimmed string, else undefined (Gemini's numeric `code` is skipped). */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
