import { describe, expect, it } from 'vitest';
import { createFallbackNotices } from '../../src/gateway/fallback-notices.ts';
import type { TurnOutcome } from '../../src/gateway/router/index.ts';

const PRIMARY = 'google/gemini-2.5-flash';
const NOTICE = '↪️ Model Fallback: openai/gpt-4o-mini (selected google/gemini-2.5-flash; rate limit)';

function reply(modelRef: string, notices: string[] = []): TurnOutcome {
  return { kind: 'reply', text: 'hi', modelRef, notices, reply: { text: 'hi', stopReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 }, httpRequests: 1 } };
}

describe('fallback notices per session (2026.9 resolveFallbackTransition)', () => {
  it('notifies when a session moves to a fallback, not again while it stays there, and says when it is cleared', () => {
    const notices = createFallbackNotices(true);
    const turn = (outcome: TurnOutcome) => notices.forTurn('agent:main:main', 'direct', PRIMARY, outcome);
    expect(turn(reply('openai/gpt-4o-mini', [NOTICE]))).toEqual([NOTICE]);
    expect(turn(reply('openai/gpt-4o-mini', [NOTICE]))).toEqual([]);
    expect(turn(reply(PRIMARY))).toEqual(['↪️ Model Fallback cleared: google/gemini-2.5-flash (was openai/gpt-4o-mini)']);
    expect(turn(reply(PRIMARY))).toEqual([]);
  });

  it('notifies again when the fallback changes, keeps sessions apart, and is silent in groups', () => {
    const notices = createFallbackNotices(true);
    const pro = '↪️ Model Fallback: google/gemini-2.5-pro (selected google/gemini-2.5-flash; timeout)';
    expect(notices.forTurn('a', 'direct', PRIMARY, reply('openai/gpt-4o-mini', [NOTICE]))).toEqual([NOTICE]);
    expect(notices.forTurn('a', 'direct', PRIMARY, reply('google/gemini-2.5-pro', [pro]))).toEqual([pro]);
    expect(notices.forTurn('b', 'direct', PRIMARY, reply('google/gemini-2.5-pro', [pro]))).toEqual([pro]);
    expect(notices.forTurn('g', 'group', PRIMARY, reply('openai/gpt-4o-mini', [NOTICE]))).toEqual([]);
    expect(notices.forTurn('g', 'group', PRIMARY, reply(PRIMARY))).toEqual([]);
  });

  it('leaves the state alone when every model failed, and sends nothing on 2026.2', () => {
    const notices = createFallbackNotices(true);
    notices.forTurn('a', 'direct', PRIMARY, reply('openai/gpt-4o-mini', [NOTICE]));
    expect(notices.forTurn('a', 'direct', PRIMARY, { kind: 'failed', text: 'x', summary: 'x', attempts: [] })).toEqual([]);
    expect(notices.forTurn('a', 'direct', PRIMARY, reply('openai/gpt-4o-mini', [NOTICE]))).toEqual([]);
    expect(createFallbackNotices(false).forTurn('a', 'direct', PRIMARY, reply('openai/gpt-4o-mini', [NOTICE]))).toEqual([]);
  });
});
