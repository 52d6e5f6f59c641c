/** What users saw: reply and error counts, turn counts, and the first texts of each kind verbatim. */
import type { RunResult } from '../scenario/result.ts';
import { formatCount, formatOffsetMs } from './format.ts';
import { blockLines, fenced, table } from './markdown-text.ts';

export function deliveriesSection(result: RunResult): string[] {
  const { deliveries, turns } = result;
  const counts = table(
    ['Replies', 'Error replies', 'Errors surfaced', 'Notices', 'Silent turns'],
    [[deliveries.replies, deliveries.errorReplies, deliveries.surfacedErrors, deliveries.notices, deliveries.silentTurns].map(formatCount)],
    ['right', 'right', 'right', 'right', 'right'],
  );
  const turnLine =
    `Turns: ${formatCount(turns.user)} user · ${formatCount(turns.heartbeat)} heartbeat · ` +
    `${formatCount(turns.cron)} cron · ${formatCount(turns.silent)} silent.`;
  return ['## What users saw', '', ...counts, '', turnLine, '', ...examples(result), ''];
}

/** `+00:41:07  error   text`, continuation lines indented under the text, so a terminal reads it as one item. */
function examples(result: RunResult): string[] {
  const { examples: shown } = result.deliveries;
  if (shown.length === 0) return ['No texts were delivered.'];
  const kindWidth = Math.max(...shown.map((example) => example.kind.length));
  const lines = shown.flatMap((example) => {
    const prefix = `${formatOffsetMs(example.atMs)}  ${example.kind.padEnd(kindWidth)}  `;
    const [first = '', ...rest] = blockLines(example.text);
    return [`${prefix}${first}`, ...rest.map((line) => `${' '.repeat(prefix.length)}${line}`)];
  });
  return ['First texts users saw, by kind:', '', ...fenced('text', lines)];
}
