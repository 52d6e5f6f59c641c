import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/scenario/result.ts';
import { renderRunReport } from '../../src/report/markdown.ts';
import { renderResultJson } from '../../src/report/result-json.ts';
import { errorRun, failingBeforeRun, FIXTURES, incompleteRun, passingRun } from './fixtures.ts';
import { expectGolden } from './golden.ts';

const SECTIONS = [
  '## Checks',
  '## Evidence',
  '## Usage vs limits',
  '## Failover cascade',
  '## Sessions',
  '## What users saw',
  '## First failure',
  '## Config root-cause settings',
];

/** The result as the JSON beside the report holds it: the numbers the report must repeat. */
function asJson(result: RunResult): RunResult {
  return JSON.parse(renderResultJson(result)) as RunResult;
}

/** Rows (cells, unescaped pipes split) of the `index`-th table after `heading`. */
function tableAfter(report: string, heading: string, index = 0): string[][] {
  const start = report.indexOf(`\n${heading}\n`);
  expect(start, `heading ${heading}`).toBeGreaterThan(-1);
  const lines = report.slice(start).split('\n').slice(2);
  const tables: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of lines) {
    if (line.startsWith('## ') || line.startsWith('### ')) break;
    if (line.startsWith('|')) {
      current ??= [];
      current.push(line.slice(2, -2).split(/(?<!\\) \| /).map((cell) => cell.trim()));
    } else if (current !== undefined) {
      tables.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) tables.push(current);
  const table = tables[index];
  expect(table, `table ${index} after ${heading}`).toBeDefined();
  return table!.slice(2); // header and rule
}

/** The first number in a cell, thousands separators removed: `1,420,000 at +00:43:00` → 1420000. */
function firstNumber(cell: string): number {
  const match = /-?\d[\d,]*(?:\.\d+)?/.exec(cell);
  expect(match, `a number in ${cell}`).not.toBeNull();
  return Number(match![0].replaceAll(',', ''));
}

/**
 * Counts in prose, not digits inside names (`gemini-2.5-flash`, `429s`) or an HTTP status after
 * `×` (`4 × 429 served` counts 429 responses; 429 names them).
 */
function countsIn(text: string): number[] {
  const withoutStatus = text.replace(/× \d{3}\b/g, '×');
  return [...withoutStatus.matchAll(/(?<![\w.\-/+:])\d[\d,]*(?:\.\d+)?(?![\w\-/])/g)].map((m) => Number(m[0].replaceAll(',', '')));
}

describe('renderRunReport', () => {
  for (const [name, make] of Object.entries(FIXTURES)) {
    it(`matches golden/${name}.md byte for byte`, () => {
      expectGolden(`${name}.md`, renderRunReport(make()));
    });
  }

  it('gives identical bytes when rendered twice, and does not touch its input', () => {
    const result = failingBeforeRun();
    const frozen = deepFreeze(structuredClone(result));
    expect(renderRunReport(frozen)).toBe(renderRunReport(result));
    expect(renderRunReport(failingBeforeRun())).toBe(renderRunReport(result));
    expect(frozen).toEqual(result);
  });

  it('has every section, in reading order, for a failing run with a cascade and a first failure', () => {
    const report = renderRunReport(failingBeforeRun());
    expect(report.startsWith('# quotastorm: stress-suite on feb27-before.json5\n')).toBe(true);
    const positions = SECTIONS.map((heading) => report.indexOf(`\n${heading}\n`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(report).toContain('```mermaid\nflowchart LR\n');
    expect(report).toContain('Gateway log:');
    expect(report).toContain('Mock journal:');
  });

  it('puts a one-line verdict under the title whose counts are the result’s', () => {
    for (const make of [passingRun, failingBeforeRun, errorRun]) {
      const result = asJson(make());
      const line = renderRunReport(result).split('\n')[2]!;
      expect(line).toMatch(new RegExp(`^\\*\\*Verdict: ${result.verdict.passed}/${result.verdict.total} passed`));
    }
    expect(renderRunReport(passingRun()).split('\n')[2]).toBe('**Verdict: 6/6 passed**');
    expect(renderRunReport(errorRun()).split('\n')[2]).toBe('**Verdict: 3/4 passed — error: Telegram 429 retry_after honoured**');
  });

  it('has one verdict-table row per check whose result and numbers are the check’s own', () => {
    for (const make of [passingRun, failingBeforeRun, errorRun, incompleteRun]) {
      const result = asJson(make());
      const rows = tableAfter(renderRunReport(result), '## Checks');
      expect(rows).toHaveLength(result.checks.length);
      rows.forEach((cells, index) => {
        const check = result.checks[index]!;
        const [number, , ...rest] = cells;
        const evidence = rest[rest.length - 1]!;
        const status = rest[rest.length - 2]!;
        expect(number).toBe(String(index + 1));
        expect(status).toBe(check.status.toUpperCase());
        const figures = Object.values(check.figures);
        for (const count of countsIn(evidence)) expect(figures, `${count} in "${evidence}"`).toContain(count);
        expect(countsIn(evidence)).toEqual(countsIn(check.summary));
      });
    }
  });

  it('repeats the usage, cascade, session and delivery figures of the JSON result exactly', () => {
    const result = asJson(failingBeforeRun());
    const report = renderRunReport(result);
    const active = result.usage.filter((usage) => usage.requests > 0);

    const traffic = tableAfter(report, '## Usage vs limits', 0);
    expect(traffic.map((cells) => cells.slice(1).map(firstNumber))).toEqual(
      active.map((u) => [u.requests, u.ok, u.rateLimited, u.otherErrors, u.inputTokensSent, u.outputTokens]),
    );
    const peaks = tableAfter(report, '## Usage vs limits', 1);
    expect(peaks.map((cells) => cells.slice(1, 5).map(firstNumber))).toEqual(
      active.map((u) => [u.peakTokensPerMinute.value, u.limits.tokensPerMinute, u.peakRequestsPerMinute.value, u.limits.requestsPerMinute]),
    );

    const cascade = tableAfter(report, '## Failover cascade');
    expect(cascade.map((cells) => cells.slice(1, 4).map(firstNumber))).toEqual(result.failover.map((f) => [f.attempts, f.failed, f.succeeded]));
    expect(report).toContain('m0 -->|"160"| m1');

    const deliveries = tableAfter(report, '## What users saw');
    const { replies, errorReplies, surfacedErrors, notices, silentTurns } = result.deliveries;
    expect(deliveries[0]!.map(firstNumber)).toEqual([replies, errorReplies, surfacedErrors, notices, silentTurns]);
    const { atStart, peak, atEnd } = result.sessions;
    expect(report).toContain(`Sessions in the store: ${atStart} at start · peak ${peak} · ${atEnd} at end.`);
  });

  it('charts each model with traffic against its limit, at most 72 points wide, and skips idle models', () => {
    const report = renderRunReport(passingRun());
    expect(report).toContain('### google/gemini-2.5-flash\n');
    expect(report).not.toContain('### anthropic/claude-haiku-4-5\n');
    expect(report).toContain('No traffic: `anthropic/claude-haiku-4-5`, `openai/gpt-5.2`.');
    expect(report).toContain('Tokens sent per minute (─) vs TPM limit 1,000,000 (╌)');
    expect(report).toContain('1 column = 5 minutes, resampled to the busiest minute of each');
    const axis = report.split('\n').find((line) => line.trimStart().startsWith('└'))!;
    expect([...axis.trim()].length).toBeLessThanOrEqual(72);
  });

  it('marks an incomplete run loudly before anything else', () => {
    const paragraphs = renderRunReport(incompleteRun()).split('\n\n').map((paragraph) => paragraph.replace(/\n(> )?/g, ' '));
    expect(paragraphs[1]).toMatch(/^> \*\*INCOMPLETE RUN\.\*\* The run stopped after 42m of simulated time/);
    expect(paragraphs[2]).toBe('**Verdict: INCOMPLETE — 1/2 passed — failed: No rate-limit lines in gateway.err.log**');
    expect(renderRunReport(passingRun())).not.toContain('INCOMPLETE');
  });

  it('keeps user text from turning into HTML or emphasis outside code blocks', () => {
    const report = renderRunReport(errorRun());
    const prose = report.replace(/```[^\n]*\n[\s\S]*?\n```/g, '');
    expect(prose).not.toMatch(/(?<!\\)<[A-Za-z/!?]/);
    expect(report).toContain('Done: `ls | wc -l` says 12 files; see <results> and *notes*.'); // verbatim inside the text block
  });

  it('redacts key-shaped secrets that reached a log line', () => {
    const result = failingBeforeRun();
    const leaked: RunResult = {
      ...result,
      firstFailure: { ...result.firstFailure!, log: ['08:41:07 auth header Bearer abcdefghijklmnopqrstuvwxyz012345 rejected'] },
    };
    const report = renderRunReport(leaked);
    expect(report).not.toContain('abcdefghijklmnopqrstuvwxyz012345');
    expect(report).toContain('__OPENCLAW_REDACTED__');
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
