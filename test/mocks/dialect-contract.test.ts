/**
 * The contract every provider dialect keeps (mocks/providers/dialect.ts).
 * The behaviours are written once, in `dialectContract`, and run against
 * each dialect, as hono runs one router suite against every router: a new
 * provider passes by adding one `ContractCase`, never by copying tests.
 *
 * Requests go straight to the exchange (no SDK, no Response), so the suite
 * stays fast; the SDK-level tests beside it (gemini.test.ts, …) show that
 * the official clients read these answers as the real APIs'.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { anthropicDialect } from '../../mocks/providers/anthropic.ts';
import { chatDialect } from '../../mocks/providers/chat-completions.ts';
import type { Dialect, Route } from '../../mocks/providers/dialect.ts';
import { createExchange, type ProviderMockSpec } from '../../mocks/providers/exchange.ts';
import { ERROR_FAULT_KINDS } from '../../mocks/providers/faults.ts';
import { GEMINI_FLAVOUR, geminiDialect } from '../../mocks/providers/gemini.ts';
import { VERTEX_FLAVOUR } from '../../mocks/providers/vertex.ts';
import { GEMINI_CLI_FLAVOUR } from '../../mocks/providers/gemini-cli.ts';
import { bedrockDialect } from '../../mocks/providers/bedrock.ts';
import type { ProviderQuotaConfig } from '../../mocks/providers/ledger.ts';
import { acceptsAnyModel, findModel, PROVIDER_IDS, type ProviderId } from '../../mocks/providers/models.ts';
import { MOONSHOT_FLAVOUR } from '../../mocks/providers/moonshot.ts';
import { openaiFlavour } from '../../mocks/providers/openai.ts';
import { responsesDialect } from '../../mocks/providers/responses.ts';
import { estimateTokens } from '../../mocks/providers/tokens.ts';
import { XAI_FLAVOUR } from '../../mocks/providers/xai.ts';
import type { MockRequest } from '../../mocks/routes.ts';
import type { WireReply } from '../../mocks/wire-reply.ts';
import { decodeEventMessages, type EventMessage } from './support/event-stream.ts';
import { createWorld, promptOfTokens, type WorldOptions } from './support/world.ts';

type Usage = { readonly inputTokens: number; readonly outputTokens: number };

/** One dialect and what its provider's wire looks like, as the suite needs to know it. */
type ContractCase = {
  readonly provider: ProviderId;
  /** Tells apart two wire formats of one provider (default: the provider). */
  readonly name?: string;
  readonly dialect: (spec: ProviderMockSpec) => Dialect<unknown, unknown, unknown>;
  readonly model: string;
  readonly url: string;
  /** Where the API key goes. */
  readonly headers: Readonly<Record<string, string>>;
  readonly route: (model: string, stream: boolean) => Route;
  /** A valid body whose only text is `prompt`. */
  readonly body: (model: string, prompt: string, stream: boolean) => object;
  /** Every error body of the provider, strictly: nothing missing, nothing extra. */
  readonly errorEnvelope: (status: number) => z.ZodType;
  readonly errorContentType: string;
  /** The provider's own label in an error body (the journal's `errorType`). */
  readonly errorLabel: (body: unknown, headers: Readonly<Record<string, string>>) => string;
  readonly badRequestLabel: string;
  /** Ledger settings under which a second request in a minute is refused. */
  readonly spentQuota: ProviderQuotaConfig;
  /** Its 429's label and headers, and whether it tells the client when to retry (Vertex's shared-capacity 429 does not). */
  readonly quotaRefusal: { readonly label: string; readonly headers: readonly string[]; readonly retryHint?: false };
  readonly usage: (body: unknown) => Usage;
  /** Where the format differs from the common one: its unknown-model status (Bedrock: a 400), its stream's content-type. */
  readonly notFoundStatus?: number;
  readonly streamContentType?: string;
  /** The final usage a stream reports, and whether it ended the way the format ends a stream. */
  readonly streamEnd: (events: readonly unknown[]) => { readonly usage: Usage; readonly ended: boolean };
};

const STATUS_FAULT_KINDS = ERROR_FAULT_KINDS.filter((kind) => kind !== 'rate-limit');
/** The kinds whose status is the same at every provider (and a script shorthand: fault-schedule.ts). */
const FIXED_STATUSES = { auth: 401, 'payment-required': 402, forbidden: 403, 'context-length': 400, 'bad-gateway': 502, timeout: 504 } as const;
const STREAM_FAULTS = ['finish-reason:SAFETY', 'empty-stream', 'error-in-stream', 'truncated', 'reset-after-headers'] as const;

function dialectContract(contract: ContractCase): void {
  const { provider, model } = contract;

  describe(`${contract.name ?? provider} dialect`, () => {
    it('reads the model, the stream flag and the prompt tokens of a valid request', () => {
      const dialect = contract.dialect(specOf());
      for (const stream of [false, true]) {
        const route = contract.route(model, stream);
        const body = dialect.parseBody(contract.body(model, promptOfTokens(37), stream));
        expect([dialect.modelId(body, route), dialect.isStream(body, route), estimateTokens(dialect.promptTexts(body))]).toEqual([model, stream, 37]);
      }
    });

    it('answers a body that is not JSON with its 400, in its error envelope', async () => {
      const mocks = exchangeOf(contract);
      const reply = await mocks.send('{"contents": [', contract.route(model, false));
      expectError(contract, reply, 400, contract.badRequestLabel);
      expect(mocks.journal.entries[0]).toMatchObject({ status: 400, outcome: 'bad-request', errorType: contract.badRequestLabel });
    });

    it('answers JSON of the wrong shape with the same 400', async () => {
      const mocks = exchangeOf(contract);
      const reply = await mocks.send(JSON.stringify({ unexpected: true }), contract.route(model, false));
      expectError(contract, reply, 400, contract.badRequestLabel);
      expect(mocks.journal.entries[0]).toMatchObject({ outcome: 'bad-request' });
    });

    it('answers an unknown model with its 404', async () => {
      const mocks = exchangeOf(contract);
      const reply = await mocks.sendBody(contract.body('no-such-model', 'hi', false), contract.route('no-such-model', false));
      const status = contract.notFoundStatus ?? 404;
      expectError(contract, reply, status);
      expect(mocks.journal.entries[0]).toMatchObject({ status, outcome: 'not-found', model: 'no-such-model' });
    });

    it('answers a prompt longer than the context window with its 400', async () => {
      const mocks = exchangeOf(contract);
      const windowTokens = findModel(mocks.ledger.models, provider, model)!.contextWindowTokens;
      const reply = await mocks.sendBody(contract.body(model, promptOfTokens(windowTokens + 1), false), contract.route(model, false));
      expectError(contract, reply, 400);
      expect(mocks.journal.entries[0]).toMatchObject({ outcome: 'context-too-long', inputTokens: windowTokens + 1, scopeKey: undefined });
    });

    it('answers a success with usage: the estimated prompt and the output the journal charged', async () => {
      const mocks = exchangeOf(contract);
      const reply = await mocks.sendBody(contract.body(model, promptOfTokens(21), false), contract.route(model, false));
      expect(reply.status).toBe(200);
      const { outputTokens } = mocks.journal.entries[0]!;
      expect(outputTokens).toBeGreaterThan(0);
      expect(contract.usage(jsonOf(reply))).toEqual({ inputTokens: 21, outputTokens });
    });

    it('ends a streamed success the way its format ends a stream, with the final usage', async () => {
      const mocks = exchangeOf(contract);
      const reply = await mocks.sendBody(contract.body(model, promptOfTokens(13), true), contract.route(model, true));
      expect([reply.status, reply.headers['content-type']]).toEqual([200, contract.streamContentType ?? 'text/event-stream']);
      const { outputTokens, stream } = mocks.journal.entries[0]!;
      expect(stream).toBe(true);
      expect(contract.streamEnd(eventsOf(reply))).toEqual({ usage: { inputTokens: 13, outputTokens }, ended: true });
    });

    it('refuses a request over a spent quota with its 429, its headers and a retry hint in the journal', async () => {
      const mocks = exchangeOf(contract, { ledger: { providers: { [provider]: contract.spentQuota } } });
      const send = () => mocks.sendBody(contract.body(model, 'hi', false), contract.route(model, false));
      expect((await send()).status).toBe(200);
      const refused = await send();
      expectError(contract, refused, 429, contract.quotaRefusal.label);
      expect(Object.keys(refused.headers)).toEqual(expect.arrayContaining([...contract.quotaRefusal.headers]));
      const entry = mocks.journal.entries[1]!;
      expect(entry).toMatchObject({ status: 429, outcome: 'rate-limited', fault: undefined, violations: ['requestsPerMinute'] });
      if (contract.quotaRefusal.retryHint === false) expect(entry.retryAfterMs).toBeUndefined();
      else expect(entry.retryAfterMs).toBeGreaterThan(0);
    });

    it.each(STATUS_FAULT_KINDS)('renders its %s fault row in its error envelope, charging nothing', async (kind) => {
      const mocks = exchangeOf(contract, { schedule: { rules: [{ match: { provider }, fault: kind }] } });
      const reply = await mocks.sendBody(contract.body(model, 'hi', false), contract.route(model, false));
      const row = mocks.dialect.faults[kind];
      expectError(contract, reply, row.status);
      const entry = mocks.journal.entries[0]!;
      expect(entry).toMatchObject({ status: row.status, outcome: kind, errorType: contract.errorLabel(jsonOf(reply), reply.headers), fault: 'rule 1: ' + kind });
      expect(entry.quotaAfter).toEqual(entry.quotaBefore);
    });

    it.each(Object.entries(FIXED_STATUSES))('answers the %s fault with a %i at every provider', async (kind, status) => {
      const mocks = exchangeOf(contract, { schedule: { rules: [{ match: { provider }, fault: kind }] } });
      const reply = await mocks.sendBody(contract.body(model, 'hi', false), contract.route(model, false));
      expectError(contract, reply, status);
    });

    it('answers the rate-limit-no-retry-after fault with a 429 that tells no wait, in header or journal', async () => {
      const mocks = exchangeOf(contract, { schedule: { rules: [{ match: { provider }, fault: 'rate-limit-no-retry-after' }] } });
      const reply = await mocks.sendBody(contract.body(model, 'hi', false), contract.route(model, false));
      expectError(contract, reply, 429);
      expect(reply.headers['retry-after']).toBeUndefined();
      expect(JSON.stringify(jsonOf(reply))).not.toContain('RetryInfo');
      expect(mocks.journal.entries[0]).toMatchObject({ outcome: 'rate-limit-no-retry-after', retryAfterMs: undefined });
    });

    it("answers the context-length fault with its own context-window 400, naming the model's window", async () => {
      const mocks = exchangeOf(contract, { schedule: { rules: [{ match: { provider }, fault: 'context-length' }] } });
      const windowTokens = findModel(mocks.ledger.models, provider, model)!.contextWindowTokens;
      const reply = await mocks.sendBody(contract.body(model, 'hi', false), contract.route(model, false));
      expectError(contract, reply, 400);
      // Bedrock's text names no number.
      if (provider !== 'bedrock') expect(JSON.stringify(jsonOf(reply))).toContain(String(windowTokens));
    });

    it.each(STREAM_FAULTS.flatMap((fault) => [false, true].map((stream) => [fault, stream] as const)))(
      'answers the %s stream fault with a 200 whose body goes wrong (stream: %s)',
      async (fault, stream) => {
        const mocks = exchangeOf(contract, { schedule: { rules: [{ match: { provider }, fault }] } });
        const reply = await mocks.sendBody(contract.body(model, 'hi', stream), contract.route(model, stream));
        expect(reply.status).toBe(200);
        expect(reply.body.kind).toBe(fault === 'reset-after-headers' ? 'reset' : stream ? 'events' : 'text');
        expect(mocks.journal.entries[0]).toMatchObject({ status: 200, outcome: fault.split(':')[0] });
      },
    );

    it.each(['empty-stream', 'error-in-stream', 'truncated'] as const)('never ends a stream cut by the %s fault the way a success ends', async (fault) => {
      const mocks = exchangeOf(contract, { schedule: { rules: [{ match: { provider }, fault }] } });
      const reply = await mocks.sendBody(contract.body(model, 'hi', true), contract.route(model, true));
      expect(contract.streamEnd(eventsOf(reply)).ended).toBe(false);
    });
  });
}

function expectError(contract: ContractCase, reply: WireReply, status: number, label?: string): void {
  expect(reply.status).toBe(status);
  expect(reply.headers['content-type']).toBe(contract.errorContentType);
  const body = jsonOf(reply);
  expect(contract.errorEnvelope(status).safeParse(body).error).toBeUndefined();
  if (label !== undefined) expect(contract.errorLabel(body, reply.headers)).toBe(label);
}

/** A mock world with one dialect behind an exchange, and requests as the exchange reads them. */
function exchangeOf(contract: ContractCase, options: WorldOptions = {}) {
  const spec = specOf(options);
  const dialect = contract.dialect(spec);
  const exchange = createExchange(spec, dialect);
  const send = (text: string, route: Route) => exchange(mockRequest(contract, text), route);
  return { ...spec, dialect, send, sendBody: (body: object, route: Route) => send(JSON.stringify(body), route) };
}

function specOf(options: WorldOptions = {}): ProviderMockSpec {
  let spec: ProviderMockSpec | undefined;
  createWorld((built) => {
    spec = built;
    return [];
  }, options);
  return spec!;
}

function mockRequest(contract: ContractCase, text: string): MockRequest {
  return {
    method: 'POST',
    url: contract.url,
    headers: { get: (name) => contract.headers[name] ?? null },
    signal: new AbortController().signal,
    text: async () => text,
  };
}

function jsonOf(reply: WireReply): unknown {
  if (reply.body.kind !== 'text') throw new TypeError(`expected a JSON body, got ${reply.body.kind}`);
  return JSON.parse(reply.body.text);
}

/**
 * Each event's `data:` payload, parsed (`[DONE]` kept as the string), or each binary AWS event stream message
 * decoded; reading to the end frees the stream's slot.
 */
function eventsOf(reply: WireReply): unknown[] {
  if (reply.body.kind !== 'events') throw new TypeError(`expected an event stream, got ${reply.body.kind}`);
  reply.body.onDone();
  return reply.body.events.flatMap((event) => {
    if (typeof event !== 'string') return decodeEventMessages(event);
    const data = /^data: (.*)$/m.exec(event)![1]!;
    return [data === '[DONE]' ? data : JSON.parse(data)];
  });
}

// What the cases read from bodies, typed only as far as the suite looks.
type ChatUsage = { usage?: { prompt_tokens: number; completion_tokens: number } | null };
type ChatChunk = ChatUsage & { choices: ({ finish_reason: string | null } & ChatUsage)[] };
type GeminiChunk = {
  candidates: { finishReason?: string }[];
  usageMetadata: { promptTokenCount: number; candidatesTokenCount?: number };
};
type BedrockUsage = { inputTokens: number; outputTokens: number };
const bedrockUsage = (usage: BedrockUsage | undefined): Usage => ({ inputTokens: usage?.inputTokens ?? -1, outputTokens: usage?.outputTokens ?? -1 });
type AnthropicEvent = { type: string; usage?: { input_tokens: number; output_tokens: number } };
type ResponsesUsage = { usage?: { input_tokens: number; output_tokens: number } | null };
type ResponsesEvent = { type: string; response?: ResponsesUsage };

const responsesUsage = (body: ResponsesUsage | undefined): Usage => ({
  inputTokens: body?.usage?.input_tokens ?? -1,
  outputTokens: body?.usage?.output_tokens ?? -1,
});
const chatUsage = (usage: ChatUsage['usage']): Usage => ({ inputTokens: usage?.prompt_tokens ?? -1, outputTokens: usage?.completion_tokens ?? -1 });
const geminiUsage = (chunk: GeminiChunk | undefined): Usage => ({
  inputTokens: chunk?.usageMetadata?.promptTokenCount ?? -1,
  outputTokens: chunk?.usageMetadata?.candidatesTokenCount ?? -1,
});

/**
 * The three Chat Completions flavours share the wire and differ in their
 * envelope, their labels and where a stream's usage goes.
 */
function chatCase(
  provider: 'openai' | 'moonshot' | 'xai',
  fields: Pick<ContractCase, 'dialect' | 'model' | 'url' | 'errorEnvelope' | 'errorLabel' | 'badRequestLabel' | 'spentQuota' | 'quotaRefusal'> & {
    readonly apiKey: string;
    /** Moonshot puts the final usage in the last choice; the others in a trailing chunk, when asked. */
    readonly usageInFinalChoice: boolean;
  },
): ContractCase {
  return {
    provider,
    ...fields,
    headers: { authorization: `Bearer ${fields.apiKey}` },
    route: () => ({ api: 'chat.completions' }),
    body: (model, prompt, stream) => ({
      model,
      messages: [{ role: 'user', content: prompt }],
      ...(stream ? { stream, stream_options: { include_usage: true } } : {}),
    }),
    errorContentType: 'application/json',
    usage: (body) => chatUsage((body as ChatUsage).usage),
    streamEnd(events) {
      const chunks = events.slice(0, -1) as ChatChunk[];
      const finished = chunks.find((chunk) => chunk.choices?.[0]?.finish_reason);
      const usage = fields.usageInFinalChoice ? finished?.choices[0]?.usage : chunks.at(-1)?.usage;
      return { usage: chatUsage(usage), ended: events.at(-1) === '[DONE]' && finished !== undefined };
    },
  };
}

/** The services that speak Gemini's format share its bodies, envelope and stream; they differ in where and how they refuse. */
function geminiCase(fields: Pick<ContractCase, 'provider' | 'dialect' | 'model' | 'url' | 'route' | 'spentQuota' | 'quotaRefusal'>): ContractCase {
  return {
    ...fields,
    headers: { 'x-goog-api-key': 'gemini-key' },
    body: (_model, prompt) => ({ contents: [{ role: 'user', parts: [{ text: prompt }] }] }),
    errorEnvelope: (status) =>
      z.strictObject({
        error: z.strictObject({
          code: z.literal(status),
          message: z.string(),
          status: z.string().regex(/^[A-Z_]+$/),
          details: z.array(z.looseObject({ '@type': z.string() })).optional(),
        }),
      }),
    // @google/genai parses error bodies only with this exact content-type.
    errorContentType: 'application/json; charset=UTF-8',
    errorLabel: (body) => (body as { error: { status: string } }).error.status,
    badRequestLabel: 'INVALID_ARGUMENT',
    usage: (body) => geminiUsage(body as GeminiChunk),
    streamEnd(events) {
      const last = events.at(-1) as GeminiChunk | undefined;
      return { usage: geminiUsage(last), ended: last?.candidates?.[0]?.finishReason !== undefined };
    },
  };
}

const OPENAI_ERROR = z.strictObject({
  // OpenAI's edge puts the status in `code` as a number (`cf_bad_gateway`).
  error: z.strictObject({ message: z.string(), type: z.string(), param: z.string().nullable(), code: z.union([z.string(), z.number()]).nullable() }),
});

// `code` when OpenAI sends one, else `type`: the same for Chat Completions and Responses.
function openaiErrorLabel(body: unknown): string {
  const { error } = body as z.infer<typeof OPENAI_ERROR>;
  return typeof error.code === 'string' ? error.code : error.type;
}

const OPENAI_QUOTA_REFUSAL = {
  label: 'rate_limit_exceeded',
  headers: ['x-request-id', 'retry-after', 'x-ratelimit-limit-requests', 'x-ratelimit-remaining-requests', 'x-ratelimit-reset-requests'],
};

const CASES: readonly ContractCase[] = [
  geminiCase({
    provider: 'gemini',
    dialect: (spec) => geminiDialect(spec.ledger.policies.gemini.tier, GEMINI_FLAVOUR),
    model: 'gemini-2.5-flash',
    url: 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent',
    route: (model, stream) => ({ api: stream ? 'streamGenerateContent' : 'generateContent', version: 'v1beta', modelId: model, stream }),
    spentQuota: { limits: { 'gemini-2.5-flash': { requestsPerMinute: 1 } } },
    // Gemini sends no rate-limit or retry headers: the hint is RetryInfo in the body.
    quotaRefusal: { label: 'RESOURCE_EXHAUSTED', headers: [] },
  }),
  geminiCase({
    provider: 'vertex',
    dialect: (spec) => geminiDialect(spec.ledger.policies.vertex.tier, VERTEX_FLAVOUR),
    model: 'gemini-2.5-flash',
    url: 'https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent',
    route: (model, stream) => ({ api: stream ? 'streamGenerateContent' : 'generateContent', version: 'v1', modelId: model, stream, resource: 'projects/p/locations/us-central1' }),
    spentQuota: { limits: { 'gemini-2.5-flash': { requestsPerMinute: 1 } } },
    // Dynamic shared quota's 429 names no quota and no wait.
    quotaRefusal: { label: 'RESOURCE_EXHAUSTED', headers: [], retryHint: false },
  }),
  {
    ...geminiCase({
      provider: 'gemini-cli',
      dialect: (spec) => geminiDialect(spec.ledger.policies['gemini-cli'].tier, GEMINI_CLI_FLAVOUR),
      model: 'gemini-2.5-pro',
      url: 'https://cloudcode-pa.googleapis.com/v1internal:generateContent',
      route: (_model, stream) => ({ api: stream ? 'streamGenerateContent' : 'generateContent', version: 'v1internal', stream }),
      spentQuota: { sharedLimits: { requestsPerMinute: 1 } },
      quotaRefusal: { label: 'RESOURCE_EXHAUSTED', headers: [] },
    }),
    // Cloud Code Assist wraps the Gemini request and names the model beside it; every chunk comes back in `response`.
    headers: { authorization: 'Bearer ya29.oauth-token' },
    body: (model, prompt) => ({ model, project: 'p', request: { contents: [{ role: 'user', parts: [{ text: prompt }] }] } }),
    usage: (body) => geminiUsage((body as { response: GeminiChunk }).response),
    streamEnd(events) {
      const last = (events.at(-1) as { response?: GeminiChunk } | undefined)?.response;
      return { usage: geminiUsage(last), ended: last?.candidates?.[0]?.finishReason !== undefined };
    },
  },
  {
    provider: 'bedrock',
    dialect: (spec) => bedrockDialect(spec),
    model: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
    url: 'https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse',
    headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260227/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0' },
    route: (model, stream) => ({ api: stream ? 'converse-stream' : 'converse', modelId: model, stream }),
    body: (_model, prompt) => ({ messages: [{ role: 'user', content: [{ text: prompt }] }] }),
    errorEnvelope: () => z.strictObject({ message: z.string() }),
    errorContentType: 'application/json',
    // The body has only the message: the code is the x-amzn-errortype header's, before its namespace.
    errorLabel: (_body, headers) => headers['x-amzn-errortype']!.split(':')[0]!,
    badRequestLabel: 'ValidationException',
    spentQuota: { limits: { 'anthropic.claude-sonnet-4-5-20250929-v1:0': { requestsPerMinute: 1 } } },
    quotaRefusal: { label: 'ThrottlingException', headers: ['x-amzn-errortype', 'x-amzn-requestid'], retryHint: false },
    notFoundStatus: 400,
    streamContentType: 'application/vnd.amazon.eventstream',
    usage: (body) => bedrockUsage((body as { usage: BedrockUsage }).usage),
    streamEnd(events) {
      const messages = events as EventMessage[];
      const types = messages.map((message) => message.headers[':event-type']);
      const metadata = messages.find((message) => message.headers[':event-type'] === 'metadata')?.payload as { usage: BedrockUsage } | undefined;
      return { usage: bedrockUsage(metadata?.usage), ended: types.at(-2) === 'messageStop' && types.at(-1) === 'metadata' };
    },
  },
  {
    provider: 'anthropic',
    dialect: (spec) => anthropicDialect(spec),
    model: 'claude-sonnet-4-6',
    url: 'https://api.anthropic.com/v1/messages',
    headers: { 'x-api-key': 'sk-ant-key' },
    route: () => ({ api: 'messages' }),
    body: (model, prompt, stream) => ({ model, max_tokens: 256, messages: [{ role: 'user', content: prompt }], ...(stream ? { stream } : {}) }),
    errorEnvelope: () =>
      z.strictObject({
        type: z.literal('error'),
        error: z.strictObject({ type: z.string(), message: z.string(), details: z.looseObject({}).optional() }),
        request_id: z.string().regex(/^req_/),
      }),
    errorContentType: 'application/json',
    errorLabel: (body) => (body as { error: { type: string } }).error.type,
    badRequestLabel: 'invalid_request_error',
    spentQuota: { limits: { 'claude-sonnet-4-6': { requestsPerMinute: 1 } } },
    quotaRefusal: {
      label: 'rate_limit_error',
      headers: ['request-id', 'retry-after', 'anthropic-ratelimit-requests-limit', 'anthropic-ratelimit-requests-remaining', 'anthropic-ratelimit-requests-reset'],
    },
    usage: (body) => {
      const { usage } = body as { usage: { input_tokens: number; output_tokens: number } };
      return { inputTokens: usage.input_tokens, outputTokens: usage.output_tokens };
    },
    streamEnd(events) {
      const delta = (events as AnthropicEvent[]).find((event) => event.type === 'message_delta');
      const usage = { inputTokens: delta?.usage?.input_tokens ?? -1, outputTokens: delta?.usage?.output_tokens ?? -1 };
      return { usage, ended: (events.at(-1) as AnthropicEvent | undefined)?.type === 'message_stop' };
    },
  },
  chatCase('openai', {
    dialect: (spec) => chatDialect(openaiFlavour(spec)),
    model: 'gpt-4o',
    url: 'https://api.openai.com/v1/chat/completions',
    apiKey: 'sk-openai',
    errorEnvelope: () => OPENAI_ERROR,
    errorLabel: openaiErrorLabel,
    badRequestLabel: 'invalid_request_error',
    spentQuota: { limits: { 'gpt-4o': { requestsPerMinute: 1 } } },
    quotaRefusal: OPENAI_QUOTA_REFUSAL,
    usageInFinalChoice: false,
  }),
  {
    provider: 'openai',
    name: 'openai responses',
    dialect: (spec) => responsesDialect(openaiFlavour(spec)),
    model: 'gpt-4o',
    url: 'https://api.openai.com/v1/responses',
    headers: { authorization: 'Bearer sk-openai' },
    route: () => ({ api: 'responses' }),
    body: (model, prompt, stream) => ({ model, input: [{ role: 'user', content: [{ type: 'input_text', text: prompt }] }], ...(stream ? { stream } : {}) }),
    errorEnvelope: () => OPENAI_ERROR,
    errorContentType: 'application/json',
    errorLabel: openaiErrorLabel,
    badRequestLabel: 'invalid_request_error',
    spentQuota: { limits: { 'gpt-4o': { requestsPerMinute: 1 } } },
    quotaRefusal: OPENAI_QUOTA_REFUSAL,
    usage: (body) => responsesUsage(body as ResponsesUsage),
    streamEnd(events) {
      const last = events.at(-1) as ResponsesEvent | undefined;
      return { usage: responsesUsage(last?.response), ended: last?.type === 'response.completed' };
    },
  },
  chatCase('moonshot', {
    dialect: () => chatDialect(MOONSHOT_FLAVOUR),
    model: 'kimi-k2.5',
    url: 'https://api.moonshot.ai/v1/chat/completions',
    apiKey: 'sk-moonshot',
    errorEnvelope: () => z.strictObject({ error: z.strictObject({ message: z.string(), type: z.string() }) }),
    errorLabel: (body) => (body as { error: { type: string } }).error.type,
    badRequestLabel: 'invalid_request_error',
    // Moonshot meters every model of an account in one bucket.
    spentQuota: { sharedLimits: { requestsPerMinute: 1 } },
    // No rate-limit headers: the wait is only in the message.
    quotaRefusal: { label: 'rate_limit_reached_error', headers: [] },
    usageInFinalChoice: true,
  }),
  chatCase('xai', {
    dialect: () => chatDialect(XAI_FLAVOUR),
    model: 'grok-4',
    url: 'https://api.x.ai/v1/chat/completions',
    apiKey: 'xai-key',
    errorEnvelope: () => z.strictObject({ code: z.string(), error: z.string() }),
    errorLabel: (body) => (body as { code: string }).code,
    badRequestLabel: 'Client specified an invalid argument',
    spentQuota: { limits: { 'grok-4': { requestsPerMinute: 1 } } },
    quotaRefusal: { label: 'Some resource has been exhausted', headers: [] },
    usageInFinalChoice: false,
  }),
];

describe('every provider dialect keeps the contract', () => {
  // A provider that serves any model id (a user's own server) has no 404 and no published context
  // window to hold it to; its wire is tested in provider-mounts.test.ts.
  it('covers every provider with a model catalogue', () => {
    expect([...new Set(CASES.map((contract) => contract.provider))].sort()).toEqual(PROVIDER_IDS.filter((provider) => !acceptsAnyModel(provider)).sort());
  });
});

for (const contract of CASES) dialectContract(contract);
