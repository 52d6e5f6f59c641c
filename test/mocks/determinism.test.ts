import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { providerHandlers } from '../../mocks/providers/index.ts';
import { createWorld } from './support/world.ts';

/** A mixed little workload across providers; returns what a check would compare. */
async function run(seed: number) {
  const world = createWorld(providerHandlers, {
    seed,
    ledger: { providers: { gemini: { limits: { 'gemini-2.5-flash': { requestsPerMinute: 2 } } } } },
  });
  const gemini = new GoogleGenAI({ apiKey: 'g', httpOptions: { fetch: world.fetch } });
  const openai = new OpenAI({ apiKey: 'o', fetch: world.fetch, maxRetries: 0 });
  const anthropic = new Anthropic({ apiKey: 'a', fetch: world.fetch, maxRetries: 0 });
  const texts: string[] = [];
  for (let i = 0; i < 3; i++) {
    texts.push(await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: `q${i}` }).then((r) => r.text ?? '', () => '429'));
    const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: `q${i}` }] });
    texts.push(completion.choices[0]!.message.content!);
    const message = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages: [{ role: 'user', content: `q${i}` }] });
    texts.push(message.content[0]?.type === 'text' ? message.content[0].text : '');
    await world.clock.advanceBy(7_000);
  }
  return { jsonl: world.journal.toJsonl(), texts };
}

describe('determinism', () => {
  it('gives the same journal and the same reply texts for the same seed', async () => {
    const first = await run(42);
    const second = await run(42);
    expect(second.jsonl).toBe(first.jsonl);
    expect(second.texts).toEqual(first.texts);
    expect(first.jsonl.split('\n')).toHaveLength(10);
  });

  it('gives different reply texts for a different seed', async () => {
    expect((await run(43)).texts).not.toEqual((await run(42)).texts);
  });
});
