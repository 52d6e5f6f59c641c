/**
 * Golden-trace cases where the embedded gateway does not (yet) behave like
 * the real OpenClaw. golden.test.ts asserts that each still differs exactly
 * as listed (`differences`: fingerprint.ts renderings of compareTrace's
 * differences, actual side), so a fix — or a new way of being wrong — fails
 * the test until this file is updated. Never hide a gap by loosening
 * compareTrace's tolerances.
 *
 * Every case of openclaw@2026.2.26 matches; these are all 2026.9.6.
 */
export type KnownGap = {
  readonly case: string;
  readonly version: string;
  /** What differs, in words. */
  readonly summary: string;
  /** Hypothesis: which part of the embedded gateway differs from the real one. */
  readonly why: string;
  readonly differences: readonly string[];
};

/** 2026.9.6's first turn after a start: the first request 4.7–7.8 s after the message (2026.2.26: 0.3–0.5 s). */
const FIRST_TURN_WHY =
  'The real 2026.9.6 spends 4.7–7.8 s before the first provider request of the first turn after a start ' +
  '(log: "[state/database-verify] database integrity verification passed" ~4.5 s in, then prompt assembly; ' +
  'the second turn of all-ok starts after 0.76 s). The embedded gateway models no per-turn processing time ' +
  '(virtual time: 0 ms), and compareTrace allows 3 s. Needs a 2026.9 "first turn after start" delay in ' +
  'gateway.ts/userTurn — or a decision that this is host speed, not behaviour.';

/** 2026.9.6 takes 1.2–1.6 s from a failed first candidate to the next one (0.3 s for the second hop). */
const FAILOVER_GAP_WHY =
  'The real 2026.9.6 takes 1.2–1.6 s from the first failed candidate to the next model ' +
  '(flash→pro 1245/1581 ms, flash→gpt-4o-mini 1170 ms; pro→gpt-4o-mini only 0.3 s); the embedded router ' +
  'fails over in 0 ms. Probably a first-fallback setup cost (model-fallback decision + new run), not a timer.';

/** The fallback notice's detail: the real one formats and truncates the provider error. */
const NOTICE_WHY =
  'Fallback notice detail: the real one reads "HTTP 429: Google Generative AI API error (429): You exceeded ' +
  'your current quota…" (+ " (+1 more attempts)" when more than one candidate failed); the embedded router ' +
  '(router.ts replied → decisions.lastErrorDetail, texts.ts fallbackNotice) puts the raw Gemini JSON body there. ' +
  'The google adapter\'s error message and the notice\'s truncation rule are both missing; one sample is not ' +
  'enough to infer the truncation rule.';

export const KNOWN_GAPS: readonly KnownGap[] = [
  {
    case: 'all-ok',
    version: '2026.9.6',
    summary: 'First request 5223 ms after the message; embedded 0 ms (tolerance 3000 ms). Second turn matches.',
    why: FIRST_TURN_WHY,
    differences: ['turns[0].requests[0].offsetMs: 0'],
  },
  {
    case: 'stale-cron-sessions',
    version: '2026.9.6',
    summary: 'First request 5865 ms after the message; embedded 0 ms. Requests, texts and pruning otherwise match.',
    why: FIRST_TURN_WHY,
    differences: ['turns[0].requests[0].offsetMs: 0'],
  },
  {
    case: 'primary-429-cross-provider-ok',
    version: '2026.9.6',
    summary: 'Same requests (Flash 429 once, GPT-4o mini ok); first request 6551 ms late, failover 1170 ms late; notice detail differs.',
    why: `${FIRST_TURN_WHY} ${FAILOVER_GAP_WHY} ${NOTICE_WHY}`,
    differences: [
      'turns[0].requests[0].offsetMs: 0',
      'turns[0].requests[1].offsetMs: 0',
      'turns[0].userTexts: [↪️ Model Fallback: openai/gpt-4o-mini (selected google/gemini-2.5-flash; {"error… | transmitting the transmitter won\'t do anything, we need to override the virtual …]',
    ],
  },
  {
    case: 'flash-429-pro-429-other-ok',
    version: '2026.9.6',
    summary: 'Same requests (Flash, Pro 429 once each, GPT-4o mini ok); first request ~5 s late, one failover hop ~1.4–1.6 s late (which hop varies between recordings); notice detail differs.',
    why: `${FIRST_TURN_WHY} ${FAILOVER_GAP_WHY} ${NOTICE_WHY}`,
    differences: [
      'turns[0].requests[0].offsetMs: 0',
      'turns[0].requests[2].offsetMs: 0', // the slow hop is Pro → GPT in the 13:52 re-recording (Flash → Pro in the first)
      'turns[0].userTexts: [↪️ Model Fallback: openai/gpt-4o-mini (selected google/gemini-2.5-flash; {"error… | transmitting the transmitter won\'t do anything, we need to override the virtual …]',
    ],
  },
  {
    case: 'all-models-429',
    version: '2026.9.6',
    summary:
      'Same requests (one each); first request 6780 ms late, flash→pro 1245 ms late; the user gets "⚠️ ⚠️ Rate limit reached for gpt-4o-mini … ' +
      '<a href=…>…</a> …; Retry-After: 120 seconds" (the last error, HTML link), embedded "The AI service is temporarily overloaded. …".',
    why:
      `${FIRST_TURN_WHY} ${FAILOVER_GAP_WHY} All-failed reply: texts.ts allFailedReply('2026.9') returns the overloaded text ` +
      '(observed in openclaw-run.md under other conditions); with a 429 chain the real 2026.9.6 sends "⚠️ " + the last ' +
      'attempt\'s error text with the link rendered as Telegram HTML. Which conditions choose which text is unknown.',
    differences: [
      'turns[0].requests[0].offsetMs: 0',
      'turns[0].requests[1].offsetMs: 0',
      'turns[0].userTexts: [The AI service is temporarily overloaded. Please try again in a moment.]',
    ],
  },
  {
    case: 'flash-429-pro-malformed-function-call',
    version: '2026.9.6',
    summary:
      'Real: Flash 429, Pro MALFORMED_FUNCTION_CALL ×4 (~0.2–0.3 s apart), then GPT-4o mini answers with a fallback notice. ' +
      'Embedded: Pro once, then "An unknown error occurred" (the 2026.2.26 behaviour).',
    why:
      'router.ts/classify.ts: a stop-reason error (StopReasonError → reason null → "surfaced") is neither retried nor failed ' +
      'over in either profile; 2026.9.6 retries it on the same model (3 more times, short delays) and then fails over.',
    differences: [
      'turns[0].requests: [gemini/gemini-2.5-flash 429 rate-limited | gemini/gemini-2.5-pro 200 finish-reason]',
      'turns[0].userTexts: [An unknown error occurred]',
    ],
  },
  {
    case: 'empty-stream',
    version: '2026.9.6',
    summary:
      'Real: Flash empty stream ×7 ("transient same-model retry", 1 s·2^(n−1)·U(0.5,1.5) apart), then Pro answers with ' +
      '"↪️ Model Fallback: google/gemini-2.5-pro (selected google/gemini-2.5-flash; timeout)". Embedded: one request, nothing sent.',
    why:
      'The embedded router treats an empty stream as an empty reply (gateway.ts deliver: silent turn, 2026.2.26 behaviour) in both ' +
      'profiles; 2026.9.6 treats it as a transient failure (reason "timeout"), retries the same model and fails over.',
    differences: ['turns[0].requests: [gemini/gemini-2.5-flash 200 empty-stream]', 'turns[0].userTexts: []', 'turns[0].firstReplyOffsetMs: null'],
  },
  {
    case: 'reset-mid-stream',
    version: '2026.9.6',
    summary:
      'Real: Flash reset ×8 (transient same-model retries over ~82 s), then Pro answers with the "…; timeout)" fallback notice. ' +
      'Embedded: one request, then "terminated" sent to the user.',
    why:
      'router.ts sameModelRetryDelayMs retries only reason rate_limit under the 2026.9 "retry-after" policy and a mid-stream ' +
      'reset surfaces its message; 2026.9.6 classifies it as transient/timeout, retries with jittered backoff, then fails over.',
    differences: ['turns[0].requests: [gemini/gemini-2.5-flash 200 reset-after-headers]', 'turns[0].userTexts: [terminated]'],
  },
];
