import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/clock/prng.ts';
import { parseConfigText, effectiveSettings } from '../../src/config/index.ts';
import { buildRequest, emptyTranscript, pruningApplies, recordTurn, type Transcript, type TranscriptEntry } from '../../src/gateway/context.ts';
import { createTextPool } from '../../src/gateway/text-pool.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';

const pool = createTextPool(createPrng('context-test'), 400_000);
const rng = createPrng('context-draws');
const text = (chars: number) => pool.take(chars, rng);
const cacheTtl = effectiveSettings(parseConfigText('{ agents: { defaults: { contextPruning: { mode: "cache-ttl" } } } }', 'x.json5').config, PROFILES['2026.2'].runtimeDefaults).contextPruning;
const WINDOW_TOKENS = 200_000;
const MINUTE = 60_000;

/** A session with big tool results in the middle: 8 turns of user → tool result (60K chars) → assistant. */
function heavySession(): Transcript {
  const transcript = emptyTranscript();
  for (let i = 0; i < 8; i++) {
    const turn: TranscriptEntry[] = [
      { role: 'user', text: text(400) },
      { role: 'toolResult', text: text(60_000) },
      { role: 'assistant', text: text(800) },
    ];
    recordTurn(transcript, turn, 0);
  }
  return transcript;
}

const ask: TranscriptEntry[] = [{ role: 'user', text: 'and now?' }];

describe('context', () => {
  it('counts system prompt, transcript and the new message at four characters a token', () => {
    const transcript = emptyTranscript();
    recordTurn(transcript, [{ role: 'user', text: 'x'.repeat(400) }, { role: 'assistant', text: 'y'.repeat(800) }], 0);
    const request = buildRequest(transcript, 's'.repeat(2_000), [{ role: 'user', text: 'z'.repeat(400) }], {
      pruning: cacheTtl,
      prunable: true,
      contextWindowTokens: WINDOW_TOKENS,
      nowMs: 0,
    });
    expect(request.promptTokens).toBe((2_000 + 400 + 800 + 400) / 4);
  });

  it('prunes nothing before the TTL has passed since the session’s last model call', () => {
    const transcript = heavySession();
    const before = buildRequest(transcript, '', ask, { pruning: cacheTtl, prunable: true, contextWindowTokens: WINDOW_TOKENS, nowMs: 4 * MINUTE });
    expect(before.pruning).toEqual({ softTrimmed: 0, hardCleared: 0 });
  });

  it('soft-trims long tool results once the TTL has passed, sparing those after the third-to-last assistant message', () => {
    const transcript = heavySession();
    const full = buildRequest(transcript, '', ask, { pruning: cacheTtl, prunable: false, contextWindowTokens: WINDOW_TOKENS, nowMs: 6 * MINUTE });
    const pruned = buildRequest(transcript, '', ask, { pruning: cacheTtl, prunable: true, contextWindowTokens: WINDOW_TOKENS, nowMs: 6 * MINUTE });
    // The protected range starts at the third-to-last assistant message (turn 6's): the tool results of turns 1–6 precede it.
    expect(pruned.pruning).toEqual({ softTrimmed: 6, hardCleared: 0 });
    expect(pruned.promptTokens).toBeLessThan(full.promptTokens);
    expect(pruned.messages[1]!.text).toContain('[Tool result trimmed: kept first 1500 chars and last 1500 chars of 60000 chars.]');
    expect(transcript.entries[1]!.text).toHaveLength(60_000); // the transcript itself is untouched
    expect(transcript.lastCacheTouchAtMs).toBe(6 * MINUTE);
  });

  it('hard-clears the oldest tool results while the context still fills half the window', () => {
    const transcript = emptyTranscript();
    // 20 turns whose 3,900-char tool results are too short to soft-trim: 102K chars in a 160K-char (40K-token) window.
    for (let i = 0; i < 20; i++) {
      recordTurn(transcript, [{ role: 'user', text: text(400) }, { role: 'toolResult', text: text(3_900) }, { role: 'assistant', text: text(800) }], 0);
    }
    const pruned = buildRequest(transcript, '', ask, { pruning: cacheTtl, prunable: true, contextWindowTokens: 40_000, nowMs: 6 * MINUTE });
    expect(pruned.pruning.softTrimmed).toBe(0);
    expect(pruned.pruning.hardCleared).toBeGreaterThan(0);
    expect(pruned.promptTokens * 4).toBeLessThan(0.5 * 160_000 + 100);
    expect(pruned.messages[1]!.text).toBe('[Old tool result content cleared]');
    expect(pruned.messages.at(-3)!.text).toHaveLength(3_900); // the last turns keep theirs
  });

  it('leaves providers outside cache-ttl pruning alone', () => {
    expect(pruningApplies('anthropic-messages', 'anthropic', 'claude-haiku-4-5', PROFILES['2026.2'].cacheTtlPruningForOpenAI)).toBe(true);
    expect(pruningApplies('google-generative-ai', 'google', 'gemini-2.5-flash', PROFILES['2026.2'].cacheTtlPruningForOpenAI)).toBe(true);
    expect(pruningApplies('openai-completions', 'openai', 'gpt-5.2', PROFILES['2026.2'].cacheTtlPruningForOpenAI)).toBe(false);
    expect(pruningApplies('openai-completions', 'openai', 'gpt-5.2', PROFILES['2026.9'].cacheTtlPruningForOpenAI)).toBe(true);
    expect(pruningApplies('openai-completions', 'moonshot', 'kimi-k2.5', PROFILES['2026.9'].cacheTtlPruningForOpenAI)).toBe(false);
  });
});
