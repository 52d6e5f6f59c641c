import { describe, expect, it } from 'vitest';
import { PROFILES, type ProfileName } from '../../../src/gateway/profiles/index.ts';
import { createPrng } from '../../../src/clock/prng.ts';
import {
  capTriggerEntries, MAINTENANCE_LOG, planMaintenance, type MaintenanceInput, type MaintenanceSettings, type SessionEntry,
} from '../../../src/gateway/sessions/index.ts';

const HOUR_MS = 3_600_000;
const NOW_MS = Date.UTC(2026, 1, 27, 9);

function store(rows: readonly (readonly [string, number | undefined, Partial<SessionEntry>?])[]): Map<string, SessionEntry> {
  return new Map(rows.map(([key, ageMs, extra]) => [key, { sessionId: `id-${key}`, ...(ageMs === undefined ? {} : { updatedAt: NOW_MS - ageMs }), ...extra }]));
}

function settings(overrides: Partial<MaintenanceSettings> = {}): MaintenanceSettings {
  return { mode: 'enforce', pruneAfterMs: 6 * HOUR_MS, maxEntries: 3, capTrigger: 'every-write', ...overrides };
}

function plan(entries: Map<string, SessionEntry>, extra: Partial<MaintenanceInput> & { profile?: ProfileName } = {}) {
  const { profile = '2026.2', ...rest } = extra;
  return planMaintenance({ entries, settings: settings(), nowMs: NOW_MS, order: PROFILES[profile].maintenanceOrder, ...rest });
}

describe('maintenance, 2026.2 (v4.12): age prune, then newest-first cap, nothing protected', () => {
  it('prunes entries older than pruneAfter and keeps entries without updatedAt', () => {
    const result = plan(store([['a', 7 * HOUR_MS], ['b', 5 * HOUR_MS], ['c', undefined]]));
    expect(result.pruned).toEqual(['a']);
    expect(result.capped).toEqual([]);
    expect(result.keptCount).toBe(2);
    expect(result.log).toEqual([{ level: 'info', message: MAINTENANCE_LOG.pruned }]);
  });

  it('caps to the newest maxEntries, removing entries without updatedAt first, and logs both lines in order', () => {
    const result = plan(store([['stale', 9 * HOUR_MS], ['none', undefined], ['h1', HOUR_MS], ['h2', 2 * HOUR_MS], ['h3', 3 * HOUR_MS], ['h4', 4 * HOUR_MS]]));
    expect(result.pruned).toEqual(['stale']);
    expect(result.capped).toEqual(['h4', 'none']);
    expect(result.keptCount).toBe(3);
    expect(result.log.map((line) => line.message)).toEqual([MAINTENANCE_LOG.pruned, MAINTENANCE_LOG.capped]);
  });

  it('breaks ties at the cap by store order: the later entry goes', () => {
    const result = plan(store([['x', HOUR_MS], ['y', HOUR_MS], ['z', HOUR_MS], ['w', HOUR_MS]]));
    expect(result.capped).toEqual(['w']);
  });

  it('evicts even the active session in enforce mode (openclaw/openclaw#56034)', () => {
    const result = plan(store([['agent:main:main', 5 * HOUR_MS], ['b', HOUR_MS], ['c', HOUR_MS], ['d', HOUR_MS]]), { activeKey: 'agent:main:main' });
    expect(result.capped).toEqual(['agent:main:main']);
  });

  it('does nothing and logs nothing when nothing is stale or over the cap', () => {
    expect(plan(store([['a', HOUR_MS], ['b', HOUR_MS]]))).toMatchObject({ pruned: [], capped: [], archived: [], keptCount: 2, log: [] });
  });

  it('returns the oldest kept updatedAt, and trusting it gives the same plan without a scan', () => {
    const entries = store([['a', 7 * HOUR_MS], ['b', 5 * HOUR_MS], ['c', HOUR_MS]]);
    const first = plan(entries);
    expect(first.oldestUpdatedAtMs).toBe(NOW_MS - 5 * HOUR_MS);
    entries.delete('a');
    expect(plan(entries, { oldestUpdatedAtMs: first.oldestUpdatedAtMs })).toMatchObject({ pruned: [], capped: [] });
    expect(plan(entries, { oldestUpdatedAtMs: first.oldestUpdatedAtMs, nowMs: NOW_MS + 2 * HOUR_MS }).pruned).toEqual(['b']);
  });
});

describe('maintenance, 2026.2, against capEntryCount and getActiveSessionMaintenanceWarning as 2026.2.26 wrote them', () => {
  // Transcribed from the 2026.2.26 dist (src/config/sessions/store.ts): sort everything, slice.
  const at = (entry: SessionEntry | undefined) => entry?.updatedAt ?? Number.NEGATIVE_INFINITY;
  const referenceOverflow = (entries: Map<string, SessionEntry>, max: number) =>
    [...entries.keys()].sort((a, b) => at(entries.get(b)) - at(entries.get(a))).slice(max);

  it('picks the same keys on 300 seeded stores full of equal times and missing updatedAt', () => {
    const rng = createPrng('maintenance-equivalence');
    for (let trial = 0; trial < 300; trial++) {
      const size = rng.int(1, 40);
      const entries = store(Array.from({ length: size }, (_, i) => [`k${i}`, rng.chance(0.15) ? undefined : rng.int(0, 5) * HOUR_MS] as const));
      const max = rng.int(1, size);
      const overflow = referenceOverflow(entries, max);
      const result = plan(entries, { settings: settings({ maxEntries: max, pruneAfterMs: 100 * HOUR_MS }) });
      expect(result.capped, `trial ${trial}`).toEqual(overflow);
      const activeKey = `k${rng.int(0, size - 1)}`;
      const warned = plan(entries, { settings: settings({ mode: 'warn', maxEntries: max, pruneAfterMs: 100 * HOUR_MS }), activeKey });
      expect(warned.log.length, `trial ${trial}`).toBe(overflow.includes(activeKey) ? 1 : 0);
    }
  });
});

describe('maintenance, 2026.2 warn mode (the 2026.2 default)', () => {
  const warn = settings({ mode: 'warn' });
  const entries = store([['old', 7 * HOUR_MS], ['n1', HOUR_MS], ['n2', HOUR_MS], ['n3', 2 * HOUR_MS], ['n4', 3 * HOUR_MS]]);

  it('evicts nothing', () => {
    expect(plan(entries, { settings: warn })).toMatchObject({ pruned: [], capped: [], keptCount: 5, log: [] });
  });

  it('warns only when the active session would be pruned or capped', () => {
    const warning = [{ level: 'warn', message: MAINTENANCE_LOG.activeWouldBeEvicted }];
    expect(plan(entries, { settings: warn, activeKey: 'old' }).log).toEqual(warning); // stale
    expect(plan(entries, { settings: warn, activeKey: 'n4' }).log).toEqual(warning); // 4th newest of a cap of 3
    expect(plan(entries, { settings: warn, activeKey: 'n3' }).log).toEqual([]);
    expect(plan(entries, { settings: warn, activeKey: 'n1' }).log).toEqual([]);
    expect(plan(entries, { settings: warn, activeKey: 'missing' }).log).toEqual([]);
    expect(plan(entries, { settings: warn }).log).toEqual([]);
  });

  it('ranks the active session among equal times by store order, as the cap would', () => {
    const tied = store([['t1', HOUR_MS], ['t2', HOUR_MS], ['t3', HOUR_MS], ['t4', HOUR_MS]]);
    expect(plan(tied, { settings: warn, activeKey: 't3' }).log).toEqual([]);
    expect(plan(tied, { settings: warn, activeKey: 't4' }).log).toHaveLength(1);
  });
});

describe('the cap trigger (openclaw/openclaw src/config/sessions/store.ts)', () => {
  it('is maxEntries + 1 on every write for 2026.2, and the high-water mark for 2026.9', () => {
    expect(capTriggerEntries({ maxEntries: 500, capTrigger: 'every-write' })).toBe(501);
    expect(capTriggerEntries({ maxEntries: 15, capTrigger: 'high-water' })).toBe(16);
    expect(capTriggerEntries({ maxEntries: 49, capTrigger: 'high-water' })).toBe(50);
    expect(capTriggerEntries({ maxEntries: 50, capTrigger: 'high-water' })).toBe(75);
    expect(capTriggerEntries({ maxEntries: 500, capTrigger: 'high-water' })).toBe(550);
    expect(capTriggerEntries({ maxEntries: 5000, capTrigger: 'high-water' })).toBe(5500);
  });
});

describe('maintenance, 2026.9 (openclaw@2026.9.6): protected entries, archive or remove', () => {
  const v9 = (overrides: Partial<MaintenanceSettings> = {}) => settings({ capTrigger: 'high-water', ...overrides });

  it('keeps protected keys through the cap even when they are the oldest; removes synthetic rows, archives ordinary ones', () => {
    const entries = store([
      ['agent:main:main', 5 * HOUR_MS],
      ['agent:main:telegram:direct:1', 5 * HOUR_MS],
      ['agent:main:telegram:group:-100', 5 * HOUR_MS],
      ['agent:main:openai-user:bob', 4 * HOUR_MS],
      ['agent:main:cron:job0:run:a', 3 * HOUR_MS],
      ['agent:main:cron:job0:run:b', HOUR_MS],
    ]);
    const result = plan(entries, { profile: '2026.9', settings: v9({ maxEntries: 4 }) });
    expect(result.capped).toEqual(['agent:main:cron:job0:run:a']);
    expect(result.archived).toEqual([{ key: 'agent:main:openai-user:bob', reason: 'active-session-cap' }]);
    expect(result.keptCount).toBe(5);
    expect(result.log).toEqual([{ level: 'info', message: MAINTENANCE_LOG.cappedUnarchived }]);
  });

  it('caps only at the high-water mark, or at once when forced (sessions cleanup)', () => {
    const rows = (count: number) => store(Array.from({ length: count }, (_, i) => [`agent:main:cron:job:run:${i}`, i * 1000] as const));
    const atTrigger = v9({ maxEntries: 100 });
    expect(plan(rows(124), { profile: '2026.9', settings: atTrigger }).capped).toHaveLength(0);
    expect(plan(rows(125), { profile: '2026.9', settings: atTrigger }).capped).toHaveLength(25);
    expect(plan(rows(110), { profile: '2026.9', settings: atTrigger, force: true }).capped).toHaveLength(10);
    expect(plan(rows(16), { profile: '2026.9', settings: v9({ maxEntries: 15 }) }).capped).toEqual(['agent:main:cron:job:run:15']);
  });

  it('never evicts the active session, so warn mode has nothing to warn about', () => {
    const entries = store([['agent:main:cron:a:run:1', 9 * HOUR_MS], ['agent:main:cron:a:run:2', HOUR_MS], ['agent:main:cron:a:run:3', HOUR_MS]]);
    const enforced = plan(entries, { profile: '2026.9', settings: v9({ maxEntries: 1 }), activeKey: 'agent:main:cron:a:run:1' });
    expect([...enforced.pruned, ...enforced.capped]).not.toContain('agent:main:cron:a:run:1');
    const warned = plan(entries, { profile: '2026.9', settings: v9({ mode: 'warn', maxEntries: 1 }), activeKey: 'agent:main:cron:a:run:1' });
    expect(warned).toMatchObject({ pruned: [], capped: [], archived: [], log: [] });
  });

  it('ages out stale synthetic rows, archives stale ordinary ones, leaves protected and archived ones alone', () => {
    const entries = store([
      ['agent:main:main', 9 * HOUR_MS],
      ['agent:main:cron:job0:run:a', 9 * HOUR_MS],
      ['agent:main:openai-user:bob', 9 * HOUR_MS],
      ['agent:main:openai-user:eve', 9 * HOUR_MS, { archivedAt: NOW_MS - 8 * HOUR_MS, archiveReason: 'age-retention' }],
      ['agent:main:subagent:x', 9 * HOUR_MS, { status: 'running' }],
    ]);
    const result = plan(entries, { profile: '2026.9', settings: v9({ maxEntries: 10 }) });
    expect(result.pruned).toEqual(['agent:main:cron:job0:run:a']);
    expect(result.archived).toEqual([{ key: 'agent:main:openai-user:bob', reason: 'age-retention' }]);
    expect(result.log).toEqual([{ level: 'info', message: MAINTENANCE_LOG.pruned }]);
  });

  it('counts archived entries out of the cap', () => {
    const archived = { archivedAt: NOW_MS, archiveReason: 'active-session-cap' } as const;
    const entries = store([['agent:main:x:1', HOUR_MS, archived], ['agent:main:x:2', HOUR_MS, archived], ['agent:main:cron:j:run:1', HOUR_MS], ['agent:main:cron:j:run:2', HOUR_MS]]);
    expect(plan(entries, { profile: '2026.9', settings: v9({ maxEntries: 2 }) }).capped).toEqual([]);
  });
});
