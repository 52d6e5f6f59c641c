import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../src/clock/prng.ts';
import { buildStaleSessions } from '../../../src/gateway/sessions/index.ts';
import { createTextPool } from '../../../src/gateway/text-pool.ts';
import { readStoreSnapshot, seedScenarioStore } from '../../../src/scenario/real-gateway-store.ts';

const START_MS = Date.parse('2026-02-27T16:00:00Z');
const MODEL = { provider: 'google', id: 'gemini-2.5-flash', api: 'google-generative-ai' };
const noImport = async () => {
  throw new Error('a sessions.json store needs no import');
};

async function seeded(preload: Parameters<typeof seedScenarioStore>[2]) {
  const home = await mkdtemp(join(tmpdir(), 'qs-store-'));
  const rng = createPrng(20260227);
  await seedScenarioStore('sessions-json', home, preload, { startMs: START_MS, rng: rng.fork('preload'), pool: createTextPool(rng.fork('workload/text')), model: MODEL }, noImport);
  return home;
}

describe("a scenario's preload in the real gateway's store", () => {
  it('holds the same stale sessions the embedded run preloads: same keys, ids and ages', async () => {
    const home = await seeded({ sessions: [{ kind: 'cron-run', count: 3, age: 48 * 3_600_000 }], mainTranscriptTokens: 0 });
    const expected = buildStaleSessions({ kind: 'cron-run', count: 3, ageMs: 48 * 3_600_000 }, { nowMs: START_MS, rng: createPrng(20260227).fork('preload').fork('sessions-0') });
    const store = JSON.parse(await readFile(join(home, '.openclaw/agents/main/sessions/sessions.json'), 'utf8')) as Record<string, { sessionId: string; updatedAt: number }>;
    expect(Object.keys(store)).toEqual(expected.map(([key]) => key));
    expect(Object.values(store).map((entry) => [entry.sessionId, entry.updatedAt])).toEqual(expected.map(([, entry]) => [entry.sessionId, entry.updatedAt]));
    const snapshot = await readStoreSnapshot('sessions-json', home);
    expect(snapshot.sessions.map((session) => session.kind)).toEqual(['cron-run', 'cron-run', 'cron-run']);
  });

  it('writes the main transcript as openclaw@2026.2.26 session files are written: a header, then messages chained by parentId, tool calls answered', async () => {
    const home = await seeded({ sessions: [], mainTranscriptTokens: 24_000 });
    const store = JSON.parse(await readFile(join(home, '.openclaw/agents/main/sessions/sessions.json'), 'utf8')) as Record<string, { sessionId: string; sessionFile: string }>;
    const main = store['agent:main:main']!;
    expect(await readdir(join(home, '.openclaw/agents/main/sessions'))).toContain(`${main.sessionId}.jsonl`);
    const lines = (await readFile(main.sessionFile, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, any>);
    expect(lines[0]).toMatchObject({ type: 'session', version: 3, id: main.sessionId });
    const messages = lines.slice(1);
    expect(messages.map((line) => line['message'].role)).toEqual(['user', 'assistant', 'toolResult', 'assistant', 'user', 'assistant', 'toolResult', 'assistant']);
    messages.forEach((line, index) => expect(line['parentId']).toBe(index === 0 ? null : messages[index - 1]!['id']));
    expect(messages[2]!['message'].toolCallId).toBe(messages[1]!['message'].content[0].id);
    const chars = messages.reduce((sum, line) => sum + (line['message'].content[0].text?.length ?? 0), 0);
    expect(chars).toBeGreaterThan(24_000 * 3);
  });

  it('writes nothing for an empty preload', async () => {
    const home = await seeded({ sessions: [], mainTranscriptTokens: 0 });
    expect((await readStoreSnapshot('sessions-json', home)).sessions).toEqual([]);
  });
});
