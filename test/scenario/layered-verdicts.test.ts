/**
 * "Does my config survive 429s?" gets one answer per layer — what users saw, what the gateway
 * absorbed, what the providers saw — the same in a run, the suite, lint, the config report, compare
 * and the incident report. Each of the three answers that used to disagree, and the message counts
 * every report shows, as a specification.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';
import { loadConfigReports, renderConfigReport } from '../../src/report/config-report.ts';
import { renderComparison } from '../../src/report/compare.ts';
import { renderIncidentReport } from '../../src/report/incident.ts';
import { renderRunReport } from '../../src/report/markdown.ts';
import { renderTerminalSummary } from '../../src/report/terminal.ts';
import { lintConfig } from '../../src/scenario/lint.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { runScenario } from '../../src/scenario/runner.ts';
import type { RunResult } from '../../src/scenario/result.ts';
import { AFTER, BEFORE, configVariant, inlineScenario, run } from './support.ts';

const BURST = 'scenarios/burst-5s.json5';
const SUITE = 'scenarios/stress-suite.json5';
const INCIDENT = 'scenarios/incident-2026-02-27.json5';

const checkOf = (result: RunResult, check: string, step?: string) => result.checks.find((entry) => entry.check === check && (step === undefined || entry.step === step))!;

describe('429s the gateway absorbed are reported, not failed as user errors', () => {
  it('passes the fixed config’s incident day on rate-limit errors: every 429 was retried or failed over and answered', async () => {
    const { result } = await runScenario({ loaded: await loadScenario(INCIDENT), configFile: AFTER, version: 'test', variant: 'quotas' });
    const rateLimits = checkOf(result, 'rate-limit-errors');
    expect(result.messages).toMatchObject({ replied: result.messages.sent, errorReplies: 0 });
    expect(rateLimits).toMatchObject({ layer: 'users', status: 'pass' });
    expect(rateLimits.figures).toMatchObject({ rateLimitReplies: 0 });
    expect(rateLimits.figures.served429).toBeGreaterThan(0);
    expect(rateLimits.summary).toMatch(/· gateway: [1-9]\d* × 429 served/);
    // What the providers saw still fails where the scenario asks about it.
    expect(checkOf(result, 'peak-usage')).toMatchObject({ layer: 'providers', status: 'fail' });
  }, 60_000);

  it('fails rate-limits-absorbed, the gateway check, on the same 429s when a scenario asks for it', async () => {
    const scenario = inlineScenario(`{
      name: "burst-gated", config: "configs/feb27-after.json5", seed: 20260227,
      mocks: { faults: { rules: [{ name: "model-latency", latency: { distribution: "normal", meanMs: 6000, stdDevMs: 1500 } }] } },
      host: { heartbeatHasTasks: false, toolCallsPerTurn: 1, toolResultTokensPerTurn: 2000 },
      preload: { mainTranscriptTokens: 240000 },
      steps: [{ name: "burst", send: [{ kind: "burst", count: 3, every: "5s", tokens: 300 }], run: "3m",
                checks: [{ check: "rate-limit-errors", max: 0 }, { check: "rate-limits-absorbed", max: 0 }] }],
    }`);
    const result = await run(scenario, AFTER);
    expect(result.checks.map((check) => `${check.layer} ${check.check} ${check.status}`)).toEqual(['users rate-limit-errors pass', 'gateway rate-limits-absorbed fail']);
  });

  it('counts an error text naming a rate limit as one users saw', async () => {
    const scenario = inlineScenario(`{
      name: "starved", config: "configs/feb27-after.json5", seed: 1, host: { heartbeatHasTasks: false },
      mocks: { faults: { rules: [{ fault: "rate-limit" }] } },
      steps: [{ name: "one", send: [{ kind: "message", tokens: 200 }], run: "1h", checks: [{ check: "rate-limit-errors", max: 0 }] }],
    }`);
    const result = await run(scenario, AFTER);
    expect(result.messages.errorReplies).toBe(1);
    expect(checkOf(result, 'rate-limit-errors')).toMatchObject({ status: 'fail', figures: expect.objectContaining({ rateLimitReplies: 1 }) });
  });
});

describe('lint and the config report share one definition of a risk', () => {
  for (const profile of ['2026.2', '2026.9'] as const) {
    for (const config of [AFTER, BEFORE]) {
      it(`names the same risks for ${config.split('/').pop()} on ${profile}, and says whether lint exits 1`, async () => {
        const findings = lintConfig(await loadConfig(config, { openclaw: PROFILES[profile] }), PROFILES[profile]);
        const [report] = await loadConfigReports([config], PROFILES[profile]);
        expect(report!.risks.map((risk) => risk.rule)).toEqual(findings.map((finding) => finding.rule));
        const risky = new Set(findings.map((finding) => finding.setting));
        expect(report!.findings.filter((row) => row.status === 'risk').map((row) => row.setting)).toEqual([...risky]);
        expect(renderConfigReport([report!], PROFILES[profile])).toContain(findings.length === 0 ? '`quotastorm lint` exits 0' : '`quotastorm lint` exits 1');
      });
    }
  }

  it('does not call the fixed config all addressed while its token budget is over Flash’s TPM: a providers risk', async () => {
    const text = renderConfigReport(await loadConfigReports([AFTER], PROFILES['2026.2']), PROFILES['2026.2']);
    expect(text.replaceAll('\n  ', ' ')).toContain('- **feb27-after.json5**: 5/6 root causes addressed (still present: token-budget [providers]; `quotastorm lint` exits 1)');
    expect(text).not.toContain('none left');
  });
});

describe('burst-5s and the suite’s burst measure the same thing', () => {
  it('judges both with the users check and shows, in each, the request size that makes them differ', async () => {
    const burst = checkOf(await run(BURST, AFTER), 'rate-limit-errors');
    const suite = checkOf(await run(SUITE, AFTER), 'rate-limit-errors', 'burst of 3 messages 5 s apart');
    expect([burst.layer, burst.status, suite.layer, suite.status]).toEqual(['users', 'pass', 'users', 'pass']);
    // burst-5s sends into the uncompacted 240K-token session; the suite's hour of heartbeats compacted it first.
    expect(burst.figures.largestPromptTokens).toBeGreaterThan(200_000);
    expect(suite.figures.largestPromptTokens).toBeLessThan(60_000);
    expect(burst.figures.served429).toBeGreaterThan(0);
    expect(suite.figures.served429).toBe(0);
    expect(burst.summary).toContain('largest request');
    expect(suite.summary).toContain('largest request');
  });
});

describe('every report’s message counts add up: sent = replied + error replies + dropped + pending', () => {
  const adds = ({ messages }: RunResult) => messages.sent === messages.replied + messages.errorReplies + messages.dropped + messages.pending;

  it('in a run and a suite: result, terminal summary and report.md', async () => {
    const dropped = inlineScenario(`{
      name: "two-users", config: "configs/feb27-after.json5", seed: 1, users: { count: 2 },
      steps: [{ name: "one", send: [{ kind: "message", user: 0, tokens: 200 }, { kind: "message", at: "10s", user: 1, tokens: 200 }], run: "2m", checks: [{ check: "replies-delivered" }] }],
    }`);
    const oneUserAllowed = await configVariant(AFTER, (config) => (config['channels'].telegram.allowFrom = ['424242']));
    const results = [await run(BURST, AFTER), await run(SUITE, BEFORE), await run(dropped, oneUserAllowed)];
    expect(results[2]!.messages.dropped).toBe(1);
    for (const result of results) {
      expect(adds(result)).toBe(true);
      const { sent, replied, errorReplies, dropped, pending } = result.messages;
      const counts = `${sent} sent · ${replied} replied · ${errorReplies} error ${errorReplies === 1 ? 'reply' : 'replies'} · ${dropped} dropped · ${pending} pending`;
      expect(renderTerminalSummary(result, { color: false, reportPath: 'r.md' })).toContain(`messages: ${counts}`);
      // report.md has a Messages table once a message was dropped or left pending.
      if (dropped + pending > 0) expect(renderRunReport(result)).toContain(`| ${sent} | ${replied} | ${errorReplies} | ${dropped} | ${pending} |`);
    }
  });

  it('in compare and the incident report', async () => {
    const loaded = await loadScenario(BURST);
    const [before, after] = [await run(loaded, BEFORE), await run(loaded, AFTER)];
    const compare = renderComparison([{ label: 'before', result: before }, { label: 'after', result: after }]);
    const row = (label: string) => compare.split('\n').find((line) => line.startsWith(`| ${label} |`))!;
    const cells = (label: string) => row(label).split('|').slice(2, 4).map((cell) => Number.parseInt(cell.trim().replaceAll(',', ''), 10));
    const sent = cells('Messages sent');
    const parts = ['… replied', '… answered with an error text', '… dropped', '… pending at the end'].map(cells);
    expect([0, 1].map((index) => parts.reduce((sum, part) => sum + part[index]!, 0))).toEqual(sent);
    const incident = renderIncidentReport({ before: { quotas: before, finishReason: before }, after: { quotas: after, finishReason: after } });
    for (const result of [before, after]) {
      const { sent: total, replied, errorReplies, dropped, pending } = result.messages;
      expect(incident).toContain(`${total} = ${replied} + ${errorReplies} + ${dropped} + ${pending}`);
    }
  });
});
