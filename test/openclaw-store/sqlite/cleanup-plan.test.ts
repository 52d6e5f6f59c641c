import { describe, expect, it } from 'vitest';
import { planCleanup, type CleanupSettings } from '../../../src/openclaw-store/sqlite/cleanup-plan.ts';
import type { SqliteSessionEntry } from '../../../src/openclaw-store/sqlite/store.ts';

const NOW_MS = Date.UTC(2026, 8, 6, 12);
const HOUR_MS = 3_600_000;
const SETTINGS: CleanupSettings = { pruneAfterMs: 6 * HOUR_MS, maxEntries: 2, archiveDashboardAfterMs: 7 * 24 * HOUR_MS, preserveRecentMs: null };

const entry = (hoursAgo: number, fields: Record<string, unknown> = {}): SqliteSessionEntry => ({ sessionId: `s-${hoursAgo}`, updatedAt: NOW_MS - hoursAgo * HOUR_MS, ...fields });

describe('planCleanup (openclaw@2026.9.6 sessions cleanup --dry-run)', () => {
  it('removes stale synthetic sessions and archives stale ordinary ones', () => {
    const plan = planCleanup([['agent:main:cron:job0:run:a', entry(48)], ['agent:main:openai-user:bob', entry(48)]], { ...SETTINGS, maxEntries: 10 }, { nowMs: NOW_MS });
    expect([...plan.actions]).toEqual([['agent:main:cron:job0:run:a', 'prune-stale'], ['agent:main:openai-user:bob', 'archive-age']]);
    expect(plan).toMatchObject({ pruned: 1, archived: 1, afterCount: 1 });
  });

  it('never touches the main session, though it counts toward the cap', () => {
    const plan = planCleanup(
      [['agent:main:main', entry(100)], ['agent:main:cron:a:run:1', entry(1)], ['agent:main:cron:a:run:2', entry(2)]],
      SETTINGS,
      { nowMs: NOW_MS },
    );
    expect([...plan.actions]).toEqual([['agent:main:cron:a:run:2', 'cap-overflow']]);
  });

  it('keeps the --active-key session and caps the next oldest instead', () => {
    const entries: [string, SqliteSessionEntry][] = [['agent:main:cron:a:run:1', entry(1)], ['agent:main:cron:a:run:2', entry(2)], ['agent:main:cron:a:run:3', entry(3)]];
    const plan = planCleanup(entries, SETTINGS, { nowMs: NOW_MS, activeKey: 'agent:main:cron:a:run:3' });
    expect([...plan.actions]).toEqual([['agent:main:cron:a:run:2', 'cap-overflow']]);
  });

  it('caps by latest activity, not only updatedAt', () => {
    const entries: [string, SqliteSessionEntry][] = [['agent:main:openai-user:a', entry(3, { lastInteractionAt: NOW_MS })], ['agent:main:openai-user:b', entry(2)], ['agent:main:openai-user:c', entry(1)]];
    expect([...planCleanup(entries, SETTINGS, { nowMs: NOW_MS }).actions]).toEqual([['agent:main:openai-user:b', 'archive-cap']]);
  });

  it('prunes model-run probes older than a day only when the store is over its cap', () => {
    const probe = 'agent:main:explicit:model-run-0f8e7d6c-5b4a-4392-8170-6e5d4c3b2a19';
    expect(planCleanup([[probe, entry(30)]], { ...SETTINGS, pruneAfterMs: 0 }, { nowMs: NOW_MS }).actions.size).toBe(0);
    const over = planCleanup([[probe, entry(30)], ['global', entry(1)], ['agent:main:main', entry(1)]], { ...SETTINGS, pruneAfterMs: 0 }, { nowMs: NOW_MS });
    expect([...over.actions]).toEqual([[probe, 'prune-model-run']]);
  });
});
