import { describe, expect, it } from 'vitest';
import { createPrng, createVirtualClock } from '../../src/clock/index.ts';
import { parseConfigText } from '../../src/config/index.ts';
import {
  compactionSettings,
  compactTranscript,
  overThreshold,
  planCompaction,
  type CompactionBehaviour,
  type CompactionOptions,
  type SummaryCall,
} from '../../src/gateway/compaction.ts';
import { emptyTranscript, recordTurn, type Transcript } from '../../src/gateway/context.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';

const WINDOW_TOKENS = 100_000;
const SETTINGS = { mode: 'safeguard', reserveTokens: 20_000, keepRecentTokens: 20_000 } as const;
/** With `session(6, 20_000)` (≈ 5.3K tokens a turn) the walk back ends on the last turn's user message: no split turn. */
const SMALL = { ...SETTINGS, keepRecentTokens: 5_250 };
const BEHAVIOUR = PROFILES['2026.2'].compaction;
const options = (behaviour: CompactionBehaviour = PROFILES['2026.2'].compaction): CompactionOptions => ({
  settings: SETTINGS,
  behaviour,
  windowTokens: WINDOW_TOKENS,
  modelMaxTokens: undefined,
});

/** `turns` user/tool/assistant turns of `toolChars` tool output each, with distinct texts to find them by. */
function session(turns: number, toolChars: number): Transcript {
  const transcript = emptyTranscript();
  for (let i = 0; i < turns; i++) {
    recordTurn(
      transcript,
      [
        { role: 'user', text: `question ${i} `.padEnd(400, 'q') },
        { role: 'toolResult', text: `tool ${i} `.padEnd(toolChars, 't') },
        { role: 'assistant', text: `answer ${i} `.padEnd(800, 'a') },
      ],
      0,
    );
  }
  return transcript;
}

type Recorded = { system: string; text: string; maxOutputTokens: number; atMs: number };

function recordingCall(clock: { now(): number }, failures = 0): { calls: Recorded[]; call: SummaryCall } {
  const calls: Recorded[] = [];
  let failuresLeft = failures;
  const call: SummaryCall = async (request) => {
    calls.push({ system: request.system, text: request.messages[0]!.text, maxOutputTokens: request.maxOutputTokens, atMs: clock.now() });
    if (failuresLeft-- > 0) throw new Error('Summarization failed: 429 rate limited');
    return `summary ${calls.length}`;
  };
  return { calls, call };
}

const chars = (transcript: Transcript, from = 0) => transcript.entries.slice(from).reduce((sum, entry) => sum + entry.text.length, 0);

describe('compaction settings and threshold', () => {
  it('resolve agents.defaults.compaction as 2026.2.26 does: safeguard, reserve max(16,384, floor 20,000), keep 20,000', () => {
    const of = (compaction: string) =>
      compactionSettings(parseConfigText(`{ agents: { defaults: { ${compaction} } } }`, 'c.json5').config, PROFILES['2026.2'].compaction);
    expect(of('')).toEqual({ mode: 'safeguard', reserveTokens: 20_000, keepRecentTokens: 20_000 });
    expect(of('compaction: { reserveTokens: 30000, keepRecentTokens: 8000 }')).toEqual({ mode: 'safeguard', reserveTokens: 30_000, keepRecentTokens: 8_000 });
    expect(of('compaction: { reserveTokensFloor: 0 }').reserveTokens).toBe(16_384);
    expect(of('compaction: { mode: "default" }').mode).toBe('default');
  });

  it('resolve as 2026.9.6 does: the reserve keys are retired, so the 20,000 floor stands; safeguard without a defaults block too', () => {
    const of = (text: string) => compactionSettings(parseConfigText(text, 'c.json5').config, PROFILES['2026.9'].compaction);
    expect(of('{ agents: { defaults: { compaction: { reserveTokens: 50000, reserveTokensFloor: 0, keepRecentTokens: 8000 } } } }')).toEqual({
      mode: 'safeguard',
      reserveTokens: 20_000,
      keepRecentTokens: 8_000,
    });
    expect(of('{}').mode).toBe('safeguard');
  });

  it('triggers strictly above the window less the reserve', () => {
    expect(overThreshold(150_000, 170_000, SETTINGS)).toBe(false);
    expect(overThreshold(150_001, 170_000, SETTINGS)).toBe(true);
  });
});

describe('planCompaction', () => {
  it('keeps the newest ~20,000 tokens, cutting at a user message when the walk ends on one', () => {
    const transcript = session(6, 60_000); // each turn ≈ 15.3K tokens
    const plan = planCompaction(transcript, SETTINGS, BEHAVIOUR)!;
    expect(transcript.entries[plan.keepFrom]!.role).not.toBe('toolResult');
    expect(chars(transcript, plan.keepFrom) / 4).toBeLessThan(20_000 + 15_300);
    expect(plan.previousSummary).toBeUndefined();
  });

  it('never cuts at a tool result: a cut inside a turn summarises the turn’s prefix on its own (split turn)', () => {
    const transcript = session(6, 60_000);
    const plan = planCompaction(transcript, SETTINGS, BEHAVIOUR)!;
    // Walking back, the second-last tool result passes 20K; the nearest cut point after it is that turn's reply.
    expect(plan.keepFrom).toBe(transcript.entries.length - 4);
    expect(transcript.entries[plan.keepFrom]!.role).toBe('assistant');
    expect(plan.turnPrefix).toEqual(transcript.entries.slice(-6, -4));
    expect(plan.toSummarize).toEqual(transcript.entries.slice(0, -6));
  });

  it('plans nothing to summarise when everything is within the kept tail (the safeguard then cancels)', () => {
    const plan = planCompaction(session(1, 20_000), SETTINGS, BEHAVIOUR)!;
    expect(plan.toSummarize).toEqual([]);
    expect(plan.keepFrom).toBe(0);
  });

  it('2026.2: after a compaction only what came after it is summarised, and the tail it kept drops out with the next one', async () => {
    const clock = createVirtualClock();
    const transcript = session(6, 20_000);
    await compactTranscript(transcript, planCompaction(transcript, SMALL, BEHAVIOUR)!, options(), { clock, jitter: createPrng(1), call: recordingCall(clock).call });
    const keptTail = transcript.entries.slice(1);
    expect(keptTail).toHaveLength(3);
    // Nothing new yet: pi's prepareCompaction finds the compaction entry last and prepares nothing.
    expect(planCompaction(transcript, SMALL, BEHAVIOUR)).toBeUndefined();
    // One new turn within keepRecentTokens: the cut lands on its user message, nothing to summarise.
    recordTurn(transcript, session(1, 20_000).entries, 0);
    expect(planCompaction(transcript, SMALL, BEHAVIOUR)).toMatchObject({ toSummarize: [], keepFrom: 4 });
    recordTurn(transcript, session(1, 20_000).entries, 0);
    const plan = planCompaction(transcript, SMALL, BEHAVIOUR)!;
    expect(plan.toSummarize).toEqual(transcript.entries.slice(4, 7));
    await compactTranscript(transcript, plan, options(), { clock, jitter: createPrng(1), call: recordingCall(clock).call });
    expect(transcript.entries).toHaveLength(4);
    for (const entry of keptTail) expect(transcript.entries).not.toContain(entry);
  });

  it('2026.9: the next compaction starts at the tail the previous one kept', async () => {
    const clock = createVirtualClock();
    const behaviour = PROFILES['2026.9'].compaction;
    const transcript = session(6, 20_000);
    await compactTranscript(transcript, planCompaction(transcript, SMALL, behaviour)!, options(behaviour), { clock, jitter: createPrng(1), call: recordingCall(clock).call });
    recordTurn(transcript, session(1, 20_000).entries, 0);
    const plan = planCompaction(transcript, SMALL, behaviour)!;
    expect(plan.toSummarize).toEqual(transcript.entries.slice(1, 4));
    expect(plan.previousSummary).toBe('summary 1');
  });
});

describe('compactTranscript', () => {
  it('summarises a history that fits one chunk in one call of pi’s prompt sizes, and keeps the summary and the tail', async () => {
    const clock = createVirtualClock();
    const transcript = session(6, 20_000);
    const plan = planCompaction(transcript, SMALL, BEHAVIOUR)!;
    expect(plan.turnPrefix).toEqual([]);
    expect(plan.keepFrom).toBe(transcript.entries.length - 3);
    const tail = transcript.entries.slice(plan.keepFrom);
    const { calls, call } = recordingCall(clock);
    const outcome = await compactTranscript(transcript, plan, options(), { clock, jitter: createPrng(1), call });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.system).toHaveLength(317);
    expect(calls[0]!.maxOutputTokens).toBe(16_000);
    const conversation = plan.toSummarize.map((entry) => `[${entry.role === 'user' ? 'User' : entry.role === 'assistant' ? 'Assistant' : 'Tool result'}]: ${entry.text}`).join('\n\n');
    expect(calls[0]!.text).toBe(`<conversation>\n${conversation}\n</conversation>\n\n${calls[0]!.text.slice(-879)}`);
    expect(outcome).toMatchObject({ kind: 'compacted', summary: 'summary 1', summarized: plan.keepFrom });
    expect(transcript.entries[0]!.text).toBe('The conversation history before this point was compacted into the following summary:\n\n<summary>\nsummary 1\n</summary>');
    expect(transcript.entries.slice(1)).toEqual(tail);
  });

  it('updates the previous summary next time, in a <previous-summary> block with the 1,257-char update prompt', async () => {
    const clock = createVirtualClock();
    const transcript = session(6, 20_000);
    await compactTranscript(transcript, planCompaction(transcript, SMALL, BEHAVIOUR)!, options(), { clock, jitter: createPrng(1), call: recordingCall(clock).call });
    for (let i = 0; i < 5; i++) recordTurn(transcript, session(1, 20_000).entries, 0);
    const plan = planCompaction(transcript, SMALL, BEHAVIOUR)!;
    expect(plan.previousSummary).toBe('summary 1');
    expect(plan.toSummarize[0]!.text).not.toContain('summary 1'); // the summary entry itself is not re-summarised
    const { calls, call } = recordingCall(clock);
    await compactTranscript(transcript, plan, options(), { clock, jitter: createPrng(1), call });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.text).toMatch(/<\/conversation>\n\n<previous-summary>\nsummary 1\n<\/previous-summary>\n\n/);
    expect(calls[0]!.text.length - calls[0]!.text.indexOf('</previous-summary>\n\n') - '</previous-summary>\n\n'.length).toBe(1_257);
  });

  it('splits a larger history in two halves, chunks each, merges the halves in a last call, and summarises a split turn’s prefix', async () => {
    const clock = createVirtualClock();
    const transcript = session(12, 60_000); // ≈ 168K tokens to summarise
    const plan = planCompaction(transcript, SETTINGS, BEHAVIOUR)!;
    const { calls, call } = recordingCall(clock);
    const outcome = await compactTranscript(transcript, plan, options(), { clock, jitter: createPrng(1), call });
    const merge = calls.findIndex((request) => request.text.includes('Additional focus: Merge these partial summaries'));
    expect(merge).toBeGreaterThanOrEqual(2);
    expect(calls[merge]!.text.match(/\[User\]: summary \d+/g)).toHaveLength(2);
    // Within a half, every chunk after the first updates the summary so far.
    expect(calls[1]!.text).toContain('<previous-summary>\nsummary 1\n</previous-summary>');
    // The split turn's prefix comes last, with OpenClaw's turn-prefix focus.
    expect(calls.at(-1)!.text).toContain('Additional focus: This summary covers the prefix of a split turn.');
    for (const request of calls) expect(request.text.length / 4).toBeLessThan(0.4 * WINDOW_TOKENS);
    expect(outcome.kind === 'compacted' && outcome.summary).toBe(`summary ${merge + 1}\n\n---\n\n**Turn Context (split turn):**\n\nsummary ${calls.length}`);
  });

  it('2026.9: re-distils the previous summary as the history\'s first message, its own chunk, and no call starts from it', async () => {
    const clock = createVirtualClock();
    const behaviour = PROFILES['2026.9'].compaction;
    // Two big messages and a reply, as golden compaction-model-window's turn 4: [previous summary] [user] [reply].
    const transcript = emptyTranscript();
    const turn = (i: number) => [{ role: 'user' as const, text: `big ${i} `.padEnd(32_000, 'b') }, { role: 'assistant' as const, text: `reply ${i}` }];
    for (let i = 0; i < 2; i++) recordTurn(transcript, turn(i), 0);
    const small = { ...SETTINGS, keepRecentTokens: 4_000 };
    const windowed = { ...options(behaviour), windowTokens: 40_000 };
    await compactTranscript(transcript, planCompaction(transcript, small, behaviour)!, windowed, { clock, jitter: createPrng(1), call: recordingCall(clock).call });
    recordTurn(transcript, turn(2), 0);
    const plan = planCompaction(transcript, small, behaviour)!;
    expect(plan.previousSummary).toBe('summary 2'); // the first compaction's two chunks: [big 0] [reply 0]
    const { calls, call } = recordingCall(clock);
    await compactTranscript(transcript, plan, windowed, { clock, jitter: createPrng(1), call });
    expect(calls).toHaveLength(3); // < 4 messages: no halves; chunks of (40,000 × 0.16 − 4,096) / 1.2 tokens
    expect(calls[0]!.system).toHaveLength(764);
    expect(calls[0]!.text).toMatch(/^<conversation>\n\[User\]: <previous-compaction-summary>\nPrevious compaction summary to re-distill with the current conversation\. .*\n\nsummary 2\n<\/previous-compaction-summary>\n<\/conversation>\n\n/s);
    expect(calls[0]!.text).not.toContain('<previous-summary>');
    expect(calls[0]!.text.length - calls[0]!.text.indexOf('</conversation>\n\n') - '</conversation>\n\n'.length).toBe(714);
    expect(calls[1]!.text).toMatch(/^<conversation>\n\[User\]: big 1 /);
    expect(calls[1]!.text).toContain('<previous-summary>\nsummary 1\n</previous-summary>'); // the summary so far: call 1's
    expect(calls[1]!.text.length - calls[1]!.text.indexOf('</previous-summary>\n\n') - '</previous-summary>\n\n'.length).toBe(883);
    expect(calls[2]!.text).toMatch(/^<conversation>\n\[Assistant\]: reply 1\n/);
  });

  it('2026.9: merges halves labelled oldest / most recent under the MUST PRESERVE instructions', async () => {
    const clock = createVirtualClock();
    const transcript = session(12, 60_000);
    const plan = planCompaction(transcript, SETTINGS, BEHAVIOUR)!;
    const { calls, call } = recordingCall(clock);
    await compactTranscript(transcript, plan, options(PROFILES['2026.9'].compaction), { clock, jitter: createPrng(1), call });
    const merge = calls.find((request) => request.text.includes('Additional focus: Merge these partial summaries'))!;
    expect(merge.text).toMatch(/\[User\]: \[Chunk 1 — oldest messages\]\nsummary \d+\n\n\[User\]: \[Chunk 2 — most recent messages\]\nsummary \d+/);
    expect(merge.text).toContain('MUST PRESERVE:\n- Active tasks and their current status');
  });

  it('retries a failed summary call after ~0.5 s and ~1 s of virtual time, then goes on', async () => {
    const clock = createVirtualClock();
    const transcript = session(6, 20_000);
    const plan = planCompaction(transcript, SMALL, BEHAVIOUR)!;
    const { calls, call } = recordingCall(clock, 2);
    const done = compactTranscript(transcript, plan, options(), { clock, jitter: createPrng(1), call });
    await clock.runUntilIdle();
    await done;
    const gaps = calls.slice(1).map((request, index) => request.atMs - calls[index]!.atMs);
    expect(calls).toHaveLength(3);
    expect(gaps[0]).toBeGreaterThanOrEqual(500);
    expect(gaps[0]).toBeLessThanOrEqual(600);
    expect(gaps[1]).toBeGreaterThanOrEqual(800);
    expect(gaps[1]).toBeLessThanOrEqual(1_200);
    expect(transcript.entries[0]!.text).toContain('<summary>\nsummary 3\n</summary>');
  });

  it('2026.2: when every call fails, compacts with "Summary unavailable" after the full and the partial pass', async () => {
    const clock = createVirtualClock();
    const transcript = session(6, 20_000);
    const plan = planCompaction(transcript, SMALL, BEHAVIOUR)!;
    const { calls, call } = recordingCall(clock, Number.POSITIVE_INFINITY);
    const passes: string[] = [];
    const done = compactTranscript(transcript, plan, options(), { clock, jitter: createPrng(1), call, onPassFailed: (pass) => passes.push(pass) });
    await clock.runUntilIdle();
    expect(await done).toMatchObject({ kind: 'compacted' });
    expect(calls).toHaveLength(6); // three tries of the full pass, three of the partial one
    expect(passes).toEqual(['full', 'partial']);
    expect(transcript.entries[0]!.text).toContain(`Context contained ${plan.toSummarize.length} messages (0 oversized). Summary unavailable due to size limits.`);
  });

  it('2026.9: when every call fails, cancels the compaction and keeps the history (no partial pass without oversized messages)', async () => {
    const clock = createVirtualClock();
    const transcript = session(6, 20_000);
    const before = [...transcript.entries];
    const plan = planCompaction(transcript, SMALL, BEHAVIOUR)!;
    const { calls, call } = recordingCall(clock, Number.POSITIVE_INFINITY);
    const done = compactTranscript(transcript, plan, options(PROFILES['2026.9'].compaction), { clock, jitter: createPrng(1), call });
    await clock.runUntilIdle();
    expect(await done).toMatchObject({ kind: 'cancelled' });
    expect(calls).toHaveLength(3);
    expect(transcript.entries).toEqual(before);
    expect(transcript.compactionSummary).toBeUndefined();
  });
});
