/**
 * `index.md` for a folder that holds several runs (`start`, `compare`,
 * `incident`): what the folder is, one row per run with its verdict,
 * scenario and config, the figures a reviewer looks for first and a link to
 * its report.md, then the folder's other documents. A reader lands on one
 * page instead of megabytes of journals and logs. Pure: same input ⇒ same bytes.
 */
import type { RunResult } from '../scenario/result.ts';
import { baseName, formatCount } from './format.ts';
import { codeSpan, escapeInline, table, wrapProse } from './markdown-text.ts';
import { formatWaitMs } from './reply-time-section.ts';
import { runFigures } from './run-figures.ts';

export type IndexedRun = {
  /** The run's folder, relative to the index, `/`-separated: its report is `<dir>/report.md`. */
  readonly dir: string;
  readonly result: RunResult;
};

export type IndexedDocument = { readonly path: string; readonly what: string };

export type RunIndex = {
  readonly title: string;
  /** What the folder holds and which command wrote it: Markdown, written by quotastorm, not escaped. */
  readonly about: string;
  readonly runs: readonly IndexedRun[];
  /** Other pages in the folder (compare.md, incident.md, a nested index.md), linked above the runs. */
  readonly documents?: readonly IndexedDocument[];
};

export function renderRunIndex(index: RunIndex): string {
  const documents = index.documents ?? [];
  const lines = [
    `# ${escapeInline(index.title)}`,
    '',
    index.about,
    '',
    ...(documents.length === 0 ? [] : ['## Reports', '', ...documents.map((doc) => `- [${escapeInline(doc.path)}](${linkTarget(doc.path)}): ${escapeInline(doc.what)}`), '']),
    '## Runs',
    '',
    ...(index.runs.length === 0 ? ['No runs in this folder.'] : runsTable(index.runs)),
    '',
    'Messages: sent = replied + error replies + dropped + pending. 429s are those the mock providers served; ' +
      'each run folder also holds result.json, the journal and the gateway logs.',
  ];
  return `${wrapProse(lines.join('\n')).trimEnd()}\n`;
}

function runsTable(runs: readonly IndexedRun[]): string[] {
  const rows = runs.map(({ dir, result }) => [
    `[${escapeInline(dir)}](${linkTarget(`${dir}/report.md`)})`,
    `**${verdictCell(result)}**`,
    `${codeSpan(baseName(result.scenario.file))}${result.scenario.variant === undefined ? '' : ` (${escapeInline(result.scenario.variant)})`}`,
    `${codeSpan(baseName(result.config.file))} on ${codeSpan(result.config.profile)}`,
    messagesCell(result),
    formatCount(runFigures(result).served429),
    result.replyTime.reply === undefined ? '–' : formatWaitMs(result.replyTime.reply.p95Ms),
  ]);
  const header = ['Run', 'Verdict', 'Scenario', 'Config', 'Messages', '429s', 'Reply p95'];
  return table(header, rows, ['left', 'left', 'left', 'left', 'left', 'right', 'right']);
}

/** `PASS 6/6`, `FAIL 1/5`, `INCOMPLETE 2/5`: the status first, so a column of them scans. */
function verdictCell(result: RunResult): string {
  const { passed, total } = result.verdict;
  const counted = total - (result.verdict.notApplicable ?? 0);
  const status = result.incomplete ? 'INCOMPLETE' : result.verdict.ok ? 'PASS' : 'FAIL';
  return `${status} ${passed}/${counted}`;
}

/** `304 sent: 303 replied, 0 error replies, 1 dropped, 0 pending`. */
function messagesCell(result: RunResult): string {
  const { sent, replied, errorReplies, dropped, pending } = result.messages;
  return `${formatCount(sent)} sent: ${formatCount(replied)} replied, ${formatCount(errorReplies)} error ${errorReplies === 1 ? 'reply' : 'replies'}, ${formatCount(dropped)} dropped, ${formatCount(pending)} pending`;
}

/** Link targets are relative paths; a space would end the target, so it is encoded. */
function linkTarget(path: string): string {
  return path.replaceAll(' ', '%20');
}
