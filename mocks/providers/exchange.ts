/**
 * One request through a mock provider, the same for every wire format:
 *
 *   body (400) → model (404) → context window (400) → fault hook
 *   → [fault answer, uncharged | ledger (429) → seeded reply → settle]
 *   → journal → latency slept on the clock → answer
 *
 * A provider file supplies a `Dialect`: how to read its request and how to
 * render each answer in its own shape. Everything stateful (ledger, journal,
 * PRNG streams) comes from the `ProviderMockSpec`; the time of a request is
 * `clock.now()` when it arrives, and everything is decided then: the latency
 * only delays the answer (a success keeps its concurrency slot meanwhile, as
 * a slow generation does). The sleep is parked on the clock inside the
 * tracked fetch and ends early, with the body cancelled, if the client aborts.
 */
import type { Clock } from '../../src/clock/clock.ts';
import type { MockRequest } from '../routes.ts';
import type { WireReply } from '../wire-reply.ts';
import type { Prng } from '../../src/clock/prng.ts';
import { faultAnswer } from './fault-answer.ts';
import type { Fault, FaultPlan, StatusFaultKind } from './faults.ts';
import type { Journal, Outcome } from './journal.ts';
import { holdForLatency } from './latency.ts';
import { admit, type Refusal, type Ledger, type MeteredRequest, type QuotaSnapshot, quotaSnapshot, release, scopeOf, settle } from './ledger.ts';
import { findModel, type ModelInfo, type ProviderId } from './models.ts';
import { chunkText, createReplyWriter, type Reply, type ReplyShape, type ReplyWriter } from './reply.ts';
import type { StreamFaultBody } from './stream-faults.ts';
import { asSummary, requestedSummaryHeadings } from './summary-reply.ts';
import type { QuotaDimension, QuotaLimits } from './tiers.ts';
import { estimateTokens } from './tokens.ts';

/** Everything a provider's handlers need; the same spec can serve all providers. */
export type ProviderMockSpec = {
  readonly clock: Clock;
  /** Each provider forks its own streams (`gemini/…`), so one provider's draws never shift another's. */
  readonly prng: Prng;
  readonly ledger: Ledger;
  readonly journal: Journal;
  /** Consulted before the ledger; a fault answers instead of the quota logic (fault-plan.ts builds one from a schedule). */
  readonly faults?: FaultPlan;
  /** Length range of generated replies. */
  readonly replies?: ReplyShape;
};

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

export type Dialect<Body, Problem = string> = {
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
  /** An error-status fault in the provider's shape (faults.ts table). */
  fault(call: Call<Body>, kind: StatusFaultKind, quota: QuotaSnapshot): Answer;
  /** A 200 whose body goes wrong (stream-faults.ts table), for stream and non-stream calls. */
  streamFault(call: Call<Body>, body: StreamFaultBody, quota: QuotaSnapshot): WireReply;
  /** `onSent` must run when the body is fully sent (frees the concurrency slot). */
  success(call: Call<Body>, reply: Reply, quota: QuotaSnapshot, onSent: () => void): Answer;
};

export type Exchange = (request: MockRequest, route: Route) => Promise<WireReply>;

export function createExchange<Body, Problem>(spec: ProviderMockSpec, dialect: Dialect<Body, Problem>): Exchange {
  const streams = spec.prng.fork(dialect.provider);
  const replies = createReplyWriter(streams.fork('replies'), spec.replies);
  // Its own stream, so a truncated answer never shifts the replies that follow (built on first use).
  let faultReplies: ReplyWriter | undefined;
  const partialText = (capTokens: number) => {
    faultReplies ??= createReplyWriter(streams.fork('fault-replies'), spec.replies);
    return chunkText(faultReplies.write(capTokens).text)[0] ?? '';
  };
  const ids = streams.fork('ids');
  return async (request, route) => {
    const atMs = spec.clock.now();
    const journalBase: JournalBase = {
      atMs,
      provider: dialect.provider,
      api: route.api,
      clientRetryCount: retryCountOf(request),
      latencyMs: undefined,
    };
    const parsed = dialect.parseBody(await readJson(request));
    if (isInvalid(parsed)) {
      const answer = dialect.badRequest(parsed[INVALID], route);
      record(spec.journal, journalBase, unmetered(route.modelId ?? '', route.stream ?? false, 0), answer);
      return answer.reply;
    }
    const stream = dialect.isStream(parsed, route);
    const modelId = dialect.modelId(parsed, route);
    const model = findModel(spec.ledger.models, dialect.provider, modelId);
    if (!model) {
      const answer = dialect.notFound(modelId, route);
      record(spec.journal, journalBase, unmetered(modelId, stream, 0), answer);
      return answer.reply;
    }
    const call: Call<Body> = {
      body: parsed,
      route,
      atMs,
      model,
      stream,
      apiKey: dialect.apiKey(request),
      inputTokens: estimateTokens(dialect.promptTexts(parsed)),
      maxOutputTokens: dialect.maxOutputTokens(parsed),
      ids,
    };
    const tooLong = dialect.contextTooLong(call);
    if (tooLong) {
      record(spec.journal, journalBase, unmetered(modelId, stream, call.inputTokens), tooLong);
      return tooLong.reply;
    }
    const metered = meteredRequest(dialect.provider, call);
    const { scopeKey, limits } = scopeOf(spec.ledger, metered);
    const scope: Scope = { metered, scopeKey, limits };
    const decision = spec.faults?.decide({ ...journalBase, model: model.id, stream, scopeKey, inputTokens: call.inputTokens });
    const latencyMs = decision?.latencyMs ?? 0;
    const base = latencyMs > 0 ? { ...journalBase, latencyMs } : journalBase;
    const reply = decision?.fault
      ? answerFault(spec, dialect, call, scope, decision.fault, base, partialText)
      : meterAndAnswer(spec, dialect, replies, call, scope, base);
    return holdForLatency(spec.clock, latencyMs, request, reply);
  };
}

/** The journal fields known when a request arrives (and its latency, once the fault hook has spoken). */
type JournalBase = { atMs: number; provider: ProviderId; api: string; clientRetryCount: number | undefined; latencyMs: number | undefined };
type Scope = { metered: MeteredRequest; scopeKey: string; limits: QuotaLimits };

/** A fault answers instead of the ledger; nothing is charged (faults.ts). */
function answerFault<Body, Problem>(
  spec: ProviderMockSpec,
  dialect: Dialect<Body, Problem>,
  call: Call<Body>,
  { metered, scopeKey, limits }: Scope,
  fault: Fault,
  journalBase: JournalBase,
  partialText: (capTokens: number) => string,
): WireReply {
  const quota = quotaSnapshot(spec.ledger, metered, call.atMs);
  const cap = call.maxOutputTokens ?? call.model.defaultMaxOutputTokens;
  const answer = faultAnswer(dialect, call, fault, { request: metered, scopeKey, limits, quota, partialText: () => partialText(cap) });
  record(spec.journal, journalBase, meteredUsage(call, scopeKey, quota, quota, 0), answer, undefined, fault.label);
  return answer.reply;
}

/** The metered half of the exchange: ledger, reply, settle, answer, journal. */
function meterAndAnswer<Body, Problem>(
  spec: ProviderMockSpec,
  dialect: Dialect<Body, Problem>,
  replies: ReplyWriter,
  call: Call<Body>,
  { metered, scopeKey }: Scope,
  journalBase: JournalBase,
): WireReply {
  const { atMs, model } = call;
  const admission = admit(spec.ledger, metered, atMs);
  if (!admission.admitted) {
    const answer = dialect.rateLimited(call, admission);
    const violations = admission.violations.map((violation) => violation.dimension);
    record(spec.journal, journalBase, meteredUsage(call, scopeKey, admission.before, admission.after, 0), answer, violations);
    return answer.reply;
  }
  const capTokens = call.maxOutputTokens ?? model.defaultMaxOutputTokens;
  // A compaction summary request gets its sections (summary-reply.ts), from the same draw: other replies never shift.
  const headings = requestedSummaryHeadings(dialect.promptTexts(call.body));
  const drawn = replies.write(capTokens);
  const reply = headings === undefined ? drawn : asSummary(drawn, headings, capTokens);
  const after = settle(spec.ledger, admission, reply.outputTokens, atMs);
  const answer = dialect.success(call, reply, after, () => release(spec.ledger, admission, spec.clock.now()));
  record(spec.journal, journalBase, meteredUsage(call, scopeKey, admission.before, after, reply.outputTokens), answer);
  return answer.reply;
}

/** The metered view of a call, as the ledger sees it. */
export function meteredRequest(provider: ProviderId, call: Call<unknown>): MeteredRequest {
  return {
    provider,
    model: call.model,
    apiKey: call.apiKey,
    inputTokens: call.inputTokens,
    maxOutputTokens: call.maxOutputTokens,
  };
}

/** `Authorization: Bearer <key>` → key (OpenAI, Moonshot, xAI; Anthropic OAuth). */
export function bearerKey(request: MockRequest): string | undefined {
  const authorization = request.headers.get('authorization');
  return authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
}

async function readJson(request: MockRequest): Promise<unknown> {
  try {
    return JSON.parse(await request.text());
  } catch {
    return MALFORMED_JSON;
  }
}

/** Marker for a body that is not JSON at all; dialects answer it with their "could not parse" 400. */
export const MALFORMED_JSON: unique symbol = Symbol('malformed JSON');

const INVALID: unique symbol = Symbol('invalid body');

export function invalidBody<Problem>(problem: Problem): InvalidBody<Problem> {
  return { [INVALID]: problem };
}

function isInvalid<Body, Problem>(parsed: Body | InvalidBody<Problem>): parsed is InvalidBody<Problem> {
  return typeof parsed === 'object' && parsed !== null && INVALID in parsed;
}

function retryCountOf(request: MockRequest): number | undefined {
  const header = request.headers.get('x-stainless-retry-count');
  return header === null ? undefined : Number(header);
}

/** What a request used, as the journal reports it. */
type Usage = {
  model: string;
  stream: boolean;
  scopeKey: string | undefined;
  inputTokens: number;
  outputTokens: number;
  quotaBefore: QuotaSnapshot | undefined;
  quotaAfter: QuotaSnapshot | undefined;
};

/** A request answered before the ledger (400, 404, context too long): no scope, nothing charged. */
function unmetered(model: string, stream: boolean, inputTokens: number): Usage {
  return { model, stream, scopeKey: undefined, inputTokens, outputTokens: 0, quotaBefore: undefined, quotaAfter: undefined };
}

function meteredUsage(call: Call<unknown>, scopeKey: string, before: QuotaSnapshot, after: QuotaSnapshot, outputTokens: number): Usage {
  return { model: call.model.id, stream: call.stream, scopeKey, inputTokens: call.inputTokens, outputTokens, quotaBefore: before, quotaAfter: after };
}

/**
 * One journal entry, every field named in one literal, built without
 * spreading partial records: the served mock's hot path
 * (test/bench/mocks.bench.ts). journal-store.ts builds entries back with
 * these fields in this order, the JSONL order.
 */
function record(
  journal: Journal,
  base: JournalBase,
  usage: Usage,
  answer: Answer,
  violations?: readonly QuotaDimension[],
  fault?: string,
): void {
  journal.record({
    atMs: base.atMs,
    provider: base.provider,
    api: base.api,
    clientRetryCount: base.clientRetryCount,
    latencyMs: base.latencyMs,
    model: usage.model,
    stream: usage.stream,
    scopeKey: usage.scopeKey,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    quotaBefore: usage.quotaBefore,
    quotaAfter: usage.quotaAfter,
    violations,
    fault,
    status: answer.reply.status,
    outcome: answer.outcome,
    errorType: answer.errorType,
    retryAfterMs: answer.retryAfterMs,
  });
}
