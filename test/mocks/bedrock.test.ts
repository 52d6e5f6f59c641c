import { describe, expect, it } from 'vitest';
import { bedrockRoutes } from '../../mocks/providers/bedrock.ts';
import { decodeEventMessages } from './support/event-stream.ts';
import { createWorld, promptOfTokens, type World, type WorldOptions } from './support/world.ts';

const MODEL = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const SIGNED = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260227/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=0';

function bedrockWorld(options: WorldOptions = {}) {
  return createWorld(bedrockRoutes, options);
}

/** What the AWS SDK's ConverseStreamCommand posts: the model id URL-encoded in the path, a SigV4 header. */
function converse(world: World, options: { stream?: boolean; model?: string; prompt?: string } = {}) {
  const operation = options.stream === false ? 'converse' : 'converse-stream';
  const url = `https://bedrock-runtime.us-east-1.amazonaws.com/model/${encodeURIComponent(options.model ?? MODEL)}/${operation}`;
  const body = { messages: [{ role: 'user', content: [{ text: options.prompt ?? 'hello there' }] }], system: [{ text: 'Be brief.' }], inferenceConfig: { maxTokens: 512 } };
  return world.fetch(url, { method: 'POST', headers: { authorization: SIGNED, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

const eventTypes = (bytes: Uint8Array) => decodeEventMessages(bytes).map((message) => message.headers[':event-type']);

describe('bedrock mock: ConverseStream as an AWS event stream', () => {
  it('streams checksummed frames in the Converse order, with usage in the metadata event', async () => {
    const world = bedrockWorld();
    const response = await converse(world, { prompt: promptOfTokens(30) });
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/vnd.amazon.eventstream']);
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const types = eventTypes(bytes);
    expect(types[0]).toBe('messageStart');
    expect(types.slice(-3)).toEqual(['contentBlockStop', 'messageStop', 'metadata']);
    expect(new Set(types.slice(1, -3))).toEqual(new Set(['contentBlockDelta']));
    const messages = decodeEventMessages(bytes);
    expect(messages[0]!.headers).toEqual({ ':event-type': 'messageStart', ':content-type': 'application/json', ':message-type': 'event' });
    const entry = world.journal.entries[0]!;
    expect(entry).toMatchObject({ provider: 'bedrock', api: 'converse-stream', model: MODEL, stream: true, status: 200, inputTokens: 30 + 3 });
    expect(messages.at(-1)!.payload).toMatchObject({ usage: { inputTokens: entry.inputTokens, outputTokens: entry.outputTokens, totalTokens: entry.inputTokens + entry.outputTokens } });
    expect(messages.at(-2)!.payload).toEqual({ stopReason: 'end_turn' });
  });

  it('answers Converse whole with the message, stop reason and usage', async () => {
    const world = bedrockWorld();
    const body = (await (await converse(world, { stream: false })).json()) as { output: { message: { role: string; content: { text: string }[] } }; stopReason: string };
    expect(body.output.message.role).toBe('assistant');
    expect(body.output.message.content[0]!.text.length).toBeGreaterThan(0);
    expect(body.stopReason).toBe('end_turn');
  });

  it('throttles over a request limit with a 429 ThrottlingException: x-amzn-errortype, a message body, no retry hint', async () => {
    const world = bedrockWorld({ ledger: { providers: { bedrock: { limits: { [MODEL]: { requestsPerMinute: 1 } } } } } });
    await (await converse(world)).arrayBuffer();
    const refused = await converse(world);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-amzn-errortype')).toBe('ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/');
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(await refused.json()).toEqual({ message: 'Too many requests, please wait before trying again.' });
    expect(world.journal.entries[1]).toMatchObject({ status: 429, errorType: 'ThrottlingException', violations: ['requestsPerMinute'], retryAfterMs: undefined });
  });

  it('says "Too many tokens" when the token limit refuses', async () => {
    const world = bedrockWorld({ ledger: { providers: { bedrock: { limits: { [MODEL]: { tokensPerMinute: 100 } } } } } });
    const refused = await converse(world, { prompt: promptOfTokens(200) });
    expect(await refused.json()).toEqual({ message: 'Too many tokens, please wait before trying again.' });
  });

  it('sends an error-in-stream fault as a throttlingException message inside the 200', async () => {
    const world = bedrockWorld({ schedule: { rules: [{ match: { provider: 'bedrock' }, fault: 'error-in-stream' }] } });
    const messages = decodeEventMessages(new Uint8Array(await (await converse(world)).arrayBuffer()));
    expect(messages.at(-1)).toEqual({
      headers: { ':exception-type': 'throttlingException', ':content-type': 'application/json', ':message-type': 'exception' },
      payload: { message: 'Too many requests, please wait before trying again.' },
    });
  });

  it('refuses a model id it does not serve with a 400 ValidationException', async () => {
    const world = bedrockWorld();
    const response = await converse(world, { model: 'anthropic.claude-9' });
    expect([response.status, response.headers.get('x-amzn-errortype')?.split(':')[0]]).toEqual([400, 'ValidationException']);
    expect(await response.json()).toEqual({ message: 'The provided model identifier is invalid.' });
  });
});
