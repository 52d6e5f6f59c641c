import { describe, expect, it } from 'vitest';
import { createPrng, createVirtualClock } from '../../src/clock/index.ts';
import { compactTranscript, KEEP_RECENT_TOKENS, planCompaction, SUMMARY_MAX_OUTPUT_TOKENS, type SummaryCall } from '../../src/gateway/compaction.ts';
import { emptyTranscript, recordTurn, type Transcript } from '../../src/gateway/context.ts';

const WINDOW_TOKENS = 100_000;

/** `turns` user/tool/assistant turns of `toolChars` tool output each, with distinct texts to find them by. */
function session(turns: number, toolChars: number): Transcript {
  const transcript = emptyTranscript();
  for (let i = 0; i < turns; i++) {
    recordTurn(transcript, [
      { role: 'user', text: `question ${i} `.padEnd(400, 'q') },
      { role: 'toolResult', text: `tool ${i} `.padEnd(toolChars, 't') },
      { role: 'assistant', text: `answer ${i} `.padEnd(800, 'a') },
    ], 0);
  }
  return transcript;
}

type Recorded = { system: string; text: string; maxOutputTokens: number; atMs: number };

function recordingCall(clock: { now(): number }, failures = 0): { calls: Recorded[]; call: SummaryCall } {
  const calls: Recorded[] = [];
  let failuresLeft = failures;
  const call: SummaryCall = async (request) => {
    calls.push({ system: request.system, text: request.messages[0]!.text, maxOutputTokens: request.maxOutputTokens, atMs: clock.now() });
    if (failuresLeft-- > 0) throw new Error('429 rate limited');
    return `summary ${calls.length}`;
  };
  return { calls, call };
}

describe('planCompaction', () => {
  it('leaves a session that fits the window less the 20,000-token reserve alone', () => {
    const transcript = session(4, 60_000); // ≈ 61K tokens
    expect(planCompaction(transcript, 40_000, WINDOW_TOKENS)).toBeUndefined();
  });

  it('summarises all but the newest ~20,000 tokens once the reserve is reached', () => {
    const transcript = session(6, 60_000); // ≈ 92K tokens
    const plan = planCompaction(transcript, 40_000, WINDOW_TOKENS)!;
    const keptChars = transcript.entries.slice(plan.keepFrom).reduce((sum, entry) => sum + entry.text.length, 0);
    expect(keptChars / 4).toBeGreaterThanOrEqual(KEEP_RECENT_TOKENS);
    expect((keptChars - transcript.entries[plan.keepFrom]!.text.length) / 4).toBeLessThan(KEEP_RECENT_TOKENS);
    expect(plan.toSummarize).toEqual(transcript.entries.slice(0, plan.keepFrom));
  });
});

describe('compactTranscript', () => {
  it('summarises a history that fits one chunk in one call, and keeps the summary and the recent tail', async () => {
    const clock = createVirtualClock();
    const transcript = session(6, 20_000); // ≈ 32K tokens: under one chunk (0.4 × 100K − 4,096)
    const plan = planCompaction(transcript, 300_000, WINDOW_TOKENS)!;
    const tail = transcript.entries.slice(plan.keepFrom);
    const { calls, call } = recordingCall(clock);
    await compactTranscript(transcript, plan, WINDOW_TOKENS, { clock, jitter: createPrng(1), call });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.system).toHaveLength(317);
    expect(calls[0]!.maxOutputTokens).toBe(SUMMARY_MAX_OUTPUT_TOKENS);
    expect(calls[0]!.text.startsWith('<conversation>\n[User]: question 0')).toBe(true);
    expect(calls[0]!.text).toContain('\n\n[Tool result]: tool 0');
    const summarisedChars = plan.toSummarize.reduce((sum, entry) => sum + entry.text.length, 0);
    expect(calls[0]!.text.length).toBeGreaterThan(summarisedChars + 879);
    expect(transcript.entries).toEqual([{ role: 'user', text: 'summary 1' }, ...tail]);
  });

  it('splits a larger history in two halves, chunks each, and merges the halves in a last call', async () => {
    const clock = createVirtualClock();
    const transcript = session(12, 60_000); // ≈ 183K tokens to summarise: chunks of ≤ 29.9K tokens
    const plan = planCompaction(transcript, 0, WINDOW_TOKENS)!;
    const { calls, call } = recordingCall(clock);
    await compactTranscript(transcript, plan, WINDOW_TOKENS, { clock, jitter: createPrng(1), call });
    expect(calls.length).toBeGreaterThanOrEqual(5);
    // Within a half, every chunk after the first updates the summary so far.
    expect(calls[1]!.text).toContain('<previous-summary>\nsummary 1\n</previous-summary>');
    const merge = calls.at(-1)!;
    expect(merge.text).toContain('Additional focus: Merge these partial summaries');
    expect(merge.text.match(/\[User\]: summary \d+/g)).toHaveLength(2);
    for (const request of calls) expect(request.text.length / 4).toBeLessThan(0.4 * WINDOW_TOKENS);
    expect(transcript.entries[0]).toEqual({ role: 'user', text: `summary ${calls.length}` });
  });

  it('retries a failed summary call after ~0.5 s and ~1 s of virtual time, then goes on', async () => {
    const clock = createVirtualClock();
    const transcript = session(6, 20_000);
    const plan = planCompaction(transcript, 300_000, WINDOW_TOKENS)!;
    const { calls, call } = recordingCall(clock, 2);
    const done = compactTranscript(transcript, plan, WINDOW_TOKENS, { clock, jitter: createPrng(1), call });
    await clock.runUntilIdle();
    await done;
    const gaps = calls.slice(1).map((request, index) => request.atMs - calls[index]!.atMs);
    expect(calls).toHaveLength(3);
    expect(gaps[0]).toBeGreaterThanOrEqual(500);
    expect(gaps[0]).toBeLessThanOrEqual(600);
    expect(gaps[1]).toBeGreaterThanOrEqual(800);
    expect(gaps[1]).toBeLessThanOrEqual(1_200);
    expect(transcript.entries[0]!.text).toBe('summary 3');
  });

  it('compacts with "Summary unavailable" when every call fails, after the full and the partial pass', async () => {
    const clock = createVirtualClock();
    const transcript = session(6, 20_000);
    const plan = planCompaction(transcript, 300_000, WINDOW_TOKENS)!;
    const { calls, call } = recordingCall(clock, Number.POSITIVE_INFINITY);
    const done = compactTranscript(transcript, plan, WINDOW_TOKENS, { clock, jitter: createPrng(1), call });
    await clock.runUntilIdle();
    await done;
    expect(calls).toHaveLength(6); // three tries of the full pass, three of the partial one
    expect(transcript.entries[0]!.text).toBe(`Context contained ${plan.toSummarize.length} messages (0 oversized). Summary unavailable due to size limits.`);
  });
});
