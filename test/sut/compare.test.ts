import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareTrace, DEFAULT_TOLERANCES, formatDifferences } from '../../src/sut/compare.ts';
import { GoldenTraceSchema, type GoldenTrace, type TraceRequest, type TraceTurn } from '../../src/sut/trace.ts';

function request(model: string, offsetMs: number, status = 429, outcome = 'rate-limited'): TraceRequest {
  const provider = model.startsWith('gemini') ? 'gemini' : 'openai';
  return { provider, model, api: 'x', status, outcome, fault: null, retryAfterMs: null, clientRetryCount: null, offsetMs };
}

function turn(requests: TraceRequest[], userTexts: string[], firstReplyOffsetMs: number | null): TraceTurn {
  return { index: 0, text: 'hello', chatId: 424242, requests, telegram: [], userTexts, firstReplyOffsetMs, settled: true, logLines: [] };
}

/** The shape of 2026.2.26's Flash 429 → Pro 429 → other ok: 2/4/8 s retries, then failover. */
function incidentChain(shiftMs = 0, jitter: (index: number) => number = () => 0): GoldenTrace {
  const offsets = [357, 2407, 6416, 14426, 14507, 16515, 20525, 28536, 28607];
  const models = ['gemini-2.5-flash', 'gemini-2.5-flash', 'gemini-2.5-flash', 'gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.5-pro', 'gemini-2.5-pro', 'gemini-2.5-pro', 'gpt-4o-mini'];
  const requests = offsets.map((offset, index) =>
    index === 8 ? request(models[index]!, offset + shiftMs + jitter(index), 200, 'ok') : request(models[index]!, offset + shiftMs + jitter(index)),
  );
  return GoldenTraceSchema.parse({
    format: 'quotastorm.golden-trace/1',
    case: 'flash-429-pro-429-other-ok',
    description: 'synthetic',
    gateway: { name: 'openclaw', version: '2026.2.26', reportedVersion: '2026.2.26', node: 'v24.21.0' },
    recording: { recordedAt: '2026-11-24T00:00:00.000Z', isolation: 'netns', seed: 1, readyMs: 3000 },
    config: {},
    faults: { rules: [] },
    startup: { telegram: [], commandMenu: null, requests: [], logLines: [] },
    turns: [turn(requests, ['the reply'], 28648 + shiftMs + jitter(8))],
    shutdownLogLines: [],
    sessions: { store: 'sessions-json', before: [], after: ['agent:main:main'], archivedBefore: [], archivedAfter: [] },
    journal: { providers: [], telegram: [], telegramPolls: 0 },
  });
}

describe('compareTrace', () => {
  it('accepts a trace compared with itself', () => {
    expect(compareTrace(incidentChain(), incidentChain())).toEqual({ ok: true, differences: [] });
  });

  it('accepts a later pickup of the message and per-step jitter within tolerance', () => {
    const actual = incidentChain(1_200, (index) => (index % 2 === 0 ? 300 : -200));
    expect(compareTrace(incidentChain(), actual).ok).toBe(true);
  });

  it('does not add jitter up along a long chain', () => {
    // +400 ms on every step: 3.2 s off by the end in absolute offsets, each delay only 400 ms.
    expect(compareTrace(incidentChain(), incidentChain(0, (index) => index * 400)).ok).toBe(true);
  });

  it('reports a missing retry delay (no 2 s wait before the second attempt)', () => {
    const actual = incidentChain(0, (index) => (index >= 1 ? -2_000 : 0));
    const comparison = compareTrace(incidentChain(), actual);
    expect(comparison.ok).toBe(false);
    expect(comparison.differences).toHaveLength(1);
    expect(comparison.differences[0]).toMatchObject({ where: 'turns[0].requests[1].offsetMs', expected: 2_050, actual: 50 });
    expect(formatDifferences(comparison)).toContain('request 2 (gemini/gemini-2.5-flash 429 rate-limited) came -2000 ms after the previous request');
  });

  it('reports a different request sequence (a fifth Flash attempt instead of failing over)', () => {
    const expected = incidentChain();
    const actual = incidentChain();
    const requests = [...actual.turns[0]!.requests];
    requests.splice(4, 0, request('gemini-2.5-flash', 14_450));
    const comparison = compareTrace(expected, { ...actual, turns: [{ ...actual.turns[0]!, requests }] });
    expect(comparison.ok).toBe(false);
    expect(comparison.differences.map((difference) => difference.where)).toEqual(['turns[0].requests']);
    expect(comparison.differences[0]!.message).toBe('different provider request sequence, from request 5 on');
  });

  it('still reports timing when the sequences differ: the delays before the first difference', () => {
    const expected = incidentChain();
    // No 2 s wait before the second attempt, and a fifth Flash attempt instead of failing over.
    const actual = incidentChain(0, (index) => (index >= 1 ? -2_000 : 0));
    const requests = [...actual.turns[0]!.requests];
    requests.splice(4, 0, request('gemini-2.5-flash', 12_450));
    const comparison = compareTrace(expected, { ...actual, turns: [{ ...actual.turns[0]!, requests }] });
    expect(comparison.differences.map((difference) => difference.where)).toEqual(['turns[0].requests', 'turns[0].requests[1].offsetMs']);
    expect(comparison.differences[1]).toMatchObject({ expected: 2_050, actual: 50 });
  });

  it('does not judge the delays after the first difference', () => {
    const expected = incidentChain();
    const actual = incidentChain(0, (index) => (index >= 5 ? 5_000 : 0));
    const requests = actual.turns[0]!.requests.map((entry, index) => (index === 4 ? { ...entry, status: 200, outcome: 'ok' } : entry));
    const comparison = compareTrace(expected, { ...actual, turns: [{ ...actual.turns[0]!, requests }] });
    expect(comparison.differences.map((difference) => difference.where)).toEqual(['turns[0].requests']);
  });

  it('still reports when the first request came, even when the first requests differ', () => {
    const expected = incidentChain();
    const actual = incidentChain(10_000);
    const requests = actual.turns[0]!.requests.map((entry, index) => (index === 0 ? { ...entry, model: 'gemini-2.5-pro' } : entry));
    const comparison = compareTrace(expected, { ...actual, turns: [{ ...actual.turns[0]!, requests }] });
    expect(comparison.differences).toEqual([
      expect.objectContaining({ where: 'turns[0].requests', message: 'different provider request sequence, from request 1 on' }),
      expect.objectContaining({ where: 'turns[0].requests[0].offsetMs', expected: 357, actual: 10_357 }),
    ]);
  });

  it('reports a different user text, even when the requests match', () => {
    const actual = incidentChain();
    const comparison = compareTrace(incidentChain(), { ...actual, turns: [{ ...actual.turns[0]!, userTexts: ['An unknown error occurred'] }] });
    expect(comparison.differences).toEqual([
      { where: 'turns[0].userTexts', expected: ['the reply'], actual: ['An unknown error occurred'], message: 'different text for the user' },
    ]);
  });

  it('reports a reply where the golden trace has none', () => {
    const expected = incidentChain();
    const silent = { ...expected, turns: [{ ...expected.turns[0]!, userTexts: [], firstReplyOffsetMs: null }] };
    const comparison = compareTrace(silent, expected);
    expect(comparison.differences.map((difference) => difference.where)).toEqual(['turns[0].userTexts', 'turns[0].firstReplyOffsetMs']);
  });

  it('reports a different number of turns', () => {
    const expected = incidentChain();
    expect(compareTrace(expected, { ...expected, turns: [] }).differences[0]).toMatchObject({ where: 'turns', expected: 1, actual: 0 });
  });

  it('takes the tolerance as an option', () => {
    const actual = incidentChain(0, (index) => (index === 3 ? 600 : 0));
    expect(compareTrace(incidentChain(), actual).ok).toBe(true);
    expect(compareTrace(incidentChain(), actual, { toleranceMs: 500 }).ok).toBe(false);
    expect(DEFAULT_TOLERANCES.toleranceMs).toBeLessThan(2_000);
  });

  it('allows jittered delays with a relative tolerance', () => {
    // The 8 s step drawn 30 % longer, as an unseeded 2026.9.6 might.
    const actual = incidentChain(0, (index) => (index >= 3 ? 2_400 : 0));
    expect(compareTrace(incidentChain(), actual).ok).toBe(false);
    expect(compareTrace(incidentChain(), actual, { relativeTolerance: 0.5 }).ok).toBe(true);
  });

  it('matches a committed golden trace against itself and catches a changed text in it', () => {
    const file = 'test/golden/openclaw-2026.2.26/flash-429-pro-429-other-ok.json';
    const golden = GoldenTraceSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(compareTrace(golden, golden).ok).toBe(true);
    const changed = { ...golden, turns: golden.turns.map((entry) => ({ ...entry, userTexts: entry.userTexts.map((text) => `${text}!`) })) };
    expect(compareTrace(golden, changed).ok).toBe(false);
  });
});
