import { describe, expect, it } from 'vitest';
import { createJournal, type JournalRecord } from '../../mocks/providers/journal.ts';

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
});
