import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../src/clock/prng.ts';
import { createVirtualClock } from '../../../src/clock/virtual-clock.ts';
import { effectiveSettings, parseConfigText } from '../../../src/config/index.ts';
import { createGatewayLog } from '../../../src/gateway/log.ts';
import { createCronReaper, createSessionStore, cronRunSessionKey, cronSessionKey, MAIN_SESSION_KEY, type SessionEntry } from '../../../src/gateway/sessions/index.ts';
import { ENFORCE_15_6H, FIXTURE_NOW_MS } from './fixtures.ts';
import { PROFILES } from '../../../src/gateway/profiles/index.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

function rig(configText = '{}') {
  const clock = createVirtualClock({ startMs: FIXTURE_NOW_MS });
  const log = createGatewayLog(clock);
  const settings = effectiveSettings(parseConfigText(configText, 'reaper-test.json5').config, PROFILES['2026.2'].runtimeDefaults);
  const store = createSessionStore({ clock, settings: settings.maintenance, order: PROFILES['2026.2'].maintenanceOrder, rng: createPrng(3), log });
  const reaper = createCronReaper({ store, settings: settings.cron, log });
  return { clock, log, store, reaper };
}

const aged = (ageMs: number, id: string): SessionEntry => ({ sessionId: id, updatedAt: FIXTURE_NOW_MS - ageMs });

// Default 2026.2 settings: maintenance in warn mode, so anything removed here is the reaper's doing.
const STORE: [string, SessionEntry][] = [
  [MAIN_SESSION_KEY, aged(48 * HOUR_MS, 'm')],
  [cronSessionKey('job0'), aged(48 * HOUR_MS, 'base')],
  [cronRunSessionKey('job0', 'expired'), aged(25 * HOUR_MS, 'expired')],
  [cronRunSessionKey('job0', 'fresh'), aged(23 * HOUR_MS, 'fresh')],
  [cronRunSessionKey('job1', 'untimed'), { sessionId: 'untimed' }],
  ['agent:main:subagent:s1', aged(48 * HOUR_MS, 's1')],
];

describe('the cron run reaper (openclaw/openclaw src/cron/session-reaper.ts)', () => {
  it('deletes only cron run entries older than cron.sessionRetention (24h), whatever the maintenance mode', () => {
    const { store, reaper, log } = rig();
    store.preload(STORE);
    expect(reaper.sweep(FIXTURE_NOW_MS)).toEqual({ swept: true, pruned: 2 });
    expect([...store.entries()].map(([key]) => key)).toEqual([
      MAIN_SESSION_KEY, cronSessionKey('job0'), cronRunSessionKey('job0', 'fresh'), 'agent:main:subagent:s1',
    ]);
    // An entry without updatedAt counts as infinitely old to the reaper (`updatedAt ?? 0`).
    expect(store.get(cronRunSessionKey('job1', 'untimed'))).toBeUndefined();
    expect(log.records.map((record) => [record.level, record.subsystem, record.message])).toEqual([
      ['info', 'cron', 'cron-reaper: pruned 2 expired cron run session(s)'],
    ]);
  });

  it('sweeps at once, then at most once per 5 minutes', () => {
    const { store, reaper } = rig();
    store.preload(STORE);
    expect(reaper.sweep(FIXTURE_NOW_MS).swept).toBe(true);
    store.preload([[cronRunSessionKey('job2', 'late'), aged(30 * HOUR_MS, 'late')]]);
    expect(reaper.sweep(FIXTURE_NOW_MS + 5 * MINUTE_MS - 1)).toEqual({ swept: false, pruned: 0 });
    expect(store.get(cronRunSessionKey('job2', 'late'))).toBeDefined();
    expect(reaper.sweep(FIXTURE_NOW_MS + 5 * MINUTE_MS)).toEqual({ swept: true, pruned: 1 });
  });

  it('does nothing with cron.sessionRetention: false, and logs nothing', () => {
    const { store, reaper, log } = rig('{ cron: { sessionRetention: false } }');
    store.preload(STORE);
    expect(reaper.sweep(FIXTURE_NOW_MS)).toEqual({ swept: false, pruned: 0 });
    expect(store.count()).toBe(STORE.length);
    expect(log.records).toEqual([]);
  });

  it('takes its retention from the config ("2h")', () => {
    const { store, reaper } = rig('{ cron: { sessionRetention: "2h" } }');
    store.preload([[cronRunSessionKey('job0', 'three-hours'), aged(3 * HOUR_MS, 'a')], [cronRunSessionKey('job0', 'one-hour'), aged(HOUR_MS, 'b')]]);
    expect(reaper.sweep(FIXTURE_NOW_MS).pruned).toBe(1);
    expect(store.get(cronRunSessionKey('job0', 'one-hour'))).toBeDefined();
  });

  it('is a store write: maintenance runs with the sweep, and its lines come before the reaper’s', () => {
    const { store, reaper, log } = rig(ENFORCE_15_6H);
    store.preload(STORE);
    reaper.sweep(FIXTURE_NOW_MS);
    // 6h pruneAfter removes the 48-hour-old main, base and subagent entries too.
    expect([...store.entries()].map(([key]) => key)).toEqual([]);
    expect(log.records.map((record) => record.message)).toEqual([
      'pruned stale session entries',
      'cron-reaper: pruned 2 expired cron run session(s)',
    ]);
  });
});
