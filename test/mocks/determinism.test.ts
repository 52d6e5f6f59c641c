import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { providerRoutes } from '../../mocks/providers/index.ts';
import { createWorld } from './support/world.ts';

/** A mixed little workload across providers; returns what a check would compare. */
async function run(seed: number, via: 'routes' | 'msw' = 'routes') {
  const world = createWorld(providerRoutes, {
    seed,
    via,
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

  it('gives the same journal and texts through msw handlers as through the routes directly', async () => {
    const direct = await run(42);
    const throughMsw = await run(42, 'msw');
    expect(throughMsw.jsonl).toBe(direct.jsonl);
    expect(throughMsw.texts).toEqual(direct.texts);
  });

  it('gives different reply texts for a different seed', async () => {
    expect((await run(43)).texts).not.toEqual((await run(42)).texts);
  });

  it('gives the same journal for the same seed under a fault schedule, with concurrent requests and latency', async () => {
    const scheduled = async () => {
      const world = createWorld(providerRoutes, {
        seed: 42,
        schedule: {
          rules: [
            { match: { provider: 'openai' }, fault: 'overloaded', probability: 0.4 },
            { match: { provider: 'gemini' }, fault: 'truncated', probability: { perThousandPromptTokens: 0.5 } },
            { latency: { distribution: 'exponential', meanMs: 700, maxMs: 5_000 } },
          ],
        },
      });
      const gemini = new GoogleGenAI({ apiKey: 'g', httpOptions: { fetch: world.fetch } });
      const openai = new OpenAI({ apiKey: 'o', fetch: world.fetch, maxRetries: 0 });
      const calls = Array.from({ length: 6 }, (_, i) => [
        gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'abcd'.repeat(200 * i) }).then((r) => r.text ?? ''),
        openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: `q${i}` }] }).then(
          (c) => c.choices[0]!.message.content!,
          () => 'overloaded',
        ),
      ]).flat();
      await world.clock.runUntilIdle();
      return { jsonl: world.journal.toJsonl(), texts: await Promise.all(calls), endMs: world.clock.now() };
    };
    const first = await scheduled();
    expect(await scheduled()).toEqual(first);
    expect(first.jsonl).toContain('"outcome":"overloaded"');
    expect(first.jsonl).toContain('"outcome":"truncated"');
  });
});
