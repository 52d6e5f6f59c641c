/**
 * Amazon Bedrock's Converse API, the `bedrock-converse-stream` kind:
 *
 *   POST https://bedrock-runtime.{region}.amazonaws.com/model/{modelId}/converse-stream
 *
 * (and `/converse`, whole). The stream is an AWS event stream
 * (`application/vnd.amazon.eventstream`, event-stream.ts): `messageStart`,
 * `contentBlockDelta` (`delta.text`), `contentBlockStop`, `messageStop`
 * (`stopReason`), then `metadata` with `usage.inputTokens/outputTokens/totalTokens`
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStreamOutput.html).
 * pi-ai's `streamBedrock` (openclaw@2026.2.26 node_modules/@mariozechner/pi-ai/dist/providers/amazon-bedrock.js)
 * sends it with @aws-sdk/client-bedrock-runtime's `ConverseStreamCommand` in the
 * region of AWS_REGION / AWS_DEFAULT_REGION, else us-east-1, whatever the
 * config's baseUrl says; requests are SigV4-signed (or a Bedrock API key as a bearer token).
 *
 * Errors are the AWS JSON protocol's: the status, `x-amzn-errortype:
 * <Code>:http://internal.amazon.com/coral/com.amazon.bedrock/` and a body
 * `{"message": …}`. A quota refusal is a 429 `ThrottlingException` "Too many
 * requests|tokens, please wait before trying again." with no retry hint
 * (observed: aws-samples/amazon-bedrock-client-for-mac#99, lobehub/lobehub#3994,
 * "Too many tokens per day" minorun365/agent-book#29); an unknown model is a
 * 400 `ValidationException` "The provided model identifier is invalid.", as
 * Bedrock answers it. Quotas per account, region and model live in AWS
 * Service Quotas; the mock is unlimited unless the scenario sets limits (tiers.ts).
 */
import { z } from 'zod';
import type { Prng } from '../../src/clock/prng.ts';
import type { MockRoute } from '../routes.ts';
import { eventStreamReply, jsonReply, resetAfterHeadersReply, type WireReply } from '../wire-reply.ts';
import { type Answer, type Call, type Dialect, errorAnswer, type ErrorFormat, type FaultTable, invalidBody, MALFORMED_JSON } from './dialect.ts';
import { exceptionEvent, jsonEvent } from './event-stream.ts';
import { createExchange, type ProviderMockSpec } from './exchange.ts';
import type { Refusal } from './ledger.ts';
import { chunkText, type Reply } from './reply.ts';
import { finishReasonFor, type StreamFaultBody } from './stream-faults.ts';
import { randomUuid } from './wire.ts';

/** us-east-1: pi-ai's region when none is set, and the built-in amazon-bedrock provider's in OpenClaw 2026.2.26. */
export const BEDROCK_ORIGIN = 'https://bedrock-runtime.us-east-1.amazonaws.com';

export function bedrockRoutes(spec: ProviderMockSpec): MockRoute[] {
  const exchange = createExchange(spec, bedrockDialect(spec));
  return (['converse', 'converse-stream'] as const).map(
    (api): MockRoute => ({
      method: 'POST',
      origin: BEDROCK_ORIGIN,
      path: `/model/{model}/${api}`,
      handle: (request, params) => exchange(request, { api, modelId: params['model']!, stream: api === 'converse-stream' }),
    }),
  );
}

const ContentBlock = z.looseObject({ text: z.string().optional() });
const BedrockRequest = z.looseObject({
  messages: z.array(z.looseObject({ role: z.enum(['user', 'assistant']), content: z.array(ContentBlock) })).min(1),
  system: z.array(ContentBlock).optional(),
  inferenceConfig: z.looseObject({ maxTokens: z.number().int().positive().optional() }).optional(),
});
type BedrockRequest = z.infer<typeof BedrockRequest>;

/** An AWS error: its code (the `x-amzn-errortype` name) and message. */
type AwsError = { readonly code: string; readonly message: string };

function awsErrors(requestIds: Prng): ErrorFormat<AwsError> {
  return {
    errorType: (error) => error.code,
    reply: (status, { code, message }) =>
      jsonReply(
        { message },
        { status, headers: { 'x-amzn-errortype': `${code}:http://internal.amazon.com/coral/com.amazon.bedrock/`, 'x-amzn-requestid': randomUuid(requestIds) } },
      ),
  };
}

const INPUT_TOO_LONG = 'Input is too long for requested model.';

/**
 * Error-status faults as Bedrock answers them (the ConverseStream error list,
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html).
 * `unavailable` is a model that is not ready (429 `ModelNotReadyException`, the doc's own
 * wording); `budget-exhausted` the daily token quota's throttle, Bedrock's closest to a spent budget.
 */
const BEDROCK_FAULTS: FaultTable<AwsError> = {
  // Observed wording of ServiceUnavailableException; the 503 is Bedrock's capacity answer.
  overloaded: { status: 503, error: { code: 'ServiceUnavailableException', message: 'Bedrock is unable to process your request.' } },
  unavailable: {
    status: 429,
    error: {
      code: 'ModelNotReadyException',
      message:
        'The model specified in the request is not ready to serve inference requests. The AWS SDK will automatically retry the operation up to 5 times.',
    },
  },
  // Unverified wording.
  'server-error': { status: 500, error: { code: 'InternalServerException', message: 'The server encountered an internal error while processing the request.' } },
  'budget-exhausted': { status: 429, error: { code: 'ThrottlingException', message: 'Too many tokens per day, please wait before trying again.' } },
  // An account that cannot pay for a Marketplace model: a 403 (the wording of real answers quoted in public reports, AccessDeniedException on ConverseStream).
  billing: {
    status: 403,
    error: {
      code: 'AccessDeniedException',
      message:
        'Model access is denied due to INVALID_PAYMENT_INSTRUMENT:A valid payment instrument must be provided.. ' +
        'Your AWS Marketplace subscription for this model cannot be completed at this time. If you recently fixed this issue, try again after 15 minutes.',
    },
  },
  forbidden: { status: 403, error: { code: 'AccessDeniedException', message: "You don't have access to the model with the specified model ID." } },
  // AWS rejects a bad key with 403 UnrecognizedClientException; the 401 keeps its code and text (unverified).
  auth: { status: 401, error: { code: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' } },
  // No 402, 502 or 504 in the ConverseStream list: its codes with the statuses' own words, unverified.
  'payment-required': { status: 402, error: { code: 'AccessDeniedException', message: 'Payment required.' } },
  'bad-gateway': { status: 502, error: { code: 'InternalServerException', message: 'Bad gateway.' } },
  timeout: { status: 504, error: { code: 'ModelTimeoutException', message: 'The request took too long to process. Processing time exceeded the model timeout length.' } },
  'context-length': { status: 400, error: { code: 'ValidationException', message: INPUT_TOO_LONG } },
  // A throttle whose wait nobody tells: Bedrock never sends retry-after.
  'rate-limit-no-retry-after': { status: 429, error: { code: 'ThrottlingException', message: 'Too many requests, please wait before trying again.' } },
};

export function bedrockDialect(spec: ProviderMockSpec): Dialect<BedrockRequest, string, AwsError> {
  const errors = awsErrors(spec.prng.fork('bedrock-request-ids'));
  const requestIds = spec.prng.fork('bedrock-stream-request-ids');
  const validation = (message: string, outcome: 'bad-request' | 'not-found' | 'context-too-long') =>
    errorAnswer(errors, 400, { code: 'ValidationException', message }, outcome);
  return {
    provider: 'bedrock',
    parseBody(json) {
      // Unverified wording for a body that is not JSON.
      if (json === MALFORMED_JSON) return invalidBody('Malformed input request, please reformat your input and try again.');
      const parsed = BedrockRequest.safeParse(json);
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0]!;
      return invalidBody(`1 validation error detected: Value at '${issue.path.join('.') || 'body'}' failed to satisfy constraint: ${issue.message}`);
    },
    apiKey: (request) => accessKeyOf(request.headers.get('authorization')),
    modelId: (_body, route) => route.modelId ?? '',
    isStream: (_body, route) => route.stream ?? false,
    promptTexts,
    maxOutputTokens: (body) => body.inferenceConfig?.maxTokens,
    badRequest: (message) => validation(message, 'bad-request'),
    notFound: () => validation('The provided model identifier is invalid.', 'not-found'),
    contextTooLong: (call) => (call.inputTokens <= call.model.contextWindowTokens ? undefined : validation(INPUT_TOO_LONG, 'context-too-long')),
    rateLimited: (_call, admission) => throttled(errors, admission),
    errors,
    faults: BEDROCK_FAULTS,
    streamFault: (call, body) => streamFault(call, body, requestIds),
    success: (call, reply, _quota, onSent) => (call.stream ? streamAnswer(call, reply, onSent, requestIds) : jsonAnswer(call, reply, onSent, requestIds)),
  };
}

/** The access key id of a SigV4 `Credential=AKID/date/region/service/aws4_request`, or a Bedrock API key sent as a bearer token. */
function accessKeyOf(authorization: string | null): string | undefined {
  if (authorization === null) return undefined;
  const sigV4 = /Credential=([^/,\s]+)\//.exec(authorization);
  if (sigV4) return sigV4[1];
  return authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
}

function* promptTexts(body: BedrockRequest): Iterable<string> {
  for (const block of body.system ?? []) if (block.text) yield block.text;
  for (const message of body.messages) for (const block of message.content) if (block.text) yield block.text;
}

/** Which limit refused the request decides the wording; a daily token quota names the day. */
function throttled(errors: ErrorFormat<AwsError>, admission: Refusal): Answer {
  const dimensions = admission.violations.map((violation) => violation.dimension);
  const message = dimensions.includes('tokensPerDay')
    ? 'Too many tokens per day, please wait before trying again.'
    : dimensions.includes('requestsPerMinute') || dimensions.includes('requestsPerDay')
      ? 'Too many requests, please wait before trying again.'
      : 'Too many tokens, please wait before trying again.';
  // No retry hint in the answer: the journal keeps none.
  return errorAnswer(errors, 429, { code: 'ThrottlingException', message }, admission.retryAfterMs === undefined ? 'too-large' : 'rate-limited');
}

function streamHeaders(requestIds: Prng) {
  return { 'x-amzn-requestid': randomUuid(requestIds) };
}

function stopReasonOf(reply: Reply): string {
  return reply.truncated ? 'max_tokens' : 'end_turn';
}

function usageOf(call: Call<BedrockRequest>, outputTokens: number) {
  return { inputTokens: call.inputTokens, outputTokens, totalTokens: call.inputTokens + outputTokens };
}

function jsonAnswer(call: Call<BedrockRequest>, reply: Reply, onSent: () => void, requestIds: Prng): Answer {
  onSent();
  return { reply: jsonReply(converseOutput(call, reply.text, stopReasonOf(reply), reply.outputTokens), { status: 200, headers: streamHeaders(requestIds) }), outcome: 'ok' };
}

/** The Converse (whole) answer (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html). */
function converseOutput(call: Call<BedrockRequest>, text: string | undefined, stopReason: string | null, outputTokens: number) {
  return {
    output: { message: { role: 'assistant', content: text === undefined ? [] : [{ text }] } },
    stopReason,
    usage: usageOf(call, outputTokens),
    metrics: { latencyMs: 0 },
  };
}

function streamAnswer(call: Call<BedrockRequest>, reply: Reply, onSent: () => void, requestIds: Prng): Answer {
  const messages = [
    jsonEvent('messageStart', { role: 'assistant' }),
    ...chunkText(reply.text).map((text) => jsonEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text } })),
    jsonEvent('contentBlockStop', { contentBlockIndex: 0 }),
    jsonEvent('messageStop', { stopReason: stopReasonOf(reply) }),
    jsonEvent('metadata', { usage: usageOf(call, reply.outputTokens), metrics: { latencyMs: 0 } }),
  ];
  return { reply: eventStreamReply(messages, { status: 200, headers: streamHeaders(requestIds) }, onSent), outcome: 'ok' };
}

/**
 * The stream faults (stream-faults.ts) in Bedrock's frames: a finish reason is
 * an empty text block closed by that `messageStop`; `error-in-stream` is a
 * `throttlingException` message inside the 200 (what the Converse stream
 * union carries); `truncated` stops after one text delta.
 */
function streamFault(call: Call<BedrockRequest>, body: StreamFaultBody, requestIds: Prng): WireReply {
  const init = { status: 200, headers: streamHeaders(requestIds) };
  if (body.kind === 'reset-after-headers') return resetAfterHeadersReply(init, call.stream ? 'application/vnd.amazon.eventstream' : 'application/json');
  if (!call.stream) {
    switch (body.kind) {
      case 'finish-reason':
        return jsonReply(converseOutput(call, '', finishReasonFor('bedrock', body.finishReason), 0), init);
      case 'truncated':
        return jsonReply(converseOutput(call, body.text, null, 0), init);
      case 'empty-stream':
        return jsonReply(converseOutput(call, undefined, null, 0), init);
      case 'error-in-stream':
        return jsonReply(JSON.parse(body.rateLimitJson), init);
    }
  }
  const start = jsonEvent('messageStart', { role: 'assistant' });
  const delta = (text: string) => jsonEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text } });
  const messages = (() => {
    switch (body.kind) {
      case 'finish-reason':
        return [start, delta(''), jsonEvent('contentBlockStop', { contentBlockIndex: 0 }), jsonEvent('messageStop', { stopReason: finishReasonFor('bedrock', body.finishReason) })];
      case 'truncated':
        return [start, delta(body.text)];
      case 'empty-stream':
        return [];
      case 'error-in-stream':
        return [start, exceptionEvent('throttlingException', (JSON.parse(body.rateLimitJson) as { message: string }).message)];
    }
  })();
  return eventStreamReply(messages, init, () => undefined);
}
