/**
 * Golden-trace cases where the embedded gateway does not (yet) behave like
 * the real OpenClaw. golden.test.ts asserts that each still differs exactly
 * as listed (`differences`: src/sut/conformance/fingerprint.ts renderings of compareTrace's
 * differences, actual side), so a fix — or a new way of being wrong — fails
 * the test until this file is updated. Never hide a gap by loosening
 * compareTrace's tolerances.
 *
 * Every case of openclaw@2026.2.26 matches; these are all 2026.9.6, and all
 * timing only: the requests, their order and the texts the user gets match
 * (issues #6/#7 closed the fallback notice's detail, the all-failed reply and
 * the transient retries of broken streams; reply-text.ts the trailing space
 * 2026.9.6 trims from a reply). What is
 * left is 2026.9.6's own processing time — on a cold start, on a failover, on
 * each retry — which the embedded gateway, in virtual time, does not spend: see
 * the WHYs.
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

/**
 * 2026.9.6's first turn after a start: the first request 4.7–6.3 s after the message in the golden
 * traces (2026.2.26: 0.3–0.5 s), 9.1–16.7 s in five scratch recordings on the same 2-core host.
 * Host processing speed, not a timer, so not modelled.
 */
const FIRST_TURN_WHY =
  'Host processing speed on a cold start, not behaviour with a duration of its own. Read in the installed dist: the ' +
  'turn waits for work, not for a timer. Its first session write ("session-entry.patch") queues behind SQLite ' +
  'automatic session maintenance, which the first store write after a start runs in a reclamation worker thread ' +
  '(dist/session-accessor.sqlite-entry-UCl9kr-O.mjs "maintenance-plan"); the full file log of scratch recordings shows ' +
  '"slow SQLite session write … queueWaitMs 3312/3748" and "slow SQLite reclamation Worker operation elapsedMs ' +
  '5136/6270 outcome rejected" (the plan is discarded: "inputs changed before commit"), then ~2.5–3 s of prompt ' +
  'and tool-catalogue assembly ("tool-search: cataloged 41 tools") before the request. "database integrity ' +
  'verification passed" is a fire-and-forget worker quick check queued by the first open of the agent database ' +
  '(dist/openclaw-database-verify-Ju-BQfY7.mjs), not a wait. The same case on the same host took 4.7–6.3 s in the ' +
  'golden traces and 9.1–16.7 s in five scratch recordings, following the host\'s load. Warm turns start after ' +
  '0.65–0.92 s (all-ok turn 2; a three-turn scratch case, Pro MALFORMED → GPT), but not always: in a three-turn ' +
  'scratch case Flash 429 → GPT-4o mini, turns 2 and 3 sent their first request after 3.3 s and 6.0 s — turn 3, ' +
  'after 70 s idle, reopened the agent database (another quick check, a transcript write queued 2.6 s), and both ' +
  'spent ~2.5 s between the tool catalogue and the Flash request, which this study did not explain (no timer found ' +
  'on that path either). A constant would only encode one host\'s speed on one kind of turn. ' +
  'Measured with `record … --compare` and /proc sampled every 100 ms: the gateway process used 1.2–1.9 of ' +
  'the host\'s 2 cores from 0.5 s after the message until its first request at 8.4 s (all-ok) and 10.5 s ' +
  '(all-models-429), and was idle (< 0.05 core) before the message and after the last request: work, not a wait. ' +
  'Those recordings of five cases sent their first request 8.1–10.5 s after the message (goldens 4.7–5.2 s).';

/** 2026.9.6 takes 1.2–1.6 s on one step after the first failure of a cold turn (0.2–0.7 s otherwise). */
const FAILOVER_GAP_WHY =
  'Host processing speed on the first failure after a start, not a per-fallback setup. One step after the first ' +
  'failure of the first turn takes 1.2–2.5 s, whichever step comes next: flash→pro in all-models-429 (1174 ms) and ' +
  'flash-429-pro-malformed-function-call (1195 ms), pro→gpt in flash-429-pro-429-other-ok (1361 ms; flash→pro was ' +
  '374 ms), the first empty-error resubmit in a scratch recording (2.4 s), no step at all in another (509 ms). ' +
  'In warm turns of the same scratch cases every hop took 180–700 ms. runWithModelFallback has no timer between ' +
  'candidates (dist/model-fallback-runner-C-B-h8RR.mjs, model-fallback-attempt-BK4U2ttd.mjs: no sleep, no ' +
  'setTimeout); the first failure path loads and runs code a cold process has not run yet. In two scratch ' +
  'recordings all-models-429\'s slow hop was pro→gpt (2,587 and 3,052 ms; golden 310 ms) ' +
  'while flash→pro took 488–565 ms (golden 1,174 ms), the gateway on 1.2–1.9 cores throughout; ' +
  'flash-429-pro-malformed-function-call\'s slow step was the first resubmit (2,331 ms; golden 197 ms). The real ' +
  'gateway failed its own golden there even with 2026.9.6\'s 50 % relative record tolerance (versions.ts).';

/** 2026.9.6's post-turn memory flush, which the embedded 2026.9 profile does not model (docs/design-notes.md "Compaction"). */
const COMPACTION_2026_9_WHY =
  'The embedded 2026.9 profile compacts before the prompt only, as 2026.9.6 does (safeguard mode turns pi\'s after-run ' +
  'check off), and runs its pre-compaction memory flush after the reply (src/gateway/memory-flush.ts: session ' +
  'maintenance → runMemoryFlushIfNeeded at 40,000 − 10,000 − 4,000 = 26,000 tokens, once per compaction cycle, on a ' +
  'copy of the session), so turns 1–3 make the same requests in the same order and the flush draws its mock reply: ' +
  'turn 3\'s text matches. Turn 4 summarises in 3 calls as 2026.9.6 does (the previous summary goes in as a first ' +
  'message and is its own chunk: 522, 8,560, 612 tokens in against 1,186, 8,681, 718 — the real previous summary also ' +
  'carries the safeguard\'s appended sections, preserved recent turns and workspace rules, not modelled), and draws ' +
  'the same reply, delivered without its trailing space as 2026.9.6 trims it (src/gateway/reply-text.ts). ' +
  'Left otherwise: gaps of host processing time the embedded gateway, in virtual time, does not spend: the ' +
  'first flush 1,178 ms after its turn\'s request (reply delivered 445 ms after it; the later flushes follow 499 and ' +
  '371 ms after theirs — the first loads the flush\'s runtime modules) and turn 3\'s request 1,202 ms after its second ' +
  'summary call (the post-compaction rebuild of the prompt; turn 4\'s follows its third in 2,031 ms).';

/**
 * 2026.9.6 spends 0.2–1.3 s rebuilding each same-model retry after its timer, which the embedded gateway, in virtual
 * time, does not spend: the timers themselves (the `delayMs` of each "transient same-model retry n/8" line) match to
 * the millisecond.
 */
const RETRY_SETUP_WHY =
  'Host processing speed on each retry, not a longer timer. The embedded gateway draws the same jittered delays from the ' +
  'stream the recorder seeded the real Math.random with, and its log lines carry the same delayMs (anthropic-529-gpt-ok: ' +
  '882, 2478, 4157, 4353, 16434, 20483, 30000 ms in both); the real gateway then rebuilds the attempt before the request ' +
  '(its file log shows "tool-search: cataloged 41 tools behind compact prompt surface" and "Preserved orphaned user ' +
  'message without removing the active session leaf" between the timer and the request), 0.2–1.3 s per retry in these ' +
  'recordings, the 1.2–1.4 s hops on the first and the longest waits; 5.1 s after a 120 s wait (openai-only-429), ' +
  'when the idle agent database is reopened as FIRST_TURN_WHY describes for a turn after 70 s idle.';

/**
 * The Activity recap's requests are modelled (src/gateway/activity-recap.ts); where they land among the turn's requests
 * follows the real gateway's own processing.
 */
const RECAP_TIMING_WHY =
  'Host processing speed, not the recap\'s schedule. The real gateway starts the recap when the user message reaches the ' +
  'transcript and then spends 2.1–3.3 s on the cold turn (tool catalogue, prompt) before the turn\'s first request; the ' +
  'embedded gateway, in virtual time, sends both at once. The 90 s refresh interval runs from the recap\'s start ' +
  '(REFRESH_MS, dist/server-runtime-subscriptions-CBZue5ta.mjs `schedule`: lastStartedAt + REFRESH_MS), so the recap ' +
  'after the reply follows it by 0.6 s in the real gateway, whose turn spent ~10 s more on processing, and by 11 s in ' +
  'the embedded one; the order of the requests is the same.';

/*
 * Looked into and not a gap: openclaw@2026.2.26 delivering a burst's first reply 3.6–5.1 s after Pro's 200 in
 * real-time recordings. It is the first reply after a start, burst or not, and it is CPU work, not a timer. The golden trace
 * test/golden/openclaw-2026.2.26/burst-flash-429-pro-ok.json, recorded in virtual time (a timer would take its
 * virtual time), delivers each reply 5 ms after its 200. The same case in real time (scratch recording, a warm-up
 * message first): the warm-up reply, alone, 1,855 ms after its 200; the burst's replies 33 ms after theirs. Without
 * the warm-up message, the burst's first reply was the first after the start: 2,006 ms. The embedded gateway
 * matches the virtual-time golden.
 */

export const KNOWN_GAPS: readonly KnownGap[] = [
  {
    case: 'all-ok',
    version: '2026.9.6',
    summary: 'First request 4814 ms after the message; embedded 0 ms (tolerance 3000 ms). Texts and the second turn match.',
    why: FIRST_TURN_WHY,
    differences: ['turns[0].requests[0].offsetMs: 0'],
  },
  {
    case: 'stale-cron-sessions',
    version: '2026.9.6',
    summary: 'First request 6287 ms after the message; embedded 0 ms. Requests, texts and pruning otherwise match.',
    why: FIRST_TURN_WHY,
    differences: ['turns[0].requests[0].offsetMs: 0'],
  },
  {
    case: 'primary-429-cross-provider-ok',
    version: '2026.9.6',
    summary: 'Requests and texts match (notice "HTTP 429: Google Generative AI API error (429): You exceeded your current quota…"); first request 5220 ms late, the failover 1529 ms late.',
    why: `${FIRST_TURN_WHY} ${FAILOVER_GAP_WHY}`,
    differences: ['turns[0].requests[0].offsetMs: 0', 'turns[0].requests[1].offsetMs: 0'],
  },
  {
    case: 'flash-429-pro-429-other-ok',
    version: '2026.9.6',
    summary: 'Requests and texts match (notice "… (+1 more attempts)"); first request 5093 ms late, the Pro → GPT-4o mini hop 1361 ms late.',
    why: `${FIRST_TURN_WHY} ${FAILOVER_GAP_WHY}`,
    differences: ['turns[0].requests[0].offsetMs: 0', 'turns[0].requests[2].offsetMs: 0'],
  },
  {
    case: 'all-models-429',
    version: '2026.9.6',
    summary: 'Requests and the reply ("⚠️ ⚠️ Rate limit reached for gpt-4o-mini … <a href=…>…</a> …") match; first request 4975 ms late, flash→pro 1174 ms late.',
    why: `${FIRST_TURN_WHY} ${FAILOVER_GAP_WHY}`,
    differences: ['turns[0].requests[0].offsetMs: 0', 'turns[0].requests[1].offsetMs: 0'],
  },
  {
    case: 'flash-429-pro-malformed-function-call',
    version: '2026.9.6',
    summary: 'Requests (Flash 429, Pro ×4 resubmitted at once, GPT-4o mini) and texts match; first request 4667 ms late, flash→pro 1195 ms late.',
    why: `${FIRST_TURN_WHY} ${FAILOVER_GAP_WHY}`,
    differences: ['turns[0].requests[0].offsetMs: 0', 'turns[0].requests[1].offsetMs: 0'],
  },
  {
    case: 'empty-stream',
    version: '2026.9.6',
    summary: 'Requests (Flash ×7 at the same jittered delays, then Pro) and texts ("…; timeout)" notice) match; first request 4948 ms late.',
    why: FIRST_TURN_WHY,
    differences: ['turns[0].requests[0].offsetMs: 0'],
  },
  {
    case: 'reset-mid-stream',
    version: '2026.9.6',
    summary: 'Requests (Flash ×7, then Pro) and texts match; first request 5433 ms late.',
    why: FIRST_TURN_WHY,
    differences: ['turns[0].requests[0].offsetMs: 0'],
  },
  {
    case: 'compaction-context-tokens-cap-ignored',
    version: '2026.9.6',
    summary:
      'Requests (Flash ×4, 20,593 → 46,428 tokens, no compaction: agents.defaults.contextTokens deleted at load) and texts match; ' +
      'first request 8578 ms late, turn 4\'s 4165 ms late (a warm turn with a 46K-token prompt).',
    why: FIRST_TURN_WHY,
    differences: ['turns[0].requests[0].offsetMs: 0', 'turns[3].requests[0].offsetMs: 0'],
  },
  {
    case: 'compaction-model-window',
    version: '2026.9.6',
    summary:
      'Real: Flash ×1; the turn + memory flush; summary ×2, the turn, flush; summary ×3, the turn, flush. Embedded: the same, ' +
      'texts included. First request 9981 ms late; post-reply/post-summary gaps of 1.2–2 s.',
    why: `${COMPACTION_2026_9_WHY} ${FIRST_TURN_WHY}`,
    differences: [
      'turns[0].requests[0].offsetMs: 0',
      'turns[1].requests[1].offsetMs: 0',
      'turns[2].requests[2].offsetMs: 0',
      'turns[3].requests[3].offsetMs: 0',
    ],
  },
  {
    case: 'openai-only-insufficient-quota',
    version: '2026.9.6',
    summary:
      'Requests (the recap on openai/gpt-5.6-luna: 404, then GPT-4o mini 429 insufficient_quota) and the billing copy match; ' +
      'the recap 8945 ms late, the turn\'s request 3348 ms after it.',
    why: `${FIRST_TURN_WHY} ${RECAP_TIMING_WHY}`,
    differences: ['turns[0].requests[0].offsetMs: 0', 'turns[0].requests[1].offsetMs: 0'],
  },
  {
    case: 'anthropic-only-529',
    version: '2026.9.6',
    summary:
      'Requests (the recap on anthropic/claude-haiku-4-5, then Sonnet ×7 at the same jittered delays) and the overload copy match; ' +
      'the recap 7011 ms late, the first Sonnet request 2085 ms after it, the last retry 1440 ms late.',
    why: `${FIRST_TURN_WHY} ${RECAP_TIMING_WHY} ${RETRY_SETUP_WHY}`,
    differences: ['turns[0].requests[0].offsetMs: 0', 'turns[0].requests[1].offsetMs: 0', 'turns[0].requests[7].offsetMs: 30000'],
  },
  {
    case: 'anthropic-529-gpt-ok',
    version: '2026.9.6',
    summary:
      'Requests (recap, Sonnet ×8, GPT-4o mini, recap) and texts match; the cold start, two retries 1.2 s late, the failover ' +
      '1777 ms late, the second recap 11,213 ms after the reply\'s request (real: 637 ms).',
    why: `${FIRST_TURN_WHY} ${RECAP_TIMING_WHY} ${RETRY_SETUP_WHY} ${FAILOVER_GAP_WHY}`,
    differences: [
      'turns[0].requests[0].offsetMs: 0',
      'turns[0].requests[1].offsetMs: 0',
      'turns[0].requests[2].offsetMs: 882',
      'turns[0].requests[7].offsetMs: 20483',
      'turns[0].requests[9].offsetMs: 0',
      'turns[0].requests[10].offsetMs: 11213',
    ],
  },
  {
    case: 'flash-503-pro-ok',
    version: '2026.9.6',
    summary:
      'Requests (Flash 503 ×7 retried as an overload at the same jittered delays, then Pro) and texts match; first request ' +
      '6228 ms late, the last retry 1273 ms late, flash→pro 2331 ms late.',
    why: `${FIRST_TURN_WHY} ${RETRY_SETUP_WHY} ${FAILOVER_GAP_WHY}`,
    differences: ['turns[0].requests[0].offsetMs: 0', 'turns[0].requests[6].offsetMs: 29437', 'turns[0].requests[7].offsetMs: 0'],
  },
  {
    case: 'burst-flash-429-pro-ok',
    version: '2026.9.6',
    summary:
      'The burst (turns 2 and 3: Flash 429, Pro, answered before the next message) matches; the warm-up turn\'s first ' +
      'request 11,501 ms late, flash→pro 3221 ms late.',
    why: `${FIRST_TURN_WHY} ${FAILOVER_GAP_WHY}`,
    differences: ['turns[0].requests[0].offsetMs: 0', 'turns[0].requests[1].offsetMs: 0'],
  },
  {
    case: 'openai-only-429',
    version: '2026.9.6',
    summary:
      'Requests (the recap on openai/gpt-5.6-luna: 404, GPT-4o mini 429, its retry 120 s later) and the unfinished turn ' +
      'match; the recap 8785 ms late, the turn\'s request 3044 ms after it, the retry 5051 ms late.',
    why: `${FIRST_TURN_WHY} ${RECAP_TIMING_WHY} ${RETRY_SETUP_WHY}`,
    differences: ['turns[0].requests[0].offsetMs: 0', 'turns[0].requests[1].offsetMs: 0', 'turns[0].requests[2].offsetMs: 120000'],
  },
];
