import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../src/clock/prng.ts';
import { createVirtualClock, type VirtualClock } from '../../../src/clock/virtual-clock.ts';
import { effectiveSettings, parseConfigText } from '../../../src/config/index.ts';
import { createGatewayLog, type GatewayLog } from '../../../src/gateway/log.ts';
import {
  buildStaleSessions, createSessionStore, cronRunSessionKey, cronSessionKey, directSessionKey, MAIN_SESSION_KEY, MAINTENANCE_LOG,
  type SessionStore,
} from '../../../src/gateway/sessions/index.ts';
import { ENFORCE_15_6H, FIXTURE_NOW_MS, incidentStore, mainEntry } from './fixtures.ts';
import { PROFILES, type ProfileName } from '../../../src/gateway/profiles/index.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

type Rig = { clock: VirtualClock; log: GatewayLog; store: SessionStore };

function rig(configText: string, profile: ProfileName = '2026.2'): Rig {
  const clock = createVirtualClock({ startMs: FIXTURE_NOW_MS });
  const log = createGatewayLog(clock);
  const { config } = parseConfigText(configText, 'store-test.json5');
  const store = createSessionStore({ clock, settings: effectiveSettings(config, PROFILES[profile].runtimeDefaults).maintenance, order: PROFILES[profile].maintenanceOrder, rng: createPrng(11).fork('sessions'), log });
  return { clock, log, store };
}

/** One user turn in the main session: the write OpenClaw does when the run completes. */
function turn(store: SessionStore, totalTokens = 9_000): void {
  store.update(MAIN_SESSION_KEY, () => ({ inputTokens: totalTokens - 100, outputTokens: 100, totalTokens, totalTokensFresh: true }));
}

/** One isolated cron run: the base key and the run key, in one write without an active session. */
function cronRun(store: SessionStore, jobId: string, nowMs: number): string {
  const sessionId = store.newSessionId();
  const runKey = cronRunSessionKey(jobId, sessionId);
  store.write(
    (entries) => {
      const entry = { sessionId, updatedAt: nowMs, systemSent: false, label: `Cron: ${jobId}` };
      entries.set(cronSessionKey(jobId), entry);
      entries.set(runKey, { ...entry });
    },
    { activeKey: null },
  );
  return runKey;
}

const storeLines = (log: GatewayLog) => log.records.filter((record) => record.subsystem === 'sessions/store').map((record) => record.message);

describe('the incident: 56 stale cron runs, then session.maintenance {enforce, 15, 6h} (as observed on openclaw@2026.2.26)', () => {
  it('prunes nothing at load: the store still has 77 entries after a restart', () => {
    const { store, log } = rig(ENFORCE_15_6H);
    store.preload(incidentStore(FIXTURE_NOW_MS));
    expect(store.count()).toBe(77);
    expect(log.records).toEqual([]);
  });

  it('drops to 15 on the first turn’s store write, logging both lines, keeping main and the 14 newest recent runs', () => {
    const { store, log } = rig(ENFORCE_15_6H);
    const seeded = incidentStore(FIXTURE_NOW_MS);
    store.preload(seeded);
    turn(store);
    expect(store.count()).toBe(15);
    expect(storeLines(log)).toEqual([MAINTENANCE_LOG.pruned, MAINTENANCE_LOG.capped]);
    const recent = seeded.filter(([key]) => key.startsWith('agent:main:cron:recent:')).map(([key]) => key);
    expect([...store.entries()].map(([key]) => key)).toEqual([MAIN_SESSION_KEY, ...recent.slice(0, 14)]);
    expect(store.stats).toMatchObject({ pruned: 56, capped: 6 });
  });

  it('stays at most 15 across a day of turns and cron runs, and no stale entry comes back', async () => {
    const { store, clock } = rig(ENFORCE_15_6H);
    store.preload(incidentStore(FIXTURE_NOW_MS));
    const seededKeys = new Set(incidentStore(FIXTURE_NOW_MS).map(([key]) => key));
    turn(store);
    for (let step = 0; step < 24 * 6; step++) {
      await clock.advanceBy(10 * MINUTE_MS);
      cronRun(store, `job${step % 4}`, clock.now());
      expect(store.count()).toBeLessThanOrEqual(15);
      if (step % 3 === 0) turn(store);
      expect(store.count()).toBeLessThanOrEqual(15);
    }
    expect([...store.entries()].filter(([key]) => seededKeys.has(key) && key !== MAIN_SESSION_KEY)).toEqual([]);
    expect(store.get(MAIN_SESSION_KEY)).toBeDefined();
  });

  it('drops nothing under the 2026.2 defaults (warn, 500, 30d): the store just grows', async () => {
    const { store, log, clock } = rig('{}');
    store.preload(incidentStore(FIXTURE_NOW_MS));
    turn(store);
    for (let run = 0; run < 40; run++) {
      await clock.advanceBy(30 * MINUTE_MS);
      cronRun(store, 'job0', clock.now());
    }
    expect(store.count()).toBe(77 + 40 + 1); // + 40 runs + the job's base key
    expect(log.records).toEqual([]);
  });
});

describe('warn mode', () => {
  const WARN_15_6H = '{ session: { maintenance: { mode: "warn", maxEntries: 15, pruneAfter: "6h" } } }';

  it('warns only for writes whose active session would be pruned or capped, and evicts nothing', () => {
    const { store, log } = rig(WARN_15_6H);
    const seeded = incidentStore(FIXTURE_NOW_MS);
    store.preload(seeded);
    turn(store); // main is the newest entry: nothing to say
    expect(log.records).toEqual([]);
    const staleKey = seeded[1]![0];
    const recentKeys = seeded.filter(([key]) => key.includes(':recent:')).map(([key]) => key);
    store.write(() => {}, { activeKey: recentKeys[0]! }); // 2nd newest: kept
    expect(log.records).toEqual([]);
    store.write(() => {}, { activeKey: staleKey }); // 48 h old
    store.write(() => {}, { activeKey: recentKeys[19]! }); // 21st newest of a cap of 15
    expect(log.records.map((record) => [record.level, record.subsystem, record.message])).toEqual([
      ['warn', 'sessions/store', MAINTENANCE_LOG.activeWouldBeEvicted],
      ['warn', 'sessions/store', MAINTENANCE_LOG.activeWouldBeEvicted],
    ]);
    expect(log.errorText()).toContain('[sessions/store] session maintenance would evict active session; skipping enforcement');
    expect(store.count()).toBe(77);
  });
});

describe('2026.9: protected sessions survive the cap', () => {
  it('keeps main, DMs and groups when 40 fresh cron runs push the store past maxEntries', async () => {
    const { store, clock, log } = rig(ENFORCE_15_6H, '2026.9');
    const rng = createPrng(5);
    const dms = buildStaleSessions({ kind: 'telegram-dm', count: 6, ageMs: 3 * HOUR_MS }, { nowMs: clock.now(), rng });
    const groups = buildStaleSessions({ kind: 'telegram-group', count: 3, ageMs: 4 * HOUR_MS }, { nowMs: clock.now(), rng });
    store.preload([[MAIN_SESSION_KEY, mainEntry(clock.now() - 5 * HOUR_MS, store.newSessionId())], ...dms, ...groups]);
    for (let run = 0; run < 40; run++) {
      await clock.advanceBy(MINUTE_MS);
      cronRun(store, 'job0', clock.now());
    }
    const keys = new Set([...store.entries()].map(([key]) => key));
    for (const [key] of [...dms, ...groups]) expect(keys.has(key), key).toBe(true);
    expect(keys.has(MAIN_SESSION_KEY)).toBe(true);
    expect(store.count()).toBe(15); // 10 protected + the job's base key + its 4 newest runs
    expect(storeLines(log)).toContain(MAINTENANCE_LOG.cappedUnarchived);
  });
});

describe('sessions.json, as openclaw@2026.2.26 writes it', () => {
  // The Telegram DM entry openclaw@2026.2.26 was observed to write, less skillsSnapshot, systemPromptReport
  // and the fallbackNotice* fields (written only after a fallback).
  const REFERENCE_FIELDS = [
    'origin', 'sessionId', 'updatedAt', 'deliveryContext', 'lastChannel', 'lastTo', 'lastAccountId', 'systemSent', 'abortedLastRun', 'chatType',
    'sessionFile', 'modelProvider', 'model', 'contextTokens', 'inputTokens', 'outputTokens', 'cacheRead', 'cacheWrite', 'totalTokensFresh', 'totalTokens',
  ];

  it('writes JSON.stringify(store, null, 2) with the reference entry’s field names, and reads it back unchanged', async () => {
    const { store } = rig('{}');
    store.update(MAIN_SESSION_KEY, () => {
      const { sessionId: _id, updatedAt: _at, ...fields } = mainEntry(0, 'unused');
      return fields;
    });
    const json = store.toJson();
    const parsed = JSON.parse(json) as Record<string, object>;
    expect(json).toBe(JSON.stringify(parsed, null, 2));
    expect(Object.keys(parsed[MAIN_SESSION_KEY]!).sort()).toEqual([...REFERENCE_FIELDS].sort());

    const dir = await mkdtemp(join(tmpdir(), 'quotastorm-store-'));
    await store.save(join(dir, 'sessions.json'));
    expect(await readFile(join(dir, 'sessions.json'), 'utf8')).toBe(json);
    const reread = rig('{}').store;
    await reread.load(join(dir, 'sessions.json'));
    expect(reread.toJson()).toBe(json);
  });

  it('gives a new session a seeded UUID and never moves updatedAt backwards', async () => {
    const first = rig('{}');
    const entry = first.store.update('agent:main:telegram:direct:1', () => ({ chatType: 'direct' }))!;
    expect(entry.sessionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(rig('{}').store.update('agent:main:telegram:direct:1', () => ({}))!.sessionId).toBe(entry.sessionId);
    await first.clock.advanceBy(MINUTE_MS);
    const again = first.store.update('agent:main:telegram:direct:1', () => ({ updatedAt: 0 }))!;
    expect(again).toMatchObject({ sessionId: entry.sessionId, updatedAt: FIXTURE_NOW_MS + MINUTE_MS, chatType: 'direct' });
  });

  it('keeps fields it does not model when a real store is loaded and written again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quotastorm-store-'));
    const file = join(dir, 'sessions.json');
    const real = { [MAIN_SESSION_KEY]: { sessionId: 's1', updatedAt: FIXTURE_NOW_MS, skillsSnapshot: { version: 3 }, systemPromptReport: { chars: 12 } } };
    await writeFile(file, JSON.stringify(real, null, 2));
    const { store } = rig('{}');
    await store.load(file);
    turn(store);
    expect(JSON.parse(store.toJson())[MAIN_SESSION_KEY]).toMatchObject({ skillsSnapshot: { version: 3 }, systemPromptReport: { chars: 12 }, totalTokens: 9_000 });
  });

  it('rejects a store entry that is not an object, naming the file and the key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quotastorm-store-'));
    await writeFile(join(dir, 'sessions.json'), JSON.stringify({ 'agent:main:main': 42 }));
    await expect(rig('{}').store.load(join(dir, 'sessions.json'))).rejects.toThrow(
      `Session store ${join(dir, 'sessions.json')}: entry "agent:main:main" is a number, not an object.`,
    );
  });
});

describe('transcripts', () => {
  it('go with their session when maintenance evicts it, so a returning user starts a new, empty session', async () => {
    const { store, clock } = rig('{ session: { maintenance: { mode: "enforce", maxEntries: 1 } } }');
    const dm = directSessionKey({ dmScope: 'per-channel-peer', channel: 'telegram', peerId: 7 });
    const old = store.update(dm, () => ({ chatType: 'direct' }))!;
    store.transcript(old.sessionId).entries.push({ role: 'user', text: 'hello' });
    await clock.advanceBy(MINUTE_MS);
    turn(store); // main is newer: the DM is capped
    expect(store.get(dm)).toBeUndefined();
    const back = store.update(dm, () => ({ chatType: 'direct' }))!;
    expect(back.sessionId).not.toBe(old.sessionId);
    expect(store.transcript(old.sessionId).entries).toEqual([]);
  });
});
