import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/scenario/result.ts';
import { renderComparison } from '../../src/report/compare.ts';
import { errorRun, failingBeforeRun, incompleteRun, passingRun } from './fixtures.ts';
import { expectGolden } from './golden.ts';

const beforeAfter = () => [
  { label: 'before', result: failingBeforeRun() },
  { label: 'after', result: passingRun() },
];

function row(report: string, firstCell: string): string[] {
  const line = report.split('\n').find((l) => l.startsWith(`| ${firstCell} |`));
  expect(line, firstCell).toBeDefined();
  return line!.slice(2, -2).split(/(?<!\\) \| /);
}

describe('renderComparison', () => {
  it('matches golden/compare-before-after.md byte for byte, and renders the same bytes twice', () => {
    const report = renderComparison(beforeAfter());
    expectGolden('compare-before-after.md', report);
    expect(renderComparison(beforeAfter())).toBe(report);
  });

  it('shows one column per config, verdicts side by side', () => {
    const report = renderComparison(beforeAfter());
    expect(row(report, 'Run')).toEqual(['Run', 'before', 'after']);
    expect(row(report, 'Verdict')).toEqual(['Verdict', '**1/6 passed, 5 failed**', '**6/6 passed**']);
    expect(row(report, 'Session count ≤ 20 after activity (step after-activity) · gateway')).toEqual([
      'Session count ≤ 20 after activity (step after-activity) · gateway',
      'FAIL: 61 sessions after activity (limit 20)',
      'PASS: 9 sessions after activity (limit 20)',
    ]);
  });

  it('shows the deltas against the first config, from the results’ own figures', () => {
    const report = renderComparison(beforeAfter());
    expect(row(report, '429s served by the mocks')).toEqual(['429s served by the mocks', '1,748', '4 (-1,744)']);
    expect(row(report, 'Fallback hops (failures moved to the next model)')).toEqual(['Fallback hops (failures moved to the next model)', '1,154', '4 (-1,150)']);
    expect(row(report, 'Error replies to users')).toEqual(['Error replies to users', '118', '0 (-118)']);
    expect(row(report, 'Sessions, peak')).toEqual(['Sessions, peak', '61', '57 (-4)']);
    expect(row(report, 'Sessions at end')).toEqual(['Sessions at end', '61', '9 (-52)']);
    expect(row(report, '`google/gemini-2.5-flash` TPM')).toEqual([
      '`google/gemini-2.5-flash` TPM',
      '1,420,000 of 1,000,000 (142%)',
      '612,000 of 1,000,000 (61%) (-808,000)',
    ]);
  });

  it('estimates cost per provider from the price table and names models it cannot price', () => {
    const report = renderComparison(beforeAfter());
    expect(report).toContain('| `moonshot/kimi-k2.5` | unknown | unknown |');
    expect(row(report, '`moonshot` est. cost')[2]).toBe('$0.00 + unpriced: `moonshot/kimi-k2.5`');
    expect(row(report, '**Total est. cost**')[2]).toContain('+ unpriced: `moonshot/kimi-k2.5`');
  });

  it('takes price overrides, which then cost the model and say where the price came from', () => {
    const prices = { 'moonshot/kimi-k2.5': { inputUsdPerMTok: 0.6, outputUsdPerMTok: 3, source: 'our invoice, 2026-02' } };
    const report = renderComparison(beforeAfter(), { prices });
    expect(report).toContain('| `moonshot/kimi-k2.5` | $0.60 | $3.00 | our invoice, 2026-02 |');
    expect(row(report, '`moonshot` est. cost')[2]).not.toContain('unpriced');
    expect(row(report, '**Total est. cost**')[2]).toMatch(/^\$\d+\.\d\d \(-\$\d+\.\d\d\)$/);
  });

  it('draws one load chart per model with traffic, both configs on it, each named by its line style', () => {
    const report = renderComparison(beforeAfter());
    const load = report.slice(report.indexOf('### Load over time'), report.indexOf('### Failover cascade per config'));
    const models = [...load.matchAll(/^#### (.+)$/gm)].map((match) => match[1]);
    const withTraffic = [failingBeforeRun(), passingRun()].flatMap((run) => run.usage.filter((usage) => usage.requests > 0).map((usage) => usage.modelRef));
    expect(models).toEqual([...new Set(withTraffic)]);
    const flash = load.slice(load.indexOf('#### google/gemini-2.5-flash'));
    const tokensChart = flash.slice(flash.indexOf('Tokens sent per minute'), flash.indexOf('Requests per minute'));
    expect(tokensChart).toContain('─ before: peak 1,420,000');
    expect(tokensChart).toContain('━ after: peak 612,000');
    expect(tokensChart).toMatch(/ 1M ┤.*╌/);
    const plotted = tokensChart.split('\n').filter((line) => / [┤┼]/.test(line)).join('');
    expect(plotted).toMatch(/[─╭╮╯╰]/);
    expect(plotted).toMatch(/[━┏┓┛┗]/);
  });

  it('draws a mermaid failover cascade per config', () => {
    const report = renderComparison(beforeAfter());
    const cascades = report.slice(report.indexOf('### Failover cascade per config'));
    expect([...cascades.matchAll(/^#### (.+)$/gm)].map((match) => match[1])).toEqual(['before', 'after']);
    expect(cascades.match(/```mermaid\nflowchart LR/g)).toHaveLength(2);
  });

  it('lists the root-cause settings whose values differ, and only those', () => {
    const report = renderComparison(beforeAfter());
    const items = report.slice(report.indexOf('## What changed')).replace(/\n {2}/g, ' ');
    const changed = items.split('\n').filter((line) => line.startsWith('- '));
    expect(changed.map((line) => /^- `([^`]+)`/.exec(line)![1])).toEqual([
      'agents.defaults.model',
      'agents.defaults.heartbeat.model',
      'session.maintenance',
      'agents.defaults.contextPruning.mode',
      'commands.nativeSkills',
      'agents.defaults.contextTokens',
    ]);
    expect(changed[2]).toBe('- `session.maintenance`: before: `warn, maxEntries 500, pruneAfter 30d` (RISK) → after: `enforce, maxEntries 15, pruneAfter 6h` (ok)');
  });

  it('handles three configs, and warns when the runs are not like for like or one is incomplete', () => {
    const report = renderComparison([...beforeAfter(), { label: 'cut short', result: incompleteRun() }]);
    expect(row(report, 'Run')).toEqual(['Run', 'before', 'after', 'cut short']);
    expect(report).toContain('> **NOT LIKE FOR LIKE.** The runs differ in scenario variant, simulated duration');
    expect(report).toContain('> **INCOMPLETE RUN: cut short** stopped after 42m simulated');
    const other: RunResult = errorRun();
    expect(renderComparison([...beforeAfter(), { label: 'other', result: other }])).toContain('The runs differ in scenario, seed, simulated duration');
  });

  it('counts runs whose last turns drained a few seconds apart as like for like', () => {
    const [before, after] = beforeAfter();
    const drained = { ...after!, result: { ...after!.result, simulatedMs: after!.result.simulatedMs + 4_000 } };
    const report = renderComparison([before!, drained]);
    expect(report).not.toContain('NOT LIKE FOR LIKE');
    const longer = { ...after!, result: { ...after!.result, simulatedMs: after!.result.simulatedMs * 1.5 } };
    expect(renderComparison([before!, longer])).toContain('The runs differ in simulated duration');
  });

  it('refuses fewer than two runs', () => {
    expect(() => renderComparison([{ label: 'only', result: passingRun() }])).toThrow(/two or more runs, got 1/);
  });
});
