import { describe, expect, it } from 'vitest';
import { renderTerminalSummary } from '../../src/report/terminal.ts';
import { errorRun, failingBeforeRun, incompleteRun, passingRun } from './fixtures.ts';
import { expectGolden } from './golden.ts';

const ANSI = /\u001b\[/;

describe('renderTerminalSummary', () => {
  it('matches golden files, plain and coloured', () => {
    expectGolden('terminal-failing-before.txt', renderTerminalSummary(failingBeforeRun(), { color: false, reportPath: 'reports/stress-suite.md' }));
    expectGolden('terminal-failing-before.ansi.txt', renderTerminalSummary(failingBeforeRun(), { color: true, reportPath: 'reports/stress-suite.md' }));
  });

  it('prints no escape codes without colour, and colours the statuses with it', () => {
    for (const make of [passingRun, failingBeforeRun, errorRun, incompleteRun]) {
      expect(renderTerminalSummary(make(), { color: false, reportPath: 'r.md' })).not.toMatch(ANSI);
    }
    const coloured = renderTerminalSummary(failingBeforeRun(), { color: true, reportPath: 'r.md' });
    expect(coloured).toContain('\u001b[1m\u001b[31mFAIL ');
    expect(coloured).toContain('\u001b[32mPASS ');
    expect(renderTerminalSummary(errorRun(), { color: true, reportPath: 'r.md' })).toContain('\u001b[1m\u001b[33mERROR');
  });

  it('shows one row per check, the verdict line and the report path as given', () => {
    const text = renderTerminalSummary(passingRun(), { color: false, reportPath: '../out/run.md' });
    const rows = text.split('\n').filter((line) => /^ {2}(PASS|FAIL|ERROR)/.test(line));
    expect(rows).toHaveLength(6);
    expect(text).toContain('\n6/6 passed\nreport: ../out/run.md\n');
    expect(text).not.toContain('reproduce:');
  });

  it('prints the reproduce command when the run failed or was cut short, and flags the cut first', () => {
    expect(renderTerminalSummary(failingBeforeRun(), { color: false, reportPath: 'r.md' })).toContain(
      'reproduce: node src/cli.ts run scenarios/stress-suite.json5 --config scenarios/configs/feb27-before.json5 --seed 20260227',
    );
    const cut = renderTerminalSummary(incompleteRun(), { color: false, reportPath: 'r.md' });
    expect(cut.split('\n')[0]).toBe('INCOMPLETE RUN: stopped after 42m simulated; the verdict covers only that part.');
    expect(cut).toContain('reproduce: ');
  });
});
