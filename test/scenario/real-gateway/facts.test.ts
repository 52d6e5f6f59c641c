import { describe, expect, it } from 'vitest';
import { observedFacts, type Observed, type SentMessage } from '../../../src/scenario/real-gateway-facts.ts';
import type { TelegramCall } from '../../../src/sut/telegram-spy.ts';

const CHAT = 424242;
const send = (atMs: number, text: string, chatId = CHAT): TelegramCall => ({ atMs, method: 'sendMessage', params: { chat_id: chatId, text } });
const message = (updateId: number, receivedAtMs: number, reachedAtMs: number | undefined, chatId = CHAT): SentMessage => ({ updateId, senderId: chatId, chatId, receivedAtMs, reachedAtMs });

function observed(calls: TelegramCall[], messages: SentMessage[], statuses = calls.map(() => 200)): Observed {
  return {
    telegramCalls: calls,
    telegramJournal: calls.map((call, index) => ({ seq: index + 1, atMs: call.atMs, method: call.method, status: statuses[index]! })),
    messages,
    logLines: [],
    sessionsAtEnd: 1,
  };
}

describe('the real gateway, observed from outside', () => {
  it('judges each text it sent by its words: OpenClaw\'s failure texts are errors, "↪️" texts notices, the rest replies', () => {
    const facts = observedFacts(
      observed([send(1, '↪️ Model Fallback: openai/gpt-4o-mini (selected google/gemini-2.5-flash; rate limit)'), send(2, 'a reply'), send(3, '⚠️ API rate limit reached. Please try again later.'), send(4, 'The AI service is temporarily overloaded. Please try again in a moment.')], []),
    );
    expect(facts.deliveries.map((delivery) => delivery.kind)).toEqual(['notice', 'reply', 'error', 'error']);
  });

  it('counts only the texts the Telegram mock accepted', () => {
    const facts = observedFacts(observed([send(1, '<b>bad html'), send(2, 'bad html')], [], [400, 200]));
    expect(facts.deliveries.map((delivery) => delivery.text)).toEqual(['bad html']);
  });

  it('answers a message with the first reply its chat got after a provider request carried it, not a notice', () => {
    const facts = observedFacts(observed([send(5_000, '↪️ Model Fallback: x'), send(6_000, 'the answer')], [message(1, 1_000, 1_200)]));
    expect(facts.messageFates).toEqual([{ updateId: 1, senderId: CHAT, chatId: CHAT, receivedAtMs: 1_000, atMs: 6_000, fate: 'replied' }]);
  });

  it('gives messages one collected turn carried the same answer, and keeps a message no request carried pending', () => {
    const facts = observedFacts(observed([send(3_000, 'first answer'), send(9_000, 'collected answer')], [message(1, 0, 100), message(2, 1_000, 3_100), message(3, 2_000, 3_100), message(4, 10_000, undefined)]));
    expect(facts.messageFates.map((fate) => [fate.updateId, fate.atMs])).toEqual([[1, 3_000], [2, 9_000], [3, 9_000]]);
    expect(facts.turns.user).toBe(2);
  });

  it('answers a message no request carried with an error text its chat got after it (a turn that failed before asking a model)', () => {
    const facts = observedFacts(observed([send(2_000, '⚠️ Agent failed before reply: Unknown model: google/nope.')], [message(1, 1_000, undefined)]));
    expect(facts.messageFates).toMatchObject([{ updateId: 1, fate: 'error-reply', detail: '⚠️ Agent failed before reply: Unknown model: google/nope.' }]);
  });

  it('does not answer a message with a reply sent to another chat', () => {
    const facts = observedFacts(observed([send(2_000, 'for someone else', 7)], [message(1, 1_000, 1_100)]));
    expect(facts.messageFates).toEqual([]);
  });
});
