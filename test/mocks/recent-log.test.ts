import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/clock/index.ts';
import { createRecentLog } from '../../mocks/recent-log.ts';
import { createTelegramState, recordSent } from '../../mocks/telegram/state.ts';
import { createMockWorld } from '../../mocks/world.ts';

type Entry = { seq: number; status: number; path: string };

function logOf(capacity: number, recorded: number, sink?: (line: string) => void) {
  const log = createRecentLog<Entry>({ capacity, ...(sink === undefined ? {} : { sink }) });
  for (let i = 1; i <= recorded; i++) log.record({ status: i % 3 === 0 ? 429 : 200, path: `/p${i}` });
  return log;
}

describe('a served log (recent-log.ts)', () => {
  it('keeps only the newest entries, oldest first, however many were recorded', () => {
    const log = logOf(3, 10);
    expect(log.entries.map((entry) => entry.seq)).toEqual([8, 9, 10]);
    expect(log.length).toBe(10);
  });

  it('counts every entry exactly, by status, including those the ring dropped', () => {
    expect(logOf(3, 10).counts()).toEqual({ total: 10, retained: 3, byStatus: { '200': 7, '429': 3 } });
  });

  it('pages through what it retains by sequence number', () => {
    const log = logOf(5, 12);
    const seqs = (lines: string[]) => lines.map((line) => (JSON.parse(line) as Entry).seq);
    expect(seqs(log.linesSince(0, 2))).toEqual([8, 9]);
    expect(seqs(log.linesSince(9, 2))).toEqual([10, 11]);
    expect(seqs(log.linesSince(11, 100))).toEqual([12]);
    expect(log.linesSince(12, 100)).toEqual([]);
  });

  it('hands every entry to the sink, dropped or not, as the line it keeps', () => {
    const lines: string[] = [];
    const log = logOf(2, 5, (line) => lines.push(line));
    expect(lines.map((line) => (JSON.parse(line) as Entry).seq)).toEqual([1, 2, 3, 4, 5]);
    expect(log.toJsonl()).toBe(`${lines.slice(-2).join('\n')}\n`);
  });

  it('refuses a ring with no room', () => {
    expect(() => createRecentLog({ capacity: 0 })).toThrow('capacity ≥ 1');
  });
});

describe('a mock world told to retain only recent entries', () => {
  it('bounds its provider journal and still numbers entries from the start', async () => {
    const world = createMockWorld({ clock: createVirtualClock(), seed: 1, retain: { recent: 2 } });
    const ask = () =>
      world.fetch('https://api.openai.com/v1/chat/completions', {
        method: 'POST',
        body: JSON.stringify({ model: 'gpt-5.2', messages: [{ role: 'user', content: 'hi' }] }),
      });
    for (let i = 0; i < 5; i++) await (await ask()).text();
    expect(world.journal.length).toBe(5);
    expect(world.journal.entries.map((entry) => [entry.seq, entry.status])).toEqual([
      [4, 200],
      [5, 200],
    ]);
  });

  it('answers exactly as a world that keeps everything', async () => {
    const full = createMockWorld({ clock: createVirtualClock(), seed: 1 });
    const bounded = createMockWorld({ clock: createVirtualClock(), seed: 1, retain: { recent: 1_000 } });
    const body = JSON.stringify({ model: 'gpt-5.2', messages: [{ role: 'user', content: 'hello' }] });
    const answer = async (world: typeof full) => (await world.fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body })).text();
    expect(await answer(bounded)).toBe(await answer(full));
    expect(bounded.journal.toJsonl()).toBe(full.journal.toJsonl());
  });
});

describe("a served Telegram mock's sent messages", () => {
  it('keep at most twice the newest keepSent, never fewer than keepSent', () => {
    const state = createTelegramState({ keepSent: 3 });
    for (let messageId = 1; messageId <= 20; messageId++) {
      recordSent(state, { atMs: 0, chatId: 1, messageId, text: 'hi', parseMode: undefined });
      expect(state.sent.length).toBeLessThan(6);
      expect(state.sent.at(-1)!.messageId).toBe(messageId);
      expect(state.sent.length).toBeGreaterThanOrEqual(Math.min(messageId, 3));
    }
  });

  it('are all kept when no bound is given', () => {
    const state = createTelegramState();
    for (let messageId = 1; messageId <= 20; messageId++) recordSent(state, { atMs: 0, chatId: 1, messageId, text: 'hi', parseMode: undefined });
    expect(state.sent).toHaveLength(20);
  });
});
