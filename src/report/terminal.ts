/**
 * The summary printed at the end of every run: what ran, the verdict table,
 * the verdict line, where the report is, and on failure the command that
 * reproduces the run. ANSI colour only when the caller says so (a TTY
 * without NO_COLOR); without it the output is plain text fit for CI logs.
 */
import type { CheckStatus, RunResult } from '../scenario/result.ts';
import { baseName, formatDurationMs } from './format.ts';
import { redactResult } from './redact-result.ts';
import { dropLines } from '../scenario/message-accounting.ts';
import { messageCounts } from './messages-section.ts';
import { replyTimeLines } from './reply-time-section.ts';
import { STATUS_LABEL, verdictLine } from './verdict.ts';
import { LAYERS } from '../scenario/layers.ts';

export type TerminalSummaryOptions = {
  /** Decided by the caller (commands/run.ts `colorWanted`: --no-color, NO_COLOR, FORCE_COLOR, a terminal). */
  readonly color: boolean;
  /** Where the Markdown report was written, printed as given. */
  readonly reportPath: string;
  /** Only the verdict, the report's path and, on failure, the reproduce line (`--quiet`). */
  readonly quiet?: boolean;
};

/** Titles longer than this are not padded further, so one long title does not push every summary right. */
const TITLE_COLUMN_MAX = 44;

export function renderTerminalSummary(input: RunResult, options: TerminalSummaryOptions): string {
  const result = redactResult(input);
  const paint = painter(options.color);
  const verdict = result.verdict.ok && !result.incomplete ? paint.good(verdictLine(result)) : paint.bad(verdictLine(result));
  const closing = [`report: ${options.reportPath}`, ...(result.verdict.ok && !result.incomplete ? [] : [`reproduce: ${result.reproduce}`])];
  if (options.quiet === true) return `${[verdict, ...closing].join('\n')}\n`;
  const lines = [
    ...(result.incomplete
      ? [paint.warn(`INCOMPLETE RUN: stopped after ${formatDurationMs(result.simulatedMs)} simulated; the verdict covers only that part.`)]
      : []),
    `quotastorm ${runLine(result)}`,
    '',
    ...checkRows(result, paint),
    '',
    ...messageLines(result),
    verdict,
    ...closing,
  ];
  return `${lines.join('\n')}\n`;
}

/** `messages: 3 sent · 1 replied · 0 error replies · 2 dropped · 0 pending`, then why any were dropped. */
function messageLines(result: RunResult): string[] {
  const { messages } = result;
  if (messages === undefined) return [];
  return [
    `messages: ${messageCounts(messages)}`,
    ...dropLines(messages).map((line) => `  ${line}`),
    ...(result.replyTime === undefined || messages.sent === 0 ? [] : replyTimeLines(result.replyTime)),
  ];
}

function runLine(result: RunResult): string {
  const variant = result.scenario.variant === undefined ? '' : ` (${result.scenario.variant})`;
  return [
    `${result.scenario.name}${variant}`,
    baseName(result.config.file),
    result.gateway === undefined ? `profile ${result.config.profile}` : `real ${result.gateway.name}`,
    `seed ${result.seed}`,
    `${formatDurationMs(result.simulatedMs)} simulated`,
  ].join(' · ');
}

function checkRows(result: RunResult, paint: Painter): string[] {
  if (result.checks.length === 0) return ['  no checks ran'];
  const titleWidth = Math.min(TITLE_COLUMN_MAX, Math.max(...result.checks.map((check) => width(check.title))));
  const statusWidth = Math.max(...Object.values(STATUS_LABEL).map((label) => label.length));
  const layerWidth = Math.max(...LAYERS.map((layer) => layer.length));
  return result.checks.map((check) => {
    const status = paint.status(check.status, STATUS_LABEL[check.status].padEnd(statusWidth));
    const title = check.title + ' '.repeat(Math.max(0, titleWidth - width(check.title)));
    return `  ${status}  ${check.layer.padEnd(layerWidth)}  ${title}  ${check.summary}`.trimEnd();
  });
}

/** Code points, not UTF-16 units: `≤` and `→` take one column. */
function width(text: string): number {
  return [...text].length;
}

type Painter = {
  status(status: CheckStatus, text: string): string;
  good(text: string): string;
  bad(text: string): string;
  warn(text: string): string;
};

const ANSI = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m' } as const;

function painter(color: boolean): Painter {
  const wrap = (...codes: string[]) => (text: string) => (color ? `${codes.join('')}${text}${ANSI.reset}` : text);
  const byStatus: Record<CheckStatus, (text: string) => string> = {
    pass: wrap(ANSI.green),
    fail: wrap(ANSI.bold, ANSI.red),
    error: wrap(ANSI.bold, ANSI.yellow),
    'n/a': wrap(ANSI.dim),
  };
  return {
    status: (status, text) => byStatus[status](text),
    good: wrap(ANSI.bold, ANSI.green),
    bad: wrap(ANSI.bold, ANSI.red),
    warn: wrap(ANSI.bold, ANSI.yellow),
  };
}
