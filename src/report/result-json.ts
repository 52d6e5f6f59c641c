/**
 * The JSON result written beside a report: the same value the report was
 * rendered from (key-shaped secrets redacted, as in the report), two-space
 * indented, newline-terminated. Key order is the runner's construction order,
 * so the bytes are as deterministic as the run.
 */
import type { RunResult } from '../scenario/result.ts';
import { redactResult } from './redact-result.ts';

export function renderResultJson(result: RunResult): string {
  return `${JSON.stringify(redactResult(result), null, 2)}\n`;
}
