/**
 * Honest verdicts on configs the bundled ones are not: every message sent is
 * accounted for (replied, error reply, dropped with the gateway's reason, or
 * pending), a check whose precondition never happened is an error that says
 * why, and a check about a channel the config lacks is not applicable.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRunReport } from '../../src/report/markdown.ts';
import { renderTerminalSummary } from '../../src/report/terminal.ts';
import { judgeRecord, verdictOf } from '../../src/scenario/judge.ts';
import type { RunResult } from '../../src/scenario/result.ts';
import { readRunDir, writeRunRecord } from '../../src/scenario/run-dir.ts';
import { runScenario } from '../../src/scenario/runner.ts';
import { writeRunOutputs } from '../../src/report/write-run.ts';
import { AFTER, configVariant, inlineScenario, run } from './support.ts';

const scenario = (steps: string, extra = '') => inlineScenario(`{ name: "inline", host: { heartbeatHasTasks: false }, ${extra} steps: [${steps}] }`);

const oneMessageFrom = (user: number, checks: string) =>
  scenario(`{ name: "one", send: [{ kind: "message", user: ${user}, tokens: 200 }], run: "2m", checks: [${checks}] }`, 'users: { count: 2 },');

/** The feb27-after config with only the first of its four users allowed. */
const oneUserAllowed = () => configVariant(AFTER, (config) => (config['channels'].telegram.allowFrom = ['424242']));
const withoutTelegram = () => configVariant(AFTER, (config) => delete config['channels']);

function byCheck(result: RunResult, check: string) {
  return result.checks.filter((entry) => entry.check === check);
}

describe('every message accounted for', () => {
  it('adds replied, error replies, dropped and pending up to the messages sent, with the reason for each drop', async () => {
    const result = await run(
      scenario('{ name: "two users", send: [{ kind: "message", user: 0, tokens: 200 }, { kind: "message", at: "10s", user: 1, tokens: 200 }], run: "2m", checks: [{ check: "session-count", max: 20 }] }', 'users: { count: 2 },'),
      await oneUserAllowed(),
    );
    const { messages } = result;
    expect(messages).toMatchObject({ sent: 2, replied: 1, errorReplies: 0, dropped: 1, pending: 0 });
    expect(messages.replied + messages.errorReplies + messages.dropped + messages.pending).toBe(messages.sent);
    expect(messages.dropReasons).toEqual([{ reason: 'dm-not-allowed', count: 1, why: 'sender 700001 is not in channels.telegram.allowFrom (dmPolicy "allowlist")' }]);
  });

  it('records messages the queue cap let go, and the follow-up turn that answered the one it kept', async () => {
    const config = await configVariant(AFTER, (config) => (config['messages'] = { queue: { cap: 1, drop: 'new' } }));
    const burst = scenario(
      '{ name: "burst", send: [{ kind: "burst", count: 4, every: "1s", tokens: 200 }], run: "3m", checks: [{ check: "session-count", max: 20 }] }',
      'mocks: { faults: { rules: [{ latency: { distribution: "fixed", ms: 10000 } }] } },',
    );
    const { messages } = await run(burst, config);
    expect(messages).toMatchObject({ sent: 4, replied: 2, errorReplies: 0, dropped: 2, pending: 0 });
    expect(messages.dropReasons.map(({ reason, count }) => ({ reason, count }))).toEqual([{ reason: 'queue-cap', count: 2 }]);
  });

  it('names pairing as the reason under dmPolicy "pairing"', async () => {
    const config = await configVariant(AFTER, (config) => Object.assign(config['channels'].telegram, { dmPolicy: 'pairing', allowFrom: ['424242'] }));
    const unpaired = scenario('{ name: "one", send: [{ kind: "message", user: 1, tokens: 200 }], run: "2m", checks: [{ check: "session-count", max: 20 }] }', 'users: { count: 2, paired: false },');
    const { messages } = await run(unpaired, config);
    expect(messages.dropReasons).toEqual([
      {
        reason: 'pairing',
        count: 1,
        why: 'pairing code sent, not approved: sender 700001 is neither in channels.telegram.allowFrom nor approved in the pairing store (dmPolicy "pairing")',
      },
    ]);
  });

  it('says in report.md and the terminal how many were dropped and why', async () => {
    const result = await run(oneMessageFrom(1, '{ check: "session-count", max: 20 }'), await oneUserAllowed());
    const line = '1 of 1 message dropped: sender 700001 is not in channels.telegram.allowFrom (dmPolicy "allowlist")';
    expect(renderRunReport(result)).toContain('## Messages');
    expect(renderRunReport(result)).toContain(line);
    const terminal = renderTerminalSummary(result, { color: false, reportPath: 'report.md' });
    expect(terminal).toContain('messages: 1 sent · 0 replied · 0 error replies · 1 dropped · 0 pending');
    expect(terminal).toContain(line);
  });

  it('leaves the Messages section out of report.md when every message was answered', async () => {
    const result = await run(oneMessageFrom(0, '{ check: "session-count", max: 20 }'), AFTER);
    expect(result.messages).toMatchObject({ sent: 1, replied: 1, dropped: 0, pending: 0 });
    expect(renderRunReport(result)).not.toContain('## Messages');
  });
});

describe('a check whose precondition never happened is an error naming the cause', () => {
  it('judges the messages that were answered, and says how many others were dropped', async () => {
    const both = scenario(
      '{ name: "two users", send: [{ kind: "message", user: 0, tokens: 200 }, { kind: "message", at: "10s", user: 1, tokens: 200 }], run: "2m", checks: [{ check: "error-replies", max: 0 }] }',
      'users: { count: 2 },',
    );
    const result = await run(both, await oneUserAllowed());
    expect(result.checks[0]!.status).toBe('pass');
    expect(result.checks[0]!.summary).toBe('0 error replies for 2 messages; 1 dropped');
    expect(result.checks[0]!.evidence).toContain('1 of 2 messages dropped: sender 700001 is not in channels.telegram.allowFrom (dmPolicy "allowlist")');
  });


  it('rate-limit-errors, error-replies and replies-delivered when allowFrom excludes the sender', async () => {
    const result = await run(oneMessageFrom(1, '{ check: "rate-limit-errors", max: 0 }, { check: "error-replies", max: 0 }, { check: "replies-delivered" }'), await oneUserAllowed());
    expect(result.checks.map((check) => check.status)).toEqual(['error', 'error', 'fail']);
    expect(byCheck(result, 'rate-limit-errors')[0]!.summary).toBe(
      '0 of 1 message reached a model: 1 dropped: sender 700001 is not in channels.telegram.allowFrom (dmPolicy "allowlist")',
    );
    expect(byCheck(result, 'error-replies')[0]!.summary).toContain('0 of 1 message were answered: 1 dropped: sender 700001');
    expect(byCheck(result, 'replies-delivered')[0]!.summary).toBe('0 replies for 1 messages (needed 1); 1 dropped');
    expect(result.verdict.ok).toBe(false);
  });

  it('not for a config without a Telegram channel: its messages reach the main session directly and are judged', async () => {
    const { result, gateway } = await runScenario({ loaded: oneMessageFrom(0, '{ check: "rate-limit-errors", max: 0 }'), configFile: await withoutTelegram(), version: 'test' });
    expect(result.checks[0]!.status).toBe('pass');
    expect(result.messages).toMatchObject({ sent: 1, replied: 1, dropped: 0, pending: 0 });
    expect(gateway.store.get('agent:main:main')).toBeDefined();
  });

  it('rate-limit-errors when the chain names a provider neither models.providers nor the built-in catalog declares', async () => {
    const config = await configVariant(AFTER, (config) => {
      config['agents'].defaults.model = { primary: 'lmstudio/qwen3-8b', fallbacks: [] };
      delete config['agents'].defaults.heartbeat;
    });
    const result = await run(oneMessageFrom(0, '{ check: "rate-limit-errors", max: 0 }, { check: "error-replies", max: 0 }'), config);
    expect(result.checks.map((check) => check.status)).toEqual(['error', 'fail']);
    expect(result.checks[0]!.summary).toBe(
      'no request reached a provider: 1 of 1 message got an error text ("⚠️ Agent failed before reply: Unknown model: lmstudio/qwen3-8b.")',
    );
  });

  it('peak-usage on a model that got no request', async () => {
    const result = await run(oneMessageFrom(0, '{ check: "peak-usage", model: "xai/grok-3", metric: "tpm", max: 1000 }'), AFTER);
    expect(result.checks[0]!.status).toBe('error');
    expect(result.checks[0]!.summary).toBe('no request reached xai/grok-3 in this window: nothing was measured');
  });
});

describe('not applicable', () => {
  it('bot-commands-too-much on a config without channels.telegram, counted apart and not failing the run', async () => {
    const result = await run(
      scenario('{ name: "menu", run: 0, checks: [{ check: "session-count", max: 20 }, { check: "bot-commands-too-much", max: 0, window: "run" }] }'),
      await withoutTelegram(),
    );
    expect(result.checks.map((check) => check.status)).toEqual(['pass', 'n/a']);
    expect(result.checks[1]!.summary).toBe('the config starts no Telegram or Discord bot (no enabled channels.telegram or channels.discord): there is no command menu to judge');
    expect(result.verdict).toMatchObject({ passed: 1, failed: 0, errors: 0, notApplicable: 1, total: 2, ok: true });
    expect(renderRunReport(result)).toContain('**Verdict: 1/1 passed, 1 not applicable**');
  });
});

describe("Discord's command limit", () => {
  it('judges the slash commands a Discord-only config registers against 100, with the computed list as evidence', async () => {
    const discordOnly = await configVariant(AFTER, (config) => (config['channels'] = { discord: { token: 'placeholder' } }));
    const result = await run(
      scenario('{ name: "menu", run: 0, checks: [{ check: "session-count", max: 20 }, { check: "bot-commands-too-much", max: 0, window: "run" }] }'),
      discordOnly,
    );
    const check = result.checks[1]!;
    expect(check.status).toBe('pass');
    expect(check.summary).toMatch(/^Discord: \d+ slash commands registered of \d+ offered \(limit 100\)$/);
    expect(check.evidence.at(-1)).toContain('no Discord server was mocked');
  });
});

describe('quotastorm check', () => {
  it('judges a saved run again to the same verdicts, not-applicable ones included, the message fates read back from the folder', async () => {
    const loaded = scenario(
      '{ name: "one", send: [{ kind: "message", tokens: 200 }], run: "2m", checks: [{ check: "rate-limit-errors", max: 0 }, { check: "bot-commands-too-much", window: "run" }] }',
    );
    const artifacts = await runScenario({ loaded, configFile: await withoutTelegram(), version: 'test' });
    const dir = await mkdtemp(join(tmpdir(), 'quotastorm-honest-'));
    await writeRunRecord(dir, artifacts);
    await writeRunOutputs(artifacts.result, { dir });
    const saved = await readRunDir(dir);
    const checks = judgeRecord(saved.record);
    expect(checks).toEqual(artifacts.result.checks);
    expect(checks.map((check) => check.status)).toEqual(['pass', 'n/a']);
    expect(verdictOf(checks, false)).toMatchObject({ notApplicable: 1, errors: 0, ok: true });
  });
});
