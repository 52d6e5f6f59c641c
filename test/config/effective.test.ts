import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { effectiveSettings } from '../../src/config/effective.ts';
import { loadConfig, parseConfigText } from '../../src/config/load.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';

const AFTER = fileURLToPath(new URL('../../scenarios/configs/feb27-after.json5', import.meta.url));
const settingsOf = (text: string, profile: '2026.2' | '2026.9' = '2026.2') =>
  effectiveSettings(parseConfigText(text, 'x.json5').config, PROFILES[profile].runtimeDefaults);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('effectiveSettings', () => {
  it('uses warn/500/30d maintenance on 2026.2 and enforce/5000/30d on 2026.9 when unset (read in each version’s dist)', () => {
    expect(settingsOf('{}', '2026.2').maintenance).toMatchObject({ mode: 'warn', maxEntries: 500, pruneAfterMs: 30 * DAY, rotateBytes: 10_485_760 });
    expect(settingsOf('{}', '2026.9').maintenance).toMatchObject({ mode: 'enforce', maxEntries: 5_000, pruneAfterMs: 30 * DAY, rotateBytes: null });
  });

  it('reads the fixed maintenance, heartbeat model and pruning of feb27-after', async () => {
    const settings = effectiveSettings((await loadConfig(AFTER)).config, PROFILES['2026.2'].runtimeDefaults);
    expect(settings.maintenance).toMatchObject({ mode: 'enforce', maxEntries: 15, pruneAfterMs: 6 * HOUR });
    expect(settings.heartbeat).toMatchObject({ enabled: true, everyMs: 30 * MINUTE, model: 'moonshot/kimi-k2.5' });
    expect(settings.contextPruning).toMatchObject({ mode: 'cache-ttl', source: 'config', ttlMs: 5 * MINUTE, keepLastAssistants: 3 });
    expect(settings.lanes.mainMaxConcurrent).toBe(4);
    expect(settings.contextTokens).toBe(170_000);
    expect(settings.telegram).toMatchObject({ nativeCommands: true, nativeSkills: false, maxCommands: 100 });
  });

  it('runs the heartbeat every 30m on the primary when only the model is set', () => {
    expect(settingsOf('{ agents: { defaults: { model: "google/gemini-2.5-flash" } } }').heartbeat).toMatchObject({
      everyMs: 30 * MINUTE,
      model: 'google/gemini-2.5-flash',
      target: 'none',
      ackMaxChars: 300,
    });
  });

  it('treats a 0m heartbeat as disabled', () => {
    expect(settingsOf('{ agents: { defaults: { heartbeat: { every: "0m" } } } }').heartbeat.enabled).toBe(false);
  });

  it('reads a bare-number pruneAfter as days and the deprecated pruneDays when pruneAfter is unset', () => {
    expect(settingsOf('{ session: { maintenance: { pruneAfter: 2 } } }').maintenance.pruneAfterMs).toBe(2 * DAY);
    expect(settingsOf('{ session: { maintenance: { pruneDays: 3 } } }').maintenance.pruneAfterMs).toBe(3 * DAY);
  });

  it('keeps pruning off by default and applies the Anthropic auto-default for an Anthropic auth profile', () => {
    expect(settingsOf('{}').contextPruning).toMatchObject({ mode: 'off', source: 'default' });
    const settings = settingsOf('{ auth: { profiles: { "anthropic:me": { provider: "anthropic", mode: "oauth" } } } }');
    expect(settings.contextPruning).toMatchObject({ mode: 'cache-ttl', source: 'anthropic-auto', ttlMs: HOUR });
    expect(settings.heartbeat.everyMs).toBe(HOUR);
  });

  it('uses the v4.12 queue defaults on 2026.2 and steer on 2026.9', () => {
    expect(settingsOf('{}', '2026.2').queue).toMatchObject({ mode: 'collect', debounceMs: 1000, cap: 20, drop: 'summarize' });
    expect(settingsOf('{}', '2026.9').queue.mode).toBe('steer');
  });

  it('keeps cron run sessions 24h unless retention is disabled', () => {
    expect(settingsOf('{}').cron.sessionRetentionMs).toBe(24 * HOUR);
    expect(settingsOf('{ cron: { sessionRetention: false } }').cron.sessionRetentionMs).toBeNull();
    expect(settingsOf('{ cron: { sessionRetention: "12" } }').cron.sessionRetentionMs).toBe(12 * HOUR);
  });

  it('merges configured cooldowns over the defaults and picks the profile\'s step schedule', () => {
    const settings = settingsOf('{ auth: { cooldowns: { billingBackoffHours: 2 } } }', '2026.9');
    expect(settings.cooldowns).toMatchObject({ billingBackoffHours: 2, billingMaxHours: 24, rateLimitedProfileRotations: 1 });
    expect(settings.cooldowns.stepsMs).toEqual([30_000, MINUTE, 5 * MINUTE]);
  });

  it('lets the Telegram channel override the global command settings', () => {
    const settings = settingsOf('{ commands: { nativeSkills: false }, channels: { telegram: { commands: { nativeSkills: true } } } }', '2026.9');
    expect(settings.telegram).toMatchObject({ enabled: true, nativeSkills: true, commandTextBudgetChars: 5700 });
  });
});
