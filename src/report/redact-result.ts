/**
 * Every string of a result passed through `redactText` before it is printed.
 * The runner redacts with the config's known secrets; this second pass
 * catches anything key-shaped that still slipped into a log line, a journal
 * line or a user-visible text, because reports are handed to other people.
 */
import { redactText } from '../config/redact.ts';
import type { RunResult } from '../scenario/result.ts';

export function redactResult(result: RunResult): RunResult {
  return redactStrings(result) as RunResult;
}

function redactStrings(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(redactStrings);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, redactStrings(child)]));
  }
  return value;
}
