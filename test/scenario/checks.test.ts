import { describe, expect, it } from 'vitest';
import { AFTER, BEFORE, configVariant, inlineScenario, run, statusOf } from './support.ts';

const scenario = (steps: string, extra = '') =>
  inlineScenario(`{ name: "inline", host: { heartbeatHasTasks: false }, ${extra} steps: [${steps}] }`);

describe('scenario checks', () => {
  it('call a step in which no message was sent an error, not a pass', async () => {
    const result = await run(scenario('{ name: "quiet", run: "1m", checks: [{ check: "rate-limit-errors" }, { check: "replies-delivered" }] }'), AFTER);
    expect(result.checks.map((check) => check.status)).toEqual(['error', 'error']);
    expect(result.verdict.ok).toBe(false);
  });

  it('fail replies and error-replies when every model keeps failing', async () => {
    const refusing = scenario(
      '{ name: "one", send: [{ kind: "message", tokens: 200 }], run: "5m", checks: [{ check: "replies-delivered" }, { check: "error-replies", max: 0 }] }',
      'mocks: { faults: { rules: [{ fault: "server-error" }] } },',
    );
    const result = await run(refusing, AFTER);
    expect(result.checks.map((check) => check.status)).toEqual(['fail', 'fail']);
    // 2026.2.26 does not fail over Gemini's 500 "An internal error has occurred…" (classifyFailoverReason finds no
    // known phrase in it; golden test/golden/openclaw-2026.2.26/flash-503-pro-ok.json shows the same for a 503): Flash's
    // error reaches the user as its reply, "LLM error: An internal error has occurred…".
    expect(result.deliveries.surfacedErrors).toBe(1);
  });

  it('pass replies and error-replies on a healthy chain', async () => {
    const result = await run(
      scenario('{ name: "one", send: [{ kind: "message", tokens: 200 }], run: "2m", checks: [{ check: "replies-delivered" }, { check: "error-replies", max: 0 }] }'),
      AFTER,
    );
    expect(result.checks.map((check) => check.status)).toEqual(['pass', 'pass']);
  });

  it('judge the peak minute against the model’s limit, and against a floor', async () => {
    // 220K tokens: just under the before-config's compaction threshold (256K less the 20K reserve, less the
    // 13.5K system prompt), so every request of the burst replays the whole session.
    const busy = scenario(
      '{ name: "busy", send: [{ kind: "burst", count: 6, every: "1s", tokens: 300 }], run: "3m", checks: [' +
        '{ check: "peak-usage", model: "google/gemini-2.5-flash", metric: "tpm", max: "limit" },' +
        '{ check: "peak-usage", model: "google/gemini-2.5-flash", metric: "rpm", min: 1 }] }',
      'preload: { mainTranscriptTokens: 220000 }, mocks: { faults: { rules: [{ latency: { distribution: "fixed", ms: 500 } }] } }, host: { heartbeatHasTasks: false, toolCallsPerTurn: 2 },',
    );
    const config = await configVariant(BEFORE, () => {});
    const result = await run(busy, config);
    expect(result.checks.map((check) => check.status)).toEqual(['fail', 'pass']);
    expect(result.checks[0]!.figures['peak']).toBeGreaterThan(1_000_000);
  });

  it('judge the whole run when a check asks for window "run"', async () => {
    const result = await run(
      scenario('{ name: "later", run: "1m", checks: [{ check: "bot-commands-too-much", window: "run" }, { check: "bot-commands-too-much" }] }'),
      AFTER,
    );
    // The menu sync happened at startup, before the step: only the run-wide window sees it.
    expect(statusOf(result, 'bot-commands-too-much')).toEqual(['pass', 'error']);
  });
});
