/**
 * Every string of a result passed through `redactText` before it is printed.
 * The runner redacts with the config's known secrets; this second pass
 * catches anything key-shaped that still slipped into a log line, a journal
 * line or a user-visible text, because reports are handed to other people.
 */
import type { RunResult } from '../scenario/result.ts';
import { redactStrings } from '../scenario/redact.ts';

export function redactResult(result: RunResult): RunResult {
  return redactStrings(result, []);
}
