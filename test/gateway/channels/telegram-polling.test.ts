import { Api } from 'grammy';
import { describe, expect, it } from 'vitest';
import { formatDelay } from '../../../src/gateway/channels/telegram-polling.ts';
import { BOT_TOKEN, harness, started } from './support.ts';

describe('Telegram long polling', () => {
  it('backs off and polls again when another instance takes the long poll (409), logging OpenClaw’s conflict line', async () => {
    const h = harness({ profile: '2026.2' });
    await started(h);
    const intruder = new Api(BOT_TOKEN, { fetch: h.world.fetch as never });
    h.clock.setTimeout(() => void intruder.getUpdates({ timeout: 1 }).catch(() => undefined), 10_000);
    await h.clock.advanceBy(20_000);
    const conflict = h.log.errorText();
    expect(conflict).toMatch(
      /\[telegram\] Telegram getUpdates conflict: Call to 'getUpdates' failed! \(409: Conflict: terminated by other getUpdates request; make sure that only one bot instance is running\); retrying in 2(\.\d+)?s\./,
    );
    const delayS = Number(/retrying in ([\d.]+)s/.exec(conflict)![1]);
    expect(delayS).toBeGreaterThanOrEqual(2);
    expect(delayS).toBeLessThanOrEqual(2.5);
    const resumed = h.requests.filter((r) => r.method === 'getUpdates').map((r) => r.atMs - h.startMs);
    expect(resumed).toHaveLength(2);
    expect(Math.abs(resumed[1]! - (10_000 + delayS * 1_000))).toBeLessThan(5); // the log rounds to 10 ms
    await h.channel.stop();
  });

  it('fails to start with OpenClaw’s API error line when Telegram refuses the token, and leaves nothing running', async () => {
    const h = harness({ profile: '2026.2', telegram: { botTokens: ['999:someone-else'] } });
    const outcome = h.channel.start().then(() => 'started', (error: unknown) => error);
    await h.clock.advanceBy(0);
    expect(await outcome).toMatchObject({ error_code: 401 });
    // The health probe's getMe fails quietly; the bot's own calls log their refusals.
    expect(h.log.errorText()).not.toContain('getMe failed');
    expect(h.log.errorText()).toContain("[telegram] deleteWebhook failed: Call to 'deleteWebhook' failed! (401: Unauthorized)");
    expect(h.log.allText()).toContain('[telegram] [default] starting provider\n');
    await h.channel.stop();
    expect(h.clock.pendingTimerCount()).toBe(0);
    expect(h.clock.inFlightCount()).toBe(0);
  });

  it('formats delays as OpenClaw’s formatDurationPrecise', () => {
    expect([500, 2_000, 2_345, 2_300].map(formatDelay)).toEqual(['500ms', '2s', '2.35s', '2.3s']);
  });
});
