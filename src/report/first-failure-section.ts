/** The gateway log and the mock journal around the first failure a user saw: both sides of one moment. */
import type { RunResult } from '../scenario/result.ts';
import { formatOffsetMs } from './format.ts';
import { blockLines, fenced } from './markdown-text.ts';

export function firstFailureSection(result: RunResult): string[] {
  const failure = result.firstFailure;
  if (failure === undefined) return ['## First failure', '', 'No user saw a failure.', ''];
  return [
    '## First failure',
    '',
    `The first failure a user saw came at ${formatOffsetMs(failure.atMs)}. Around it:`,
    '',
    'Gateway log:',
    '',
    ...excerpt(failure.log),
    'Mock journal:',
    '',
    ...excerpt(failure.journal),
  ];
}

function excerpt(lines: readonly string[]): string[] {
  if (lines.length === 0) return ['(no lines)', ''];
  return [...fenced('text', lines.flatMap(blockLines)), ''];
}
