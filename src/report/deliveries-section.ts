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

/**
 * A model's reply here is the mock providers' canned text (mocks/providers/reply.ts: seeded faker
 * phrases), which reads like an answer but is none; it is labelled so a reviewer does not take it
 * for one. Error replies and notices are the gateway's own wording, as OpenClaw writes them.
 */
const KIND_LABEL: Readonly<Record<string, string>> = { reply: 'synthetic reply' };

/** `+00:41:07  error   text`, continuation lines indented under the text, so a terminal reads it as one item. */
function examples(result: RunResult): string[] {
  const { examples: shown } = result.deliveries;
  if (shown.length === 0) return ['No texts were delivered.'];
  const kindOf = (kind: string) => KIND_LABEL[kind] ?? kind;
  const kindWidth = Math.max(...shown.map((example) => kindOf(example.kind).length));
  const synthetic = shown.some((example) => example.kind === 'reply');
  const lines = shown.flatMap((example) => {
    const prefix = `${formatOffsetMs(example.atMs)}  ${kindOf(example.kind).padEnd(kindWidth)}  `;
    const [first = '', ...rest] = blockLines(example.text);
    return [`${prefix}${first}`, ...rest.map((line) => `${' '.repeat(prefix.length)}${line}`)];
  });
  const note = synthetic
    ? [
        'Reply texts are synthetic: the mock providers answer with seeded filler phrases, not a model\'s answer. ' +
          'Error replies and notices are the gateway\'s own wording.',
        '',
      ]
    : [];
  return ['First texts users saw, by kind:', '', ...note, ...fenced('text', lines)];
}
