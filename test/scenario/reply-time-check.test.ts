import { describe, expect, it } from 'vitest';
import { AFTER, inlineScenario, run } from './support.ts';

/** One message; every provider answer takes `latencyMs` of virtual time. */
const oneMessage = (check: string, latencyMs: number, runFor = '3m') =>
  inlineScenario(
    `{ name: "inline", host: { heartbeatHasTasks: false }, mocks: { faults: { rules: [{ latency: { distribution: "fixed", ms: ${latencyMs} } }] } }, ` +
      `steps: [{ name: "one", send: [{ kind: "message", tokens: 200 }], run: "${runFor}", checks: [${check}] }] }`,
  );

describe('reply-time check', () => {
  it('passes when the percentile is within maxMs', async () => {
    const result = await run(oneMessage('{ check: "reply-time", percentile: 95, maxMs: 30000 }', 2_000), AFTER);
    expect(result.checks[0]).toMatchObject({ check: 'reply-time', title: 'p95 time to reply ≤ 30.0 s', status: 'pass' });
    expect(result.checks[0]!.figures['valueMs']).toBeGreaterThanOrEqual(2_000);
  });

  it('fails when users waited longer', async () => {
    const result = await run(oneMessage('{ check: "reply-time", percentile: 95, maxMs: 30000 }', 40_000), AFTER);
    expect(result.checks[0]!.status).toBe('fail');
    expect(result.checks[0]!.figures['valueMs']).toBeGreaterThan(30_000);
    expect(result.replyTime.reply?.p95Ms).toBe(result.checks[0]!.figures['valueMs']);
  });

  it('is an error naming why when no message was answered, never a pass', async () => {
    const result = await run(oneMessage('{ check: "reply-time", maxMs: 30000 }', 120_000, '30s'), AFTER);
    expect(result.checks[0]!.status).toBe('error');
    expect(result.checks[0]!.summary).toMatch(/^0 of 1 message were answered: 1 still pending/);
    expect(result.checks[0]!.figures).toMatchObject({ replied: 0, errorReplies: 0, pending: 1 });
  });

  it('records when a turn first failed over, before its reply', async () => {
    const quotaGone = inlineScenario(
      '{ name: "inline", host: { heartbeatHasTasks: false }, ' +
        'mocks: { faults: { rules: [{ match: { model: "gemini-2.5-flash" }, fault: "rate-limit", retryAfterMs: 120000 }] } }, ' +
        'steps: [{ name: "one", send: [{ kind: "message", tokens: 200 }], run: "3m", checks: [{ check: "reply-time", maxMs: 300000 }] }] }',
    );
    const result = await run(quotaGone, AFTER);
    expect(result.replyTime).toMatchObject({ answered: 1, failedOver: 1 });
    expect(result.replyTime.firstFallback!.maxMs).toBeLessThanOrEqual(result.replyTime.reply!.maxMs);
    expect(result.checks[0]!.evidence.join('\n')).toMatch(/replied after [\d.]+ s, first fallback after [\d.]+ s/);
  });

  it('refuses parameters that give no bound or two', () => {
    expect(() => oneMessage('{ check: "reply-time", percentile: 95 }', 1)).toThrow(/exactly one of maxMs/);
    expect(() => oneMessage('{ check: "reply-time", maxMs: 1, belowMs: 2 }', 1)).toThrow(/exactly one of maxMs/);
  });
});
