import { APIError as AnthropicApiError } from '@anthropic-ai/sdk';
import { ApiError } from '@google/genai';
import { APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { providerRoutes } from '../../mocks/providers/index.ts';
import { isStreamReset } from '../../mocks/providers/stream-faults.ts';
import { sdkClients } from './support/clients.ts';
import { createWorld, type World } from './support/world.ts';

/** Mocks where every request of every provider gets `fault` (one of the stream faults, stream-faults.ts). */
function world(fault: string): World {
  return createWorld(providerRoutes, { schedule: { rules: [{ fault }] } });
}

/** Everything a stream yields before it ends or throws. */
async function drain<T>(stream: AsyncIterable<T> | Promise<AsyncIterable<T>>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of await stream) items.push(item);
    return { items, error: undefined };
  } catch (error) {
    return { items, error };
  }
}

const geminiStream = (mocks: World) => sdkClients(mocks).gemini.models.generateContentStream({ model: 'gemini-2.5-flash', contents: 'hi' });
const openaiStream = (mocks: World) =>
  sdkClients(mocks).openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream: true });
const anthropicStream = (mocks: World) =>
  sdkClients(mocks).anthropic.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }], stream: true });

describe('stream faults through the official SDKs', () => {
  it('sends a Gemini 200 with one empty chunk whose finishReason is MALFORMED_FUNCTION_CALL', async () => {
    const mocks = world('finish-reason:MALFORMED_FUNCTION_CALL');
    const { items, error } = await drain(geminiStream(mocks));
    expect(error).toBeUndefined();
    expect(items).toHaveLength(1);
    const candidate = items[0]!.candidates![0]!;
    expect(candidate.finishReason).toBe('MALFORMED_FUNCTION_CALL');
    expect(candidate.content?.parts).toEqual([{ text: '' }]);
    expect(mocks.journal.entries[0]).toMatchObject({ status: 200, outcome: 'finish-reason', fault: 'rule 1: finish-reason:MALFORMED_FUNCTION_CALL' });
    // The same answer without streaming.
    const json = await sdkClients(mocks).gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' });
    expect(json.candidates?.[0]?.finishReason).toBe('MALFORMED_FUNCTION_CALL');
  });

  it("maps a Gemini finish reason to the other formats' abnormal finish: content_filter, refusal", async () => {
    const mocks = world('finish-reason:SAFETY');
    const chunks = (await drain(openaiStream(mocks))).items;
    expect(chunks.map((chunk) => chunk.choices[0]?.finish_reason)).toEqual([null, 'content_filter']);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('');
    const events = (await drain(anthropicStream(mocks))).items;
    const delta = events.find((event) => event.type === 'message_delta');
    expect(delta?.type === 'message_delta' && delta.delta.stop_reason).toBe('refusal');
    expect(events.at(-1)?.type).toBe('message_stop');
  });

  it('yields no chunks at all for an empty stream', async () => {
    const mocks = world('empty-stream');
    expect(await drain(geminiStream(mocks))).toEqual({ items: [], error: undefined });
    expect(await drain(openaiStream(mocks))).toEqual({ items: [], error: undefined });
    expect(await drain(anthropicStream(mocks))).toEqual({ items: [], error: undefined });
    const json = await sdkClients(mocks).gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' });
    expect(json.candidates).toEqual([]);
    expect(json.text).toBeUndefined();
  });

  it("throws the provider's 429 JSON from inside a 200 stream (Anthropic: event: error overloaded_error)", async () => {
    const mocks = world('error-in-stream');
    const gemini = await drain(geminiStream(mocks));
    expect(gemini.items).toEqual([]);
    expect(gemini.error).toBeInstanceOf(ApiError);
    expect((gemini.error as ApiError).status).toBe(429);
    expect((gemini.error as ApiError).message).toContain('"status":"RESOURCE_EXHAUSTED"');

    const openai = await drain(openaiStream(mocks));
    expect(openai.error).toBeInstanceOf(APIError);
    expect((openai.error as APIError).code).toBe('rate_limit_exceeded');

    const anthropic = await drain(anthropicStream(mocks));
    expect(anthropic.error).toBeInstanceOf(AnthropicApiError);
    expect((anthropic.error as AnthropicApiError).type).toBe('overloaded_error');
    expect(mocks.journal.entries.map((entry) => [entry.status, entry.outcome])).toEqual(Array(3).fill([200, 'error-in-stream']));
  });

  it('makes the SDK stream throw "terminated" when the connection resets after the headers', async () => {
    const mocks = world('reset-after-headers');
    for (const stream of [geminiStream(mocks), openaiStream(mocks), anthropicStream(mocks)] as Promise<AsyncIterable<unknown>>[]) {
      const { items, error } = await drain(stream);
      expect(items).toEqual([]);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toBe('terminated'); // what undici says, and what OpenClaw shows (test/golden/openclaw-2026.2.26/reset-mid-stream.json)
      expect(isStreamReset(error)).toBe(true);
      expect(((error as Error).cause as { code: string }).code).toBe('UND_ERR_SOCKET');
    }
    const json = await sdkClients(mocks).gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' }).catch((error: unknown) => error);
    expect(isStreamReset(json)).toBe(true);
  });

  it('sends one text chunk and then ends, with no finish reason, [DONE] or message_stop', async () => {
    const mocks = world('truncated');
    const gemini = (await drain(geminiStream(mocks))).items;
    expect(gemini).toHaveLength(1);
    expect(gemini[0]!.text?.length).toBeGreaterThan(0);
    expect(gemini[0]!.candidates![0]!.finishReason).toBeUndefined();

    const openai = await drain(openaiStream(mocks));
    expect(openai.error).toBeUndefined();
    expect(openai.items.map((chunk) => chunk.choices[0]?.finish_reason)).toEqual([null, null]);
    expect(openai.items[1]!.choices[0]!.delta.content!.length).toBeGreaterThan(0);

    const anthropic = await drain(anthropicStream(mocks));
    expect(anthropic.items.map((event) => event.type)).toEqual(['message_start', 'content_block_start', 'content_block_delta']);
    expect(mocks.journal.entries.every((entry) => entry.outcome === 'truncated' && entry.status === 200)).toBe(true);
  });
});
