/**
 * The scenario conformance report: one scenario, per config, the embedded
 * gateway beside each real OpenClaw that ran it — verdicts check by check,
 * messages and their fates, requests and 429s per model, the error texts
 * users got, and the real time each took. A row whose cells differ is
 * marked, and the differences are listed under each config, so a reader
 * sees first where the embedded model and the real gateway disagree.
 */
import type { RunResult } from '../scenario/result.ts';
import { baseName, formatDurationMs } from './format.ts';
import { codeSpan, escapeInline, table } from './markdown-text.ts';

type ConformanceRun = {
  /** `embedded` or `openclaw@2026.2.26`. */
  readonly gateway: string;
  readonly result: RunResult;
  /** Real time of the whole run, start to result. */
  readonly wallMs: number;
  /** The run folder, as the report links it. */
  readonly dir: string;
};

export type ConformanceGroup = { readonly config: string; readonly runs: readonly ConformanceRun[] };

export function renderGatewayConformance(groups: readonly ConformanceGroup[], about: { readonly command: string; readonly scenario: string }): string {
  const lines = [
    `# Scenario conformance: ${escapeInline(about.scenario)}, embedded and real OpenClaw side by side`,
    '',
    'The same scenario, config and seed on quotastorm\'s embedded gateway and on real, installed OpenClaw gateways run on ' +
      'quotastorm\'s clock (`--gateway openclaw@V`): the same mocks, users, messages and instants. A row marked ≠ differs ' +
      'between them. The real gateway is observed from outside (its Telegram sends, the provider requests, its file log, its ' +
      'store); what that cannot show, or the run could not give it, is listed under each real run.',
    '',
    `Regenerate: ${codeSpan(about.command)}`,
    '',
  ];
  for (const group of groups) lines.push(...groupSection(group));
  return `${lines.join('\n').trimEnd()}\n`;
}

function groupSection(group: ConformanceGroup): string[] {
  const { runs } = group;
  const rows = comparisonRows(runs);
  const differing = rows.filter((row) => row.differs);
  return [
    `## ${escapeInline(baseName(group.config))}`,
    '',
    ...table(['', ...runs.map((run) => codeSpan(run.gateway))].concat('≠'), rows.map((row) => [row.label, ...row.cells, row.differs ? '≠' : ''])),
    '',
    differing.length === 0 ? 'Every row agrees.' : `**${differing.length} ${differing.length === 1 ? 'row differs' : 'rows differ'}:** ${differing.map((row) => row.label).join(' · ')}.`,
    '',
    ...runs.flatMap(limitLines),
    ...runs.map((run) => `- ${codeSpan(run.gateway)}: ${codeSpan(run.dir)} — reproduce: ${codeSpan(run.result.reproduce)}`),
    '',
  ];
}

type Row = { readonly label: string; readonly cells: readonly string[]; readonly differs: boolean };

function comparisonRows(runs: readonly ConformanceRun[]): Row[] {
  const row = (label: string, cell: (result: RunResult) => string, compared = true): Row => {
    const cells = runs.map((run) => cell(run.result));
    return { label, cells, differs: compared && new Set(cells).size > 1 };
  };
  const checkTitles = [...new Set(runs.flatMap((run) => run.result.checks.map((check) => check.title)))];
  const models = [...new Set(runs.flatMap((run) => run.result.usage.map((usage) => usage.modelRef)))].sort();
  return [
    row('Verdict', (result) => `${result.verdict.passed}/${result.verdict.total} passed${result.incomplete ? ' (incomplete run)' : ''}`),
    ...checkTitles.map((title) =>
      row(escapeInline(title), (result) => {
        const check = result.checks.find((entry) => entry.title === title);
        return check === undefined ? '—' : check.status.toUpperCase();
      }),
    ),
    row('Messages: sent · replied · error · dropped · pending', ({ messages }) => `${messages.sent} · ${messages.replied} · ${messages.errorReplies} · ${messages.dropped} · ${messages.pending}`),
    ...models.map((model) =>
      row(`${codeSpan(model)} requests (429s)`, (result) => {
        const usage = result.usage.find((entry) => entry.modelRef === model);
        return usage === undefined ? '0' : `${usage.requests} (${usage.rateLimited})`;
      }),
    ),
    row('Largest request, tokens', (result) => Math.max(0, ...result.usage.map((usage) => usage.largestRequestTokens)).toLocaleString('en-US'), false),
    row('Error texts users saw', (result) => errorTexts(result)),
    row('Sessions at start → end', ({ sessions }) => `${sessions.atStart} → ${sessions.atEnd}`),
    row('Reply time p50', ({ replyTime }) => (replyTime.reply === undefined ? '—' : formatDurationMs(replyTime.reply.p50Ms)), false),
    { label: 'Real time', cells: runs.map((run) => formatDurationMs(run.wallMs)), differs: false },
  ];
}

function errorTexts(result: RunResult): string {
  const texts = [...new Set(result.deliveries.examples.filter((example) => example.kind === 'error' || example.kind === 'surfaced').map((example) => example.text.split('\n')[0]!.slice(0, 80)))];
  return texts.length === 0 ? 'none' : texts.map((text) => escapeInline(text)).join('<br>');
}

function limitLines(run: ConformanceRun): string[] {
  const limits = run.result.gateway?.limits ?? [];
  if (limits.length === 0) return [];
  return [`Not reproduced or not observable on ${codeSpan(run.gateway)}:`, '', ...limits.map((limit) => `- ${escapeInline(limit)}`), ''];
}
