/**
 * compareTrace(expected, actual): does a gateway (a re-recording of the real
 * one, or quotastorm's embedded gateway) behave like the golden trace?
 *
 * Per turn, in order:
 * 1. the same provider requests: provider, model, status and mock outcome,
 *    one for one;
 * 2. the same user-visible texts, exactly;
 * 3. the same timing, within a tolerance: the delay before each request
 *    (its offset from the previous request of the turn — the gateway's
 *    retry/backoff/failover delays), the first request's offset from the
 *    user's message, and the first reply's offset from the last request
 *    before it.
 *
 * Delays, not absolute offsets, are compared so that jitter and per-attempt
 * overhead do not add up along a long chain (20 requests in all-models-429).
 * When the sequences differ, the difference names the first request they do
 * not share, and timing is still compared up to it (and for the first
 * request, whatever it is), so a diff says both what and when.
 * Everything else in a trace (log lines, typing actions, journal excerpts,
 * token counts) is evidence and provenance, not compared.
 */
import type { GoldenTrace, TraceRequest, TraceTurn } from './trace.ts';

export type CompareTolerances = {
  /** Allowed difference of each delay between consecutive requests of a turn. */
  readonly toleranceMs: number;
  /**
   * Allowed difference of the first request's offset from the user's
   * message, and of the first reply's offset from the request before it:
   * Telegram long-poll pickup, prompt assembly and reply delivery vary more
   * than retry spacing does, and a virtual-time gateway spends none of it.
   */
  readonly firstRequestToleranceMs: number;
  /**
   * Extra allowance as a fraction of the expected delay: for 2026.9.6, whose
   * own processing time varies (first turn 4.5–8 s) and whose transient
   * retries are 1 s·2^(n-1)·U(0.5, 1.5) — the recorder seeds them, a gateway
   * with its own PRNG draws others — 0.5 covers both. 2026.2.26 needs 0.
   */
  readonly relativeTolerance: number;
};

/**
 * Measured on a 2-core machine (src/sut/README.md "Tolerance"): 2026.2.26's
 * retry delays land within 10–80 ms of nominal (2000/4000/8000 ms), a
 * failover takes 60–120 ms, its OpenAI SDK retries repeat to within 10 ms
 * (the recorder seeds Math.random). 1000 ms covers that and stays below
 * 2000 ms, the shortest nominal delay, so a missing or extra retry step
 * always shows. The first request follows the message after 0.3–0.5 s
 * (2026.2.26) or 4.5–8 s (2026.9.6's first turn after a start), a reply its
 * request after 0.03–1 s: 3000 ms. 2026.9.6's varying processing time (and,
 * for a gateway with its own PRNG, its ±50 % retry jitter) needs
 * `relativeTolerance: 0.5` (versions.ts `compareTolerances`).
 */
export const DEFAULT_TOLERANCES: CompareTolerances = { toleranceMs: 1_000, firstRequestToleranceMs: 3_000, relativeTolerance: 0 };

export type TraceDifference = { readonly where: string; readonly expected: unknown; readonly actual: unknown; readonly message: string };

export type TraceComparison = { readonly ok: boolean; readonly differences: readonly TraceDifference[] };

export function compareTrace(expected: GoldenTrace, actual: GoldenTrace, tolerances: Partial<CompareTolerances> = {}): TraceComparison {
  const resolved: CompareTolerances = { ...DEFAULT_TOLERANCES, ...tolerances };
  const differences: TraceDifference[] = [];
  const differ = (where: string, expectedValue: unknown, actualValue: unknown, message: string) =>
    differences.push({ where, expected: expectedValue, actual: actualValue, message });

  if (expected.case !== actual.case) differ('case', expected.case, actual.case, 'different trace cases');
  if (expected.turns.length !== actual.turns.length) {
    differ('turns', expected.turns.length, actual.turns.length, 'different number of turns');
  }
  const turns = Math.min(expected.turns.length, actual.turns.length);
  for (let index = 0; index < turns; index++) {
    compareTurn(expected.turns[index]!, actual.turns[index]!, `turns[${index}]`, resolved, differ);
  }
  return { ok: differences.length === 0, differences };
}

type Differ = (where: string, expected: unknown, actual: unknown, message: string) => void;

function compareTurn(expected: TraceTurn, actual: TraceTurn, where: string, tolerances: CompareTolerances, differ: Differ): void {
  const expectedSequence = expected.requests.map(requestKey);
  const actualSequence = actual.requests.map(requestKey);
  const firstDifference = firstDifferenceOf(expectedSequence, actualSequence);
  if (firstDifference !== undefined) {
    differ(`${where}.requests`, expectedSequence, actualSequence, `different provider request sequence, from request ${firstDifference + 1} on`);
  }
  // Timing still counts where the sequences part: the pairs before the first difference, and the first request.
  const timedPairs = Math.max(firstDifference ?? expected.requests.length, Math.min(1, expected.requests.length, actual.requests.length));
  for (let index = 0; index < timedPairs; index++) compareDelay(expected, actual, index, where, tolerances, differ);
  if (JSON.stringify(expected.userTexts) !== JSON.stringify(actual.userTexts)) {
    differ(`${where}.userTexts`, expected.userTexts, actual.userTexts, 'different text for the user');
  }
  if ((expected.firstReplyOffsetMs === null) !== (actual.firstReplyOffsetMs === null)) {
    differ(`${where}.firstReplyOffsetMs`, expected.firstReplyOffsetMs, actual.firstReplyOffsetMs, 'one replied, the other did not');
  } else if (expected.firstReplyOffsetMs !== null && actual.firstReplyOffsetMs !== null) {
    const expectedReply = replyDelay(expected);
    const actualReply = replyDelay(actual);
    if (Math.abs(expectedReply - actualReply) > tolerances.firstRequestToleranceMs) {
      differ(
        `${where}.firstReplyOffsetMs`,
        expectedReply,
        actualReply,
        `the first reply came ${actualReply - expectedReply} ms later after the last request before it than expected (tolerance ${tolerances.firstRequestToleranceMs} ms)`,
      );
    }
  }
}

/** The index of the first request the two sequences do not share, or undefined if they are the same. */
function firstDifferenceOf(expected: readonly string[], actual: readonly string[]): number | undefined {
  const shared = Math.min(expected.length, actual.length);
  for (let index = 0; index < shared; index++) if (expected[index] !== actual[index]) return index;
  return expected.length === actual.length ? undefined : shared;
}

/** The delay before request `index` in both turns, within its tolerance. */
function compareDelay(expected: TraceTurn, actual: TraceTurn, index: number, where: string, tolerances: CompareTolerances, differ: Differ): void {
  const expectedDelay = delayBefore(expected, index);
  const actualDelay = delayBefore(actual, index);
  const tolerance = Math.round((index === 0 ? tolerances.firstRequestToleranceMs : tolerances.toleranceMs) + tolerances.relativeTolerance * Math.abs(expectedDelay));
  if (Math.abs(expectedDelay - actualDelay) <= tolerance) return;
  const request = expected.requests[index]!;
  differ(
    `${where}.requests[${index}].offsetMs`,
    expectedDelay,
    actualDelay,
    `${index === 0 ? 'the first request' : `request ${index + 1} (${requestKey(request)})`} came ${actualDelay - expectedDelay} ms ` +
      `${index === 0 ? 'after the message' : 'after the previous request'} than expected (tolerance ${tolerance} ms)`,
  );
}

/** Offset of request `index` from the previous request of the turn (the first: from the user's message). */
function delayBefore(turn: TraceTurn, index: number): number {
  return turn.requests[index]!.offsetMs - (index === 0 ? 0 : turn.requests[index - 1]!.offsetMs);
}

/** The first reply's offset from the last request that came before it (from the message if none did). */
function replyDelay(turn: TraceTurn): number {
  const replyMs = turn.firstReplyOffsetMs ?? 0;
  const before = turn.requests.filter((request) => request.offsetMs <= replyMs).at(-1);
  return replyMs - (before?.offsetMs ?? 0);
}

/** What identifies a request in a sequence: `gemini/gemini-2.5-flash 429 rate-limited`. */
function requestKey(request: TraceRequest): string {
  return `${request.provider}/${request.model} ${request.status} ${request.outcome}`;
}

/** One line per difference, for the CLI. */
export function formatDifferences(comparison: TraceComparison): string {
  return comparison.differences
    .map((difference) => `  ${difference.where}: ${difference.message}\n    expected ${JSON.stringify(difference.expected)}\n    actual   ${JSON.stringify(difference.actual)}`)
    .join('\n');
}
