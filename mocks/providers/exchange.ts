/**
 * One request through a mock provider, the same for every wire format:
 *
 *   body (400) → model (404) → context window (400) → fault hook
 *   → [fault answer, uncharged | ledger (429) → seeded reply → settle]
 *   → journal → latency slept on the clock → answer
 *
 * A provider file supplies a `Dialect` (dialect.ts): how to read its request
 * and how to render each answer in its own shape. Everything stateful (ledger, journal,
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
import { type Answer, type Call, type Dialect, isInvalid, MALFORMED_JSON, problemOf, type Route } from './dialect.ts';
import { faultAnswer } from './fault-answer.ts';
import type { Fault, FaultPlan } from './faults.ts';
import type { Journal } from './journal.ts';
import { holdForLatency } from './latency.ts';
import { admit, type Ledger, type MeteredRequest, type QuotaSnapshot, quotaSnapshot, release, scopeOf, settle } from './ledger.ts';
import { type ProviderId, servedModel } from './models.ts';
import { chunkText, createReplyWriter, type ReplyShape, type ReplyWriter } from './reply.ts';
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

export type Exchange = (request: MockRequest, route: Route) => Promise<WireReply>;

export function createExchange<Body, Problem, Fields>(spec: ProviderMockSpec, dialect: Dialect<Body, Problem, Fields>): Exchange {
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
      const answer = dialect.badRequest(problemOf(parsed), route);
      record(spec.journal, journalBase, unmetered(route.modelId ?? '', route.stream ?? false, 0), answer);
      return answer.reply;
    }
    const stream = dialect.isStream(parsed, route);
    const modelId = dialect.modelId(parsed, route);
    const model = servedModel(spec.ledger.models, dialect.provider, modelId);
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
function answerFault<Body, Problem, Fields>(
  spec: ProviderMockSpec,
  dialect: Dialect<Body, Problem, Fields>,
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
function meterAndAnswer<Body, Problem, Fields>(
  spec: ProviderMockSpec,
  dialect: Dialect<Body, Problem, Fields>,
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
function meteredRequest(provider: ProviderId, call: Call<unknown>): MeteredRequest {
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
