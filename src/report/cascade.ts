/**
 * The failover cascade: how turns walked down the fallback chain. A table of
 * attempts per model with the reasons they failed, and a mermaid flowchart
 * whose edges are `result.failover[].next` with their counts. The chart is
 * drawn only from recorded edges; nothing is inferred about attempts that
 * neither succeeded nor moved on (retries, chain ends), which the table shows.
 */
import type { FailoverAttempts } from '../scenario/result.ts';
import { formatCount } from './format.ts';
import { codeSpan, escapeInline, fenced, table } from './markdown-text.ts';

export function cascadeSection(failover: readonly FailoverAttempts[]): string[] {
  if (failover.length === 0) return ['## Failover cascade', '', 'No model attempts were recorded.', ''];
  return [
    '## Failover cascade',
    '',
    ...attemptsTable(failover),
    '',
    'The chain as turns walked it: an arrow is a failure that moved on to the next candidate, ' +
      'a dotted arrow an attempt that answered.',
    '',
    ...fenced('mermaid', cascadeFlowchart(failover)),
    '',
  ];
}

function attemptsTable(failover: readonly FailoverAttempts[]): string[] {
  const rows = failover.map((model) => [
    codeSpan(model.modelRef),
    formatCount(model.attempts),
    formatCount(model.failed),
    formatCount(model.succeeded),
    formatCount(otherAttempts(model)),
    countsList(model.reasons, escapeInline),
    countsList(model.next, (next) => codeSpan(next)),
  ]);
  const header = ['Model', 'Attempts', 'Failed', 'Succeeded', 'Retried or unfinished', 'Failure reasons', 'Moved on to'];
  return table(header, rows, ['left', 'right', 'right', 'right', 'right', 'left', 'left']);
}

/**
 * Attempts that neither answered nor failed the candidate: a same-model retry (the request failed and the
 * gateway tried the model again) or an attempt still running when the run ended. With them the row adds up.
 */
function otherAttempts(model: FailoverAttempts): number {
  return Math.max(0, model.attempts - model.failed - model.succeeded);
}

/** `rate_limit 118, overloaded 2`: largest first, ties by name, so the order is stable. */
function countsList(counts: Readonly<Record<string, number>>, label: (key: string) => string): string {
  const entries = sortedCounts(counts);
  if (entries.length === 0) return '–';
  return entries.map(([key, count]) => `${label(key)} ${formatCount(count)}`).join(', ');
}

/** `flowchart LR` lines: one node per model (result order, then targets not listed), counted edges. */
export function cascadeFlowchart(failover: readonly FailoverAttempts[]): string[] {
  const refs = [...failover.map((model) => model.modelRef)];
  for (const model of failover) for (const [next] of sortedCounts(model.next)) if (!refs.includes(next)) refs.push(next);
  const id = (ref: string) => `m${refs.indexOf(ref)}`;
  const byRef = new Map(failover.map((model) => [model.modelRef, model]));
  const nodes = refs.map((ref) => `  ${id(ref)}["${mermaidText(nodeLabel(ref, byRef.get(ref)))}"]`);
  const edges = failover.flatMap((model) =>
    sortedCounts(model.next).map(([next, count]) => `  ${id(model.modelRef)} -->|"${formatCount(count)}"| ${id(next)}`),
  );
  const answered = failover
    .filter((model) => model.succeeded > 0)
    .map((model) => `  ${id(model.modelRef)} -.->|"${formatCount(model.succeeded)}"| answered`);
  const answeredNode = answered.length > 0 ? ['  answered(["answered"])'] : [];
  return ['flowchart LR', ...nodes, ...answeredNode, ...edges, ...answered];
}

function nodeLabel(ref: string, model: FailoverAttempts | undefined): string {
  if (model === undefined) return `${ref} · no attempts recorded`;
  const other = otherAttempts(model);
  const parts = [`${formatCount(model.succeeded)} answered`, `${formatCount(model.failed)} failed`, ...(other > 0 ? [`${formatCount(other)} retried or unfinished`] : [])];
  return `${ref} · ${formatCount(model.attempts)} ${model.attempts === 1 ? 'attempt' : 'attempts'}: ${parts.join(', ')}`;
}

function sortedCounts(counts: Readonly<Record<string, number>>): Array<[string, number]> {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0));
}

/** Mermaid labels are quoted; a quote inside would end them, so it becomes mermaid's entity. */
function mermaidText(text: string): string {
  return text.replaceAll('"', '#quot;');
}
