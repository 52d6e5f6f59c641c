import { describe, expect, it } from 'vitest';
import { deliveryKindOf } from '../../src/sut/delivery-kind.ts';

describe('a real gateway text, judged by its words', () => {
  it.each([
    ['⚠️ Agent failed before reply: All models failed (2): …', 'error'],
    ['An unknown error occurred', 'error'],
    ['↪️ Model Fallback cleared: google/gemini-2.5-flash (was openai/gpt-4o-mini)', 'notice'],
    ['Sure — here is the summary you asked for.', 'reply'],
    ['A reply that mentions ⚠️ later on', 'reply'],
  ])('%s → %s', (text, kind) => {
    expect(deliveryKindOf(text)).toBe(kind);
  });
});
