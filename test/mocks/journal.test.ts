import { describe, expect, it } from 'vitest';
import { createJournal } from '../../mocks/providers/journal-store.ts';
import type { JournalRecord } from '../../mocks/providers/journal.ts';

function entry(fields: Partial<JournalRecord>): JournalRecord {
  return {
    atMs: 0,
    provider: 'gemini',
    api: 'generateContent',
    model: 'gemini-2.5-flash',
    stream: false,
    scopeKey: 'gemini/account:default/gemini-2.5-flash',
    clientRetryCount: undefined,
    inputTokens: 1,
    outputTokens: 2,
    quotaBefore: undefined,
    quotaAfter: undefined,
    status: 200,
    outcome: 'ok',
    errorType: undefined,
    violations: undefined,
    retryAfterMs: undefined,
    fault: undefined,
    latencyMs: undefined,
    ...fields,
  };
}

describe('journal', () => {
  it('numbers entries in the order they are recorded', () => {
    const journal = createJournal();
    journal.record(entry({ atMs: 5 }));
    journal.record(entry({ atMs: 5 }));
    expect(journal.entries.map((recorded) => recorded.seq)).toEqual([1, 2]);
  });

  it('answers queries by fields or by predicate', () => {
    const journal = createJournal();
    journal.record(entry({ status: 200 }));
    journal.record(entry({ status: 429, outcome: 'rate-limited', model: 'gemini-2.5-pro' }));
    journal.record(entry({ status: 429, outcome: 'rate-limited' }));
    expect(journal.where({ status: 429, model: 'gemini-2.5-flash' }).map((found) => found.seq)).toEqual([3]);
    expect(journal.where((found) => found.inputTokens > 0)).toHaveLength(3);
  });

  it('exports one JSON object per line, without undefined fields', () => {
    const journal = createJournal();
    journal.record(entry({ atMs: 1 }));
    journal.record(entry({ atMs: 2, status: 429, retryAfterMs: 37_000 }));
    const lines = journal.toJsonl().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[1]!)).toMatchObject({ seq: 2, atMs: 2, status: 429, retryAfterMs: 37_000 });
    expect(lines[0]).not.toContain('retryAfterMs');
  });

  it('gives back every field as recorded, zero and undefined kept apart, snapshots with their dimensions in order', () => {
    const journal = createJournal();
    const quotaBefore = {
      requestsPerMinute: { limit: 1_000, used: 0, remaining: 1_000, resetInMs: 0 },
      tokensPerMinute: { limit: 1_000_000, used: 999_999.5, remaining: 0, resetInMs: 59_999 },
      concurrentRequests: { limit: 50, used: 3, remaining: 47, resetInMs: 0 },
    };
    const recorded = entry({
      atMs: 1_795_571_628_827.25,
      clientRetryCount: 0,
      latencyMs: 0,
      retryAfterMs: 37_000,
      stream: true,
      quotaBefore,
      quotaAfter: {},
      violations: ['tokensPerMinute'],
      fault: 'rule 2: script 429 (1/3)',
      status: 429,
      outcome: 'rate-limited',
      errorType: 'RESOURCE_EXHAUSTED',
    });
    journal.record(recorded);
    journal.record(entry({ scopeKey: undefined }));
    const [first, second] = journal.entries;
    expect(first).toStrictEqual({ seq: 1, ...recorded });
    expect(Object.keys(first!.quotaBefore!)).toEqual(['requestsPerMinute', 'tokensPerMinute', 'concurrentRequests']);
    expect(second).toStrictEqual({ seq: 2, ...entry({ scopeKey: undefined }) });
  });

  it('keeps the entries already read and adds the ones recorded since', () => {
    const journal = createJournal();
    for (let i = 0; i < 3_000; i++) journal.record(entry({ atMs: i, inputTokens: i * 7 }));
    const read = journal.entries;
    expect(read).toHaveLength(3_000);
    journal.record(entry({ atMs: 3_000 }));
    expect(journal.length).toBe(3_001);
    expect(journal.entries[0]).toBe(read[0]);
    expect(journal.entries.map((found) => found.inputTokens).slice(2_998, 3_000)).toEqual([2_998 * 7, 2_999 * 7]);
    expect(journal.entries.at(-1)).toMatchObject({ seq: 3_001, atMs: 3_000 });
  });
});
