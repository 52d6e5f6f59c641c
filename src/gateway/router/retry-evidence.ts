/**
 * What a 2026.9 rate-limit error text says about retrying it, as
 * openclaw@2026.9.6 reads it (dist/retry-evidence-eo_i1jCP.mjs,
 * src/agents/failover/retry-evidence.ts):
 *
 * - long-window evidence ("current quota", "per day", "monthly", …, unless
 *   the text also names a per-minute unit): a same-model retry cannot help,
 *   so none is made. Gemini's 429 ("You exceeded your current quota, …") is
 *   one — that, not its RetryInfo, is why 2026.9.6 fails over from Gemini at
 *   once (test/golden/openclaw-2026.9.6/all-models-429.json: no "retry floor"
 *   line for Flash or Pro, one for GPT-4o mini).
 * - the retry floor: `Retry-After: N seconds` (the suffix the transport adds
 *   from the header) or "try again in N<unit>" in the text. An HTTP-date
 *   value is not modelled (the mocks send delta seconds).
 */

const LONG_WINDOW_RATE_LIMIT = /\b(?:daily|weekly|monthly|tokens per day|requests per day|per[- ](?:day|week|month)|usage limit|subscription|insufficient[_ -]?quota|current quota|quota[_ -]?exceeded|(?:go|free)usagelimiterror|available balance|out of budget)\b/i;
const SHORT_RATE_LIMIT_UNIT = /\b(?:requests per minute|tokens per minute|per-minute|rpm|tpm)\b/i;
const RETRY_AFTER_VALUE = /\b(?:retry[- ]after\b\s*:?\s*(?:in\b\s*)?|(?:please\s+)?try again in\s+)([^\r\n;]+)/gi;
const RETRY_AFTER_NUMBER = /^(\d+(?:\.\d+)?|Infinity)\s*([a-z]+)?\b/i;
const UNIT_MS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:milliseconds?|msecs?|ms)$/, 1],
  [/^(?:seconds?|secs?|s)$/, 1_000],
  [/^(?:minutes?|mins?|m)$/, 60_000],
  [/^(?:hours?|hrs?|h)$/, 3_600_000],
  [/^(?:days?|d)$/, 86_400_000],
];

/** `hasLongWindowRateLimitEvidence`: the quota will not come back within a retry window. */
export function hasLongWindowRateLimitEvidence(message: string): boolean {
  return LONG_WINDOW_RATE_LIMIT.test(message) && !SHORT_RATE_LIMIT_UNIT.test(message);
}

/** `retryTextSeconds` × 1000, rounded up: the largest retry floor the text states, or undefined. */
export function retryAfterMsFromText(message: string): number | undefined {
  let floorMs: number | undefined;
  for (const match of message.matchAll(RETRY_AFTER_VALUE)) {
    const valueMs = parseRetryAfterMs(match[1]?.trim() ?? '');
    if (valueMs !== undefined) floorMs = Math.max(floorMs ?? 0, valueMs);
  }
  return floorMs === undefined ? undefined : Math.ceil(floorMs);
}

/** "120 seconds" → 120000; "2m0s" → undefined (the real pattern needs a word boundary after the unit). */
function parseRetryAfterMs(valueText: string): number | undefined {
  const match = RETRY_AFTER_NUMBER.exec(valueText);
  if (match?.[1] === undefined) return undefined;
  const value = /^infinity$/i.test(match[1]) ? Infinity : Number(match[1]);
  if (Number.isNaN(value) || value < 0) return undefined;
  const unit = match[2]?.toLowerCase() ?? 's';
  const unitMs = UNIT_MS.find(([pattern]) => pattern.test(unit))?.[1];
  return unitMs === undefined ? undefined : value * unitMs;
}
