/**
 * What a provider file supplies to the exchange (exchange.ts): how to read
 * its request, and how to render each answer in its own wire shape.
 *
 * Errors are split into data and one envelope. `errors` is the provider's
 * error envelope (body shape, headers, content-type): every error it answers
 * — 400, 404, 429, faults — goes through it via `errorAnswer`. `faults` is a
 * table, one row per error-status fault kind, holding only what varies
 * between them: the status and the envelope's fields. fault-answer.ts renders
 * a row; test/mocks/dialect-contract.test.ts holds every dialect to this
 * contract.
 */
import type { MockRequest } from '../routes.ts';
import type { WireReply } from '../wire-reply.ts';
import type { StatusFaultKind } from './faults.ts';
import type { Outcome } from './journal.ts';
import type { Refusal, QuotaSnapshot } from './ledger.ts';
import type { ModelInfo, ProviderId } from './models.ts';
import type { Prng } from '../../src/clock/prng.ts';
import type { Reply } from './reply.ts';
import type { StreamFaultBody } from './stream-faults.ts';

/** What the URL says about a request. */
export type Route = {
  /** Wire operation, e.g. `generateContent`, `chat.completions`, `messages`. */
  readonly api: string;
  /** Set when the model is in the path (Gemini). */
  readonly modelId?: string;
  /** Set when streaming is in the path (Gemini `streamGenerateContent`). */
  readonly stream?: boolean;
  /** API version in the path, for error texts (Gemini `v1` / `v1beta`). */
  readonly version?: string;
  /** The resource the path names above the model, for error texts (Vertex `projects/p/locations/l`). */
  readonly resource?: string;
};

/** A request that parsed and names a known model. */
export type Call<Body> = {
  readonly body: Body;
  readonly route: Route;
  readonly atMs: number;
  readonly model: ModelInfo;
  readonly stream: boolean;
  readonly apiKey: string | undefined;
  readonly inputTokens: number;
  readonly maxOutputTokens: number | undefined;
  /** Seeded ids for this mock (response ids, request ids). */
  readonly ids: Prng;
};

/** A rendered response plus what the journal needs to know about it. */
export type Answer = {
  readonly reply: WireReply;
  readonly outcome: Outcome;
  readonly errorType?: string;
  readonly retryAfterMs?: number;
};

/** A refused body and why; `invalidBody(problem)` makes one. Keyed by a symbol, so no JSON body can pose as one. */
export type InvalidBody<Problem> = { readonly [INVALID]: Problem };

/**
 * A provider's error envelope. `Fields` is what differs between its errors
 * (Gemini `{status, message, details?}`, xAI `{code, error}`, …); `reply`
 * wraps them in the body, headers and content-type every error of that
 * provider has.
 */
export type ErrorFormat<Fields> = {
  /** The provider's own error label, kept as the journal's `errorType`. */
  errorType(fields: Fields): string;
  reply(status: number, fields: Fields, context: ErrorContext): WireReply;
};

/** What an error's headers may show besides the envelope's own. */
export type ErrorContext = {
  readonly atMs?: number;
  /** Providers that send rate-limit headers on errors show this state (empty: none). */
  readonly quota?: QuotaSnapshot;
  /** Sent after every other header (a 429's `retry-after`). */
  readonly headers?: Readonly<Record<string, string>>;
};

/**
 * One error-status fault as a provider answers it. `errorFor` is for the
 * few wordings that name the call (a date, an account); every other row is
 * plain data.
 */
type FaultRow<Fields> =
  | { readonly status: number; readonly error: Fields }
  | { readonly status: number; readonly errorFor: (call: Call<unknown>) => Fields };

/** Every error-status fault kind (faults.ts) a provider answers, and how; a missing kind does not compile. */
export type FaultTable<Fields> = Readonly<Record<StatusFaultKind, FaultRow<Fields>>>;

export type Dialect<Body, Problem = string, Fields = unknown> = {
  readonly provider: ProviderId;
  /** The body, or the problem for the provider's 400 (edge validation, zod). */
  parseBody(json: unknown): Body | InvalidBody<Problem>;
  apiKey(request: MockRequest): string | undefined;
  modelId(body: Body, route: Route): string;
  isStream(body: Body, route: Route): boolean;
  /** The text parts the estimator counts (tokens.ts). */
  promptTexts(body: Body): Iterable<string>;
  maxOutputTokens(body: Body): number | undefined;
  badRequest(problem: Problem, route: Route): Answer;
  notFound(modelId: string, route: Route): Answer;
  /** Undefined if the prompt fits; the provider's context-length 400 otherwise. */
  contextTooLong(call: Call<Body>): Answer | undefined;
  /** The quota 429; also renders forced ones (fault-answer.ts `forcedAdmission`). */
  rateLimited(call: Call<Body>, admission: Refusal): Answer;
  readonly errors: ErrorFormat<Fields>;
  readonly faults: FaultTable<Fields>;
  /** A 200 whose body goes wrong (stream-faults.ts table), for stream and non-stream calls. */
  streamFault(call: Call<Body>, body: StreamFaultBody, quota: QuotaSnapshot): WireReply;
  /** `onSent` must run when the body is fully sent (frees the concurrency slot). */
  success(call: Call<Body>, reply: Reply, quota: QuotaSnapshot, onSent: () => void): Answer;
};

/** An error in the provider's envelope, with the journal's label for it. */
export function errorAnswer<Fields>(format: ErrorFormat<Fields>, status: number, fields: Fields, outcome: Outcome, context: ErrorContext = {}): Answer {
  return { reply: format.reply(status, fields, context), outcome, errorType: format.errorType(fields) };
}

/** Marker for a body that is not JSON at all; dialects answer it with their "could not parse" 400. */
export const MALFORMED_JSON: unique symbol = Symbol('malformed JSON');

const INVALID: unique symbol = Symbol('invalid body');

export function invalidBody<Problem>(problem: Problem): InvalidBody<Problem> {
  return { [INVALID]: problem };
}

export function isInvalid<Body, Problem>(parsed: Body | InvalidBody<Problem>): parsed is InvalidBody<Problem> {
  return typeof parsed === 'object' && parsed !== null && INVALID in parsed;
}

export function problemOf<Problem>(invalid: InvalidBody<Problem>): Problem {
  return invalid[INVALID];
}
