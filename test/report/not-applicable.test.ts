/**
 * A check that does not apply to the config (a channel it lacks) is counted
 * apart everywhere a verdict is shown, and alone it never makes a run fail.
 */
import { describe, expect, it } from 'vitest';
import { renderJUnit } from '../../src/report/junit.ts';
import { renderRunReport } from '../../src/report/markdown.ts';
import { renderTerminalSummary } from '../../src/report/terminal.ts';
import { verdictLine } from '../../src/report/verdict.ts';
import { verdictOf } from '../../src/scenario/judge.ts';
import type { RunResult } from '../../src/scenario/result.ts';
import { passingRun } from './fixtures.ts';
import { descendants, parseXml } from './xml-wellformed.ts';

const REASON = 'the config starts no Telegram or Discord bot (no enabled channels.telegram or channels.discord): there is no command menu to judge';

/** The passing run with its BOT_COMMANDS_TOO_MUCH check not applicable. */
function withoutTelegram(): RunResult {
  const run = passingRun();
  const checks = run.checks.map((check) => (check.check === 'bot-commands' ? { ...check, title: '0 new BOT_COMMANDS_TOO_MUCH', status: 'n/a' as const, summary: REASON, evidence: [], figures: {} } : check));
  return { ...run, checks, verdict: verdictOf(checks, false) };
}

describe('not applicable', () => {
  it('is counted apart in the verdict and does not make it fail', () => {
    const result = withoutTelegram();
    expect(result.checks.filter((check) => check.status === 'n/a')).toHaveLength(1);
    expect(result.verdict).toMatchObject({ passed: 5, failed: 0, errors: 0, notApplicable: 1, total: 6, ok: true });
    expect(verdictLine(result)).toBe('5/5 passed, 1 not applicable');
  });

  it('shows N/A with the reason in report.md and the terminal', () => {
    const result = withoutTelegram();
    expect(renderRunReport(result)).toContain(`| N/A | ${REASON} |`);
    const terminal = renderTerminalSummary(result, { color: false, reportPath: 'report.md' });
    expect(terminal).toMatch(new RegExp(`^ {2}N/A +gateway +0 new BOT_COMMANDS_TOO_MUCH +${REASON.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    expect(terminal).toContain('5/5 passed, 1 not applicable');
    expect(terminal).not.toContain('reproduce:');
  });

  it('is a skipped test case in JUnit, with the reason', () => {
    const suite = descendants(parseXml(renderJUnit(withoutTelegram())), 'testsuite')[0]!;
    expect(suite.attributes).toMatchObject({ tests: '6', failures: '0', errors: '0', skipped: '1' });
    const skipped = descendants(suite, 'skipped');
    expect(skipped.map((element) => element.attributes.message)).toEqual([REASON]);
  });
});
