import { describe, expect, it } from 'vitest';
import { AFTER, BEFORE, configVariant, run, statusOf } from './support.ts';

const SUITE = 'scenarios/stress-suite.json5';

describe('the stress suite', () => {
  it('passes 6/6 on the fixed config', async () => {
    const result = await run(SUITE, AFTER);
    expect(result.checks.map((check) => `${check.status} ${check.title}`)).toEqual([
      'pass Config verification: every root-cause setting fixed',
      'pass Session count ≤ 20',
      'pass One Telegram message: 0 rate-limit errors',
      'pass Burst of 3 messages 5 s apart: 0 rate-limit errors',
      'pass 0 new BOT_COMMANDS_TOO_MUCH',
      'pass Session count ≤ 20 after activity',
    ]);
    expect(result.verdict).toMatchObject({ passed: 6, total: 6, ok: true });
    expect(result.sessions.atStart).toBe(57);
    expect(result.sessions.atEnd).toBeLessThanOrEqual(15);
  });

  it('fails on the incident’s config, naming config, sessions, the burst’s 429s and the command menu', async () => {
    const result = await run(SUITE, BEFORE);
    expect(result.verdict.ok).toBe(false);
    expect(result.checks.filter((check) => check.status === 'fail').map((check) => check.check)).toEqual([
      'config-verification',
      'session-count',
      'rate-limit-errors',
      'bot-commands-too-much',
      'session-count',
    ]);
  });

  it('fails config verification once the heartbeat is back on Gemini Flash', async () => {
    const config = await configVariant(AFTER, (c) => {
      c.agents.defaults.heartbeat = { every: '30m' };
    });
    const result = await run(SUITE, config);
    expect(statusOf(result, 'config-verification')).toEqual(['fail']);
    expect(result.checks[0]!.summary).toContain('heartbeat-model');
  });

  it('fails the session counts when maintenance only warns', async () => {
    const config = await configVariant(AFTER, (c) => {
      c.session.maintenance.mode = 'warn';
    });
    expect(statusOf(await run(SUITE, config), 'session-count')).toEqual(['fail', 'fail']);
  });

  it('fails the command-menu check when skill commands are back on a host with every bundled skill', async () => {
    const config = await configVariant(AFTER, (c) => {
      c.commands.nativeSkills = 'auto';
    });
    expect(statusOf(await run(SUITE, config), 'bot-commands-too-much')).toEqual(['fail']);
  });

  it('fails the rate-limit checks when nothing compacts the 254K-token main session before the burst', async () => {
    // In feb27-after.json5 the heartbeat runs on Kimi K2.5, whose own 262,144-token window makes its first
    // run compact the shared main session (pi compacts against the model's window, not contextTokens).
    // On Gemini 2.5 Pro (1M window, its own quota) nothing does, and the burst overruns Flash.
    const config = await configVariant(AFTER, (c) => {
      c.agents.defaults.heartbeat.model = 'google/gemini-2.5-pro';
    });
    expect(statusOf(await run(SUITE, config), 'rate-limit-errors')).toContain('fail');
  });
});
