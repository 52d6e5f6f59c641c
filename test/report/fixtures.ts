/**
 * Run results for the renderer tests, built from a seed so they look like a
 * real run (uneven per-minute traffic, a burst, a cascade) and stay the same
 * bytes on every machine. Four shapes: the fixed config passing 6/6, the
 * Feb 27 config failing with a full cascade and a first failure, a run with
 * a check in `error`, and a run cut short.
 *
 * Only `prng.int` is drawn (integer arithmetic), so no platform's Math.log
 * or Math.cos can shift a golden file.
 */
import { createPrng, type Prng } from '../../src/clock/prng.ts';
import type { CheckResult, FailoverAttempts, ModelUsage, RunResult } from '../../src/scenario/result.ts';

const MINUTE_MS = 60_000;
const SIX_HOURS_MS = 6 * 60 * MINUTE_MS;

/** `1420000` → `1,420,000`, independent of the renderer's formatter so tests do not grade it against itself. */
function n(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

type UsageSpec = {
  readonly modelRef: string;
  readonly minutes: number;
  readonly requests: number;
  readonly ok: number;
  readonly rateLimited: number;
  readonly tokensPerRequest: number;
  readonly outputTokensPerOk: number;
  readonly limits: ModelUsage['limits'];
  /** Minutes [from, to) with traffic; default the whole run. */
  readonly from?: number;
  readonly to?: number;
  /** Minutes [from, to) with four times the traffic. */
  readonly burst?: readonly [number, number];
  /** Scales tokens so the busiest minute sends this many, e.g. the incident's 1,420,000. */
  readonly peakTokens?: number;
};

function usage(rng: Prng, spec: UsageSpec): ModelUsage {
  const from = spec.from ?? 0;
  const to = spec.to ?? spec.minutes;
  const weights = Array.from({ length: to - from }, (_, i) => {
    const minute = from + i;
    const inBurst = spec.burst !== undefined && minute >= spec.burst[0] && minute < spec.burst[1];
    return rng.int(1, 4) * (inBurst ? 4 : 1);
  });
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const requests = new Array<number>(to - from).fill(0);
  for (let i = 0; i < spec.requests; i++) {
    let draw = rng.int(0, totalWeight - 1);
    let index = 0;
    while (draw >= weights[index]!) draw -= weights[index++]!;
    requests[index]!++;
  }
  const drawn = requests.map((count) => count * (spec.tokensPerRequest + rng.int(-2_000, 2_000)));
  // Scaled so the busiest minute is exactly `peakTokens` (the incident's 1.42M), the rest in proportion.
  const busiest = Math.max(...drawn);
  const tokens = spec.peakTokens === undefined ? drawn : drawn.map((value) => Math.round((value * spec.peakTokens!) / busiest));
  const perMinute = requests
    .map((count, i) => ({ minute: from + i, tokens: tokens[i]!, requests: count }))
    .filter((point) => point.requests > 0);
  const peakTokens = Math.max(0, ...perMinute.map((point) => point.tokens));
  const peakRequests = Math.max(0, ...perMinute.map((point) => point.requests));
  return {
    modelRef: spec.modelRef,
    requests: spec.requests,
    ok: spec.ok,
    rateLimited: spec.rateLimited,
    otherErrors: spec.requests - spec.ok - spec.rateLimited,
    inputTokensSent: perMinute.reduce((sum, point) => sum + point.tokens, 0),
    outputTokens: spec.ok * spec.outputTokensPerOk,
    peakTokensPerMinute: { value: peakTokens, atMs: (perMinute.find((p) => p.tokens === peakTokens)?.minute ?? 0) * MINUTE_MS },
    peakRequestsPerMinute: { value: peakRequests, atMs: (perMinute.find((p) => p.requests === peakRequests)?.minute ?? 0) * MINUTE_MS },
    largestRequestTokens: Math.max(0, ...perMinute.map((point) => Math.ceil(point.tokens / point.requests))),
    limits: spec.limits,
    perMinute,
  };
}

function idle(modelRef: string, limits: ModelUsage['limits']): ModelUsage {
  return {
    modelRef,
    requests: 0,
    ok: 0,
    rateLimited: 0,
    otherErrors: 0,
    inputTokensSent: 0,
    outputTokens: 0,
    peakTokensPerMinute: { value: 0, atMs: 0 },
    peakRequestsPerMinute: { value: 0, atMs: 0 },
    largestRequestTokens: 0,
    limits,
    perMinute: [],
  };
}

const LIMITS = {
  flash: { tokensPerMinute: 1_000_000, requestsPerMinute: 1_000, requestsPerDay: 10_000 },
  pro: { tokensPerMinute: 2_000_000, requestsPerMinute: 150, requestsPerDay: 10_000 },
  claude: { tokensPerMinute: 450_000, requestsPerMinute: 1_000 },
  gpt: { tokensPerMinute: 500_000, requestsPerMinute: 500 },
  kimi: { tokensPerMinute: 2_000_000, requestsPerMinute: 200 },
  grok: { tokensPerMinute: 2_000_000, requestsPerMinute: 480 },
} as const;

const BEFORE_CHAIN = [
  'google/gemini-2.5-flash',
  'google/gemini-2.5-pro',
  'anthropic/claude-haiku-4-5',
  'anthropic/claude-sonnet-4-6',
  'anthropic/claude-opus-4-6',
  'openai/gpt-5.2',
  'moonshot/kimi-k2.5',
  'moonshot/kimi-k2-thinking',
  'xai/grok-3',
] as const;

const AFTER_CHAIN = [
  'google/gemini-2.5-flash',
  'moonshot/kimi-k2.5',
  'anthropic/claude-haiku-4-5',
  'openai/gpt-5.2',
  'google/gemini-2.5-pro',
  'moonshot/kimi-k2-thinking',
  'xai/grok-3',
  'anthropic/claude-sonnet-4-6',
  'anthropic/claude-opus-4-6',
] as const;

function rootCauses(config: 'before' | 'after'): RunResult['rootCauses'] {
  const chain = (config === 'before' ? BEFORE_CHAIN : AFTER_CHAIN).join(' → ');
  const before = config === 'before';
  return [
    before
      ? { id: 'first-fallback-provider', setting: 'agents.defaults.model', value: chain, status: 'risk', why: "The first fallback, google/gemini-2.5-pro, is on the primary's provider (google): a quota shared across the provider's models refuses both." }
      : { id: 'first-fallback-provider', setting: 'agents.defaults.model', value: chain, status: 'ok', why: 'The first fallback is on another provider; the chain spans 5 providers.' },
    before
      ? { id: 'heartbeat-model', setting: 'agents.defaults.heartbeat.model', value: 'google/gemini-2.5-flash every 30m', status: 'risk', why: "Heartbeats run on the primary's provider (google) and replay the main session's transcript, spending the quota user turns need." }
      : { id: 'heartbeat-model', setting: 'agents.defaults.heartbeat.model', value: 'moonshot/kimi-k2.5 every 30m', status: 'ok', why: "Heartbeats are metered against another provider's quota." },
    before
      ? { id: 'session-maintenance', setting: 'session.maintenance', value: 'warn, maxEntries 500, pruneAfter 30d', status: 'risk', why: 'warn mode evicts nothing: stale cron-run sessions stay in the store.' }
      : { id: 'session-maintenance', setting: 'session.maintenance', value: 'enforce, maxEntries 15, pruneAfter 6h', status: 'ok', why: 'Stale entries are pruned and the store is capped on every store write.' },
    before
      ? { id: 'context-pruning', setting: 'agents.defaults.contextPruning.mode', value: 'off', status: 'risk', why: 'Old tool results are resent in full on every turn.' }
      : { id: 'context-pruning', setting: 'agents.defaults.contextPruning.mode', value: 'cache-ttl, ttl 5m', status: 'ok', why: 'Trims old tool results once the ttl has passed since the session last called a model.' },
    before
      ? { id: 'telegram-skill-commands', setting: 'commands.nativeSkills', value: 'on (auto is on for Telegram)', status: 'risk', why: "Every eligible skill joins the bot's command menu (BOT_COMMANDS_TOO_MUCH over 100 commands)." }
      : { id: 'telegram-skill-commands', setting: 'commands.nativeSkills', value: 'off', status: 'ok', why: 'Only built-in commands are registered in the menu.' },
    { id: 'context-tokens', setting: 'agents.defaults.contextTokens', value: before ? '256,000 tokens' : '170,000 tokens', status: 'note', why: 'Bounds the tokens each turn sends, and so the TPM a burst of turns spends.' },
    { id: 'max-concurrent', setting: 'agents.defaults.maxConcurrent', value: '4', status: 'note', why: 'Turns (user messages and heartbeats) running at once on the main lane.' },
  ];
}

/** The fixture checks' layers: what users saw, what the gateway absorbed, what the providers saw. */
const LAYER_OF: Readonly<Record<string, CheckResult['layer']>> = {
  'user-replies': 'users',
  'peak-tpm': 'providers',
  'heartbeat-quota': 'providers',
};

function check(check: string, title: string, status: CheckResult['status'], summary: string, figures: Record<string, number>, evidence: string[], step?: string): CheckResult {
  return { check, title, step, layer: LAYER_OF[check] ?? 'gateway', status, summary, evidence, figures };
}

function verdictOf(checks: readonly CheckResult[]): RunResult['verdict'] {
  const passed = checks.filter((c) => c.status === 'pass').length;
  const failed = checks.filter((c) => c.status === 'fail').length;
  const errors = checks.filter((c) => c.status === 'error').length;
  const notApplicable = checks.filter((c) => c.status === 'n/a').length;
  return { passed, failed, errors, notApplicable, total: checks.length, ok: failed === 0 && errors === 0 };
}

/** Every message answered: the accounting of a run that dropped nothing and left nothing pending. */
function allAnswered(replied: number, errorReplies: number): RunResult['messages'] {
  return { sent: replied + errorReplies, replied, errorReplies, dropped: 0, pending: 0, dropReasons: [] };
}

/** Reply times of `answered` messages, none dropped or pending; `[p50, p95, p99, max]` in ms. */
function waited(answered: number, reply: readonly [number, number, number, number], failedOver = 0, firstFallback?: readonly [number, number, number, number]): RunResult['replyTime'] {
  const percentiles = ([p50Ms, p95Ms, p99Ms, maxMs]: readonly [number, number, number, number]) => ({ p50Ms, p95Ms, p99Ms, maxMs });
  return { answered, dropped: 0, pending: 0, reply: percentiles(reply), failedOver, ...(firstFallback === undefined ? {} : { firstFallback: percentiles(firstFallback) }) };
}

/** A sampled session count and the start/peak/end figures that agree with it. */
function sessionSeries(rng: Prng, start: number, totalMs: number, everyMs: number, step: (count: number, atMs: number) => number): RunResult['sessions'] {
  const series = [{ atMs: 0, count: start }];
  let count = start;
  for (let atMs = everyMs; atMs < totalMs; atMs += everyMs + rng.int(0, 3) * MINUTE_MS) {
    count = step(count, atMs);
    series.push({ atMs, count });
  }
  return { atStart: start, atEnd: count, peak: Math.max(...series.map((point) => point.count)), series };
}

const SCENARIO = { name: 'stress-suite', file: 'scenarios/stress-suite.json5', sha256: '5e1f0c8a9b7d6e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f' } as const;
const CONFIG_SHA = {
  before: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  after: '60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752',
} as const;

/** The fixed config: every check passes, one short Gemini 429 spell fails over to Kimi. */
export function passingRun(): RunResult {
  const rng = createPrng(20260227).fork('passing');
  const minutes = SIX_HOURS_MS / MINUTE_MS;
  const flash = usage(rng.fork('flash'), { modelRef: 'google/gemini-2.5-flash', minutes, requests: 534, ok: 530, rateLimited: 4, tokensPerRequest: 168_000, outputTokensPerOk: 900, limits: LIMITS.flash, burst: [150, 200], peakTokens: 612_000 });
  const kimi = usage(rng.fork('kimi'), { modelRef: 'moonshot/kimi-k2.5', minutes, requests: 16, ok: 16, rateLimited: 0, tokensPerRequest: 24_000, outputTokensPerOk: 300, limits: LIMITS.kimi });
  const served429 = flash.rateLimited + kimi.rateLimited;
  const checks = [
    check('rate-limit-lines', 'No rate-limit lines in gateway.err.log', 'pass', `0 rate-limit lines in gateway.err.log · ${served429} × 429 served, all absorbed by fallback`, { rateLimitLines: 0, served429 }, ['grep -c "rate limit" gateway.err.log → 0', `journal: ${served429} × 429 RESOURCE_EXHAUSTED on google/gemini-2.5-flash, each answered by moonshot/kimi-k2.5`]),
    check('bot-commands', 'Telegram command menu accepted', 'pass', '0 BOT_COMMANDS_TOO_MUCH lines · setMyCommands with 39 commands (limit 100)', { botCommandsTooMuchLines: 0, commands: 39, limit: 100 }, ['telegram journal #3: setMyCommands 39 commands → 200 ok']),
    check('session-count', 'Session count ≤ 20 after activity', 'pass', '9 sessions after activity (limit 20)', { sessionsAtEnd: 9, limit: 20 }, ['store at +06:00:00: agent:main:main, 8 cron runs younger than 6h', 'maintenance pruned 48 stale cron-run sessions at +00:00:01'], 'after-activity'),
    check('user-replies', 'Every user message answered', 'pass', '530 of 530 user turns answered · 0 error replies', { answered: 530, userTurns: 530, errorReplies: 0 }, ['4 turns answered by moonshot/kimi-k2.5 after a Gemini 429']),
    check('peak-tpm', 'Primary stays under its TPM limit', 'pass', `peak ${n(flash.peakTokensPerMinute.value)} TPM of 1,000,000 on google/gemini-2.5-flash`, { peakTokensPerMinute: flash.peakTokensPerMinute.value, limit: 1_000_000 }, [`busiest window began at minute ${flash.peakTokensPerMinute.atMs / MINUTE_MS}`]),
    check('heartbeat-quota', "Heartbeats off the primary's quota", 'pass', '0 of 12 heartbeat requests on google/gemini-2.5-flash', { heartbeatsOnPrimary: 0, heartbeats: 12 }, ['12 heartbeats → moonshot/kimi-k2.5']),
  ];
  return {
    quotastorm: { version: '0.1.0' },
    scenario: { ...SCENARIO, variant: undefined },
    config: { file: 'scenarios/configs/feb27-after.json5', sha256: CONFIG_SHA.after, profile: '2026.2' },
    seed: 20260227,
    reproduce: 'node src/cli.ts run scenarios/stress-suite.json5 --config scenarios/configs/feb27-after.json5 --seed 20260227',
    startedAt: '2026-02-27T08:00:00.000Z',
    simulatedMs: SIX_HOURS_MS,
    incomplete: false,
    verdict: verdictOf(checks),
    checks,
    steps: [
      { name: 'warm-up', fromMs: 0, toMs: 30 * MINUTE_MS },
      { name: 'after-activity', fromMs: 30 * MINUTE_MS, toMs: SIX_HOURS_MS },
    ],
    messages: allAnswered(530, 0),
    replyTime: waited(530, [2_140, 14_812, 31_020, 33_215], 4, [1_208, 1_530, 1_530, 1_530]),
    turns: { user: 530, heartbeat: 12, cron: 48, silent: 0 },
    deliveries: {
      replies: 530,
      errorReplies: 0,
      surfacedErrors: 0,
      notices: 0,
      silentTurns: 0,
      examples: [{ atMs: 61_000, kind: 'reply', text: 'Sure — here is the summary of the thread you sent.' }],
    },
    usage: [flash, kimi, idle('anthropic/claude-haiku-4-5', LIMITS.claude), idle('openai/gpt-5.2', LIMITS.gpt)],
    failover: [
      { modelRef: 'google/gemini-2.5-flash', attempts: 530, failed: 4, reasons: { rate_limit: 4 }, succeeded: 526, next: { 'moonshot/kimi-k2.5': 4 } },
      { modelRef: 'moonshot/kimi-k2.5', attempts: 16, failed: 0, reasons: {}, succeeded: 16, next: {} },
    ],
    attemptsByOrigin: [{ origin: 'heartbeat', modelRef: 'moonshot/kimi-k2.5', attempts: 16 }, { origin: 'user', modelRef: 'google/gemini-2.5-flash', attempts: 530 }],
    sessions: sessionSeries(rng.fork('sessions'), 57, SIX_HOURS_MS, 30 * MINUTE_MS, (count, atMs) => (atMs < 40 * MINUTE_MS ? 8 : Math.min(count + 1, 9))),
    logs: { rateLimitLines: 0, botCommandsTooMuchLines: 0, errorLines: 0 },
    firstFailure: undefined,
    rootCauses: rootCauses('after'),
  };
}

/** The Feb 27 config: Gemini over its TPM, the cascade down all nine models, error replies, stale sessions. */
export function failingBeforeRun(): RunResult {
  const rng = createPrng(20260227).fork('before');
  const minutes = SIX_HOURS_MS / MINUTE_MS;
  const burst = [40, 70] as const;
  const u = (modelRef: string, spec: Omit<UsageSpec, 'modelRef' | 'minutes'>) => usage(rng.fork(modelRef), { modelRef, minutes, ...spec });
  const usageRows = [
    u('google/gemini-2.5-flash', { requests: 1_284, ok: 482, rateLimited: 802, tokensPerRequest: 236_000, outputTokensPerOk: 850, limits: LIMITS.flash, burst, peakTokens: 1_420_000 }),
    u('google/gemini-2.5-pro', { requests: 480, ok: 0, rateLimited: 480, tokensPerRequest: 256_000, outputTokensPerOk: 0, limits: LIMITS.pro, burst, from: 38, to: 120 }),
    u('anthropic/claude-haiku-4-5', { requests: 160, ok: 0, rateLimited: 0, tokensPerRequest: 256_000, outputTokensPerOk: 0, limits: LIMITS.claude, burst, from: 38, to: 120 }),
    u('anthropic/claude-sonnet-4-6', { requests: 160, ok: 0, rateLimited: 0, tokensPerRequest: 256_000, outputTokensPerOk: 0, limits: LIMITS.claude, burst, from: 38, to: 120 }),
    u('anthropic/claude-opus-4-6', { requests: 160, ok: 0, rateLimited: 0, tokensPerRequest: 256_000, outputTokensPerOk: 0, limits: LIMITS.claude, burst, from: 38, to: 120 }),
    u('openai/gpt-5.2', { requests: 278, ok: 42, rateLimited: 236, tokensPerRequest: 256_000, outputTokensPerOk: 1_100, limits: LIMITS.gpt, burst, from: 38, to: 120 }),
    u('moonshot/kimi-k2.5', { requests: 118, ok: 0, rateLimited: 112, tokensPerRequest: 256_000, outputTokensPerOk: 0, limits: LIMITS.kimi, burst, from: 38, to: 120 }),
    u('moonshot/kimi-k2-thinking', { requests: 118, ok: 0, rateLimited: 118, tokensPerRequest: 256_000, outputTokensPerOk: 0, limits: LIMITS.kimi, burst, from: 38, to: 120 }),
    u('xai/grok-3', { requests: 118, ok: 0, rateLimited: 0, tokensPerRequest: 256_000, outputTokensPerOk: 0, limits: LIMITS.grok, burst, from: 38, to: 120 }),
  ];
  const [flash] = usageRows;
  const served429 = usageRows.reduce((sum, row) => sum + row.rateLimited, 0);
  const failover = beforeCascade();
  const checks = [
    check('rate-limit-lines', 'No rate-limit lines in gateway.err.log', 'fail', `1,184 rate-limit lines in gateway.err.log · ${n(served429)} × 429 served`, { rateLimitLines: 1_184, served429 }, ['grep -c "rate limit" gateway.err.log → 1184', '08:41:07 [agent/embedded] embedded run agent end: runId=r-0412 isError=true error=⚠️ API rate limit reached. Please try again later.', `journal: ${n(served429)} × 429 across 5 models, first at +00:41:05 (google/gemini-2.5-flash, tokensPerMinute)`]),
    check('bot-commands', 'Telegram command menu accepted', 'pass', '0 BOT_COMMANDS_TOO_MUCH lines · setMyCommands with 44 commands (limit 100)', { botCommandsTooMuchLines: 0, commands: 44, limit: 100 }, ['telegram journal #3: setMyCommands 44 commands → 200 ok']),
    check('session-count', 'Session count ≤ 20 after activity', 'fail', '61 sessions after activity (limit 20)', { sessionsAtEnd: 61, limit: 20 }, ['56 stale agent:main:cron:<job>:run:<id> sessions kept (maintenance mode warn)', 'store at +06:00:00: 61 entries'], 'after-activity'),
    check('user-replies', 'Every user message answered', 'fail', '524 of 642 user turns answered · 118 error replies', { answered: 524, userTurns: 642, errorReplies: 118 }, ['first error reply at +00:41:07 to chat 424242', '118 × "⚠️ Agent failed before reply: All models failed (9): …"']),
    check('peak-tpm', 'Primary stays under its TPM limit', 'fail', `peak ${n(flash!.peakTokensPerMinute.value)} TPM of 1,000,000 on google/gemini-2.5-flash`, { peakTokensPerMinute: flash!.peakTokensPerMinute.value, limit: 1_000_000 }, [`busiest window began at minute ${flash!.peakTokensPerMinute.atMs / MINUTE_MS}`, 'heartbeat at +00:30:00 replayed the main transcript (236,112 tokens) on the primary']),
    check('heartbeat-quota', "Heartbeats off the primary's quota", 'fail', '12 of 12 heartbeat requests on google/gemini-2.5-flash', { heartbeatsOnPrimary: 12, heartbeats: 12 }, ['heartbeat.model unset: heartbeats run on the primary']),
  ];
  return {
    quotastorm: { version: '0.1.0' },
    scenario: { ...SCENARIO, variant: undefined },
    config: { file: 'scenarios/configs/feb27-before.json5', sha256: CONFIG_SHA.before, profile: '2026.2' },
    seed: 20260227,
    reproduce: 'node src/cli.ts run scenarios/stress-suite.json5 --config scenarios/configs/feb27-before.json5 --seed 20260227',
    startedAt: '2026-02-27T08:00:00.000Z',
    simulatedMs: SIX_HOURS_MS,
    incomplete: false,
    verdict: verdictOf(checks),
    checks,
    steps: [
      { name: 'warm-up', fromMs: 0, toMs: 30 * MINUTE_MS },
      { name: 'after-activity', fromMs: 30 * MINUTE_MS, toMs: SIX_HOURS_MS },
    ],
    messages: allAnswered(524, 118),
    replyTime: waited(642, [4_210, 41_305, 58_110, 62_400], 130, [1_150, 30_250, 31_100, 31_480]),
    turns: { user: 642, heartbeat: 12, cron: 48, silent: 0 },
    deliveries: {
      replies: 524,
      errorReplies: 118,
      surfacedErrors: 0,
      notices: 0,
      silentTurns: 0,
      examples: [
        { atMs: 61_000, kind: 'reply', text: 'Sure — here is the summary of the thread you sent.' },
        {
          atMs: 2_467_000,
          kind: 'error',
          text:
            '⚠️ Agent failed before reply: All models failed (9): google/gemini-2.5-flash: ⚠️ API rate limit reached. Please try again later. (rate_limit) | google/gemini-2.5-pro: ⚠️ API rate limit reached. Please try again later. (rate_limit) | … | xai/grok-3: context length exceeded (context_overflow).\nLogs: openclaw logs --follow',
        },
      ],
    },
    usage: usageRows,
    failover,
    attemptsByOrigin: [{ origin: 'heartbeat', modelRef: 'google/gemini-2.5-flash', attempts: 8 }, { origin: 'user', modelRef: 'google/gemini-2.5-flash', attempts: 24 }],
    sessions: sessionSeries(rng.fork('sessions'), 57, SIX_HOURS_MS, 80 * MINUTE_MS, (count) => count + 1),
    logs: { rateLimitLines: 1_184, botCommandsTooMuchLines: 0, errorLines: 2_368 },
    firstFailure: {
      atMs: 2_467_000,
      log: [
        '08:40:51 [agent/embedded] embedded run agent end: runId=r-0412 isError=true error=⚠️ API rate limit reached. Please try again later.',
        '08:41:05 [diagnostic] lane task error: lane=main durationMs=14012 error="FailoverError: ⚠️ API rate limit reached. Please try again later."',
        '08:41:07 Embedded agent failed before reply: All models failed (9): google/gemini-2.5-flash: ⚠️ API rate limit reached. Please try again later. (rate_limit) | …',
      ],
      journal: [
        '#1041 +00:40:51 google generateContent gemini-2.5-flash in=236,112 → 429 RESOURCE_EXHAUSTED [tokensPerMinute] retry 37s',
        '#1042 +00:40:53 google generateContent gemini-2.5-pro in=236,112 → 429 RESOURCE_EXHAUSTED [tokensPerMinute] retry 35s',
        '#1043 +00:41:05 anthropic messages claude-haiku-4-5 in=236,112 → 400 context-too-long',
        '#1049 +00:41:07 xai chat.completions grok-3 in=236,112 → 400 context-too-long',
      ],
    },
    rootCauses: rootCauses('before'),
  };
}

function beforeCascade(): FailoverAttempts[] {
  const hop = (modelRef: string, attempts: number, failed: number, reasons: Record<string, number>, next?: string): FailoverAttempts => ({
    modelRef,
    attempts,
    failed,
    reasons,
    succeeded: attempts - failed,
    next: next === undefined ? {} : { [next]: failed },
  });
  return [
    hop('google/gemini-2.5-flash', 642, 160, { rate_limit: 160 }, 'google/gemini-2.5-pro'),
    hop('google/gemini-2.5-pro', 160, 160, { rate_limit: 160 }, 'anthropic/claude-haiku-4-5'),
    hop('anthropic/claude-haiku-4-5', 160, 160, { context_overflow: 160 }, 'anthropic/claude-sonnet-4-6'),
    hop('anthropic/claude-sonnet-4-6', 160, 160, { context_overflow: 160 }, 'anthropic/claude-opus-4-6'),
    hop('anthropic/claude-opus-4-6', 160, 160, { context_overflow: 160 }, 'openai/gpt-5.2'),
    hop('openai/gpt-5.2', 160, 118, { rate_limit: 118 }, 'moonshot/kimi-k2.5'),
    hop('moonshot/kimi-k2.5', 118, 118, { rate_limit: 112, overloaded: 6 }, 'moonshot/kimi-k2-thinking'),
    hop('moonshot/kimi-k2-thinking', 118, 118, { rate_limit: 118 }, 'xai/grok-3'),
    hop('xai/grok-3', 118, 118, { context_overflow: 118 }),
  ];
}

/** A Telegram 429 storm scenario whose scripted fault never fired: that check is an error, not a pass. */
export function errorRun(): RunResult {
  const rng = createPrng(7).fork('error');
  const minutes = 30;
  const flash = usage(rng.fork('flash'), { modelRef: 'google/gemini-2.5-flash', minutes, requests: 40, ok: 40, rateLimited: 0, tokensPerRequest: 12_000, outputTokensPerOk: 400, limits: LIMITS.flash });
  const checks = [
    check('user-replies', 'Every user message answered', 'pass', '40 of 40 user turns answered · 0 error replies', { answered: 40, userTurns: 40, errorReplies: 0 }, []),
    check('telegram-retry', 'Telegram 429 retry_after honoured', 'error', 'fault never fired: 0 of 3 scripted sendMessage 429s served', { scripted: 3, served: 0 }, ['fault rule 1 (sendMessage 429, retry_after 5) matched no request: the workload sent replies before the rule window opened at +00:20:00']),
    check('rate-limit-lines', 'No rate-limit lines in gateway.err.log', 'pass', '0 rate-limit lines in gateway.err.log · 0 × 429 served', { rateLimitLines: 0, served429: 0 }, []),
    check('session-count', 'Session count ≤ 20 after activity', 'pass', '3 sessions after activity (limit 20)', { sessionsAtEnd: 3, limit: 20 }, []),
  ];
  return {
    quotastorm: { version: '0.1.0' },
    scenario: { name: 'telegram-429-storm', file: 'scenarios/telegram-429-storm.json5', sha256: 'c0ffee00' + 'ab'.repeat(28), variant: undefined },
    config: { file: 'scenarios/configs/feb27-after.json5', sha256: CONFIG_SHA.after, profile: '2026.9' },
    seed: 7,
    reproduce: 'node src/cli.ts run scenarios/telegram-429-storm.json5 --config scenarios/configs/feb27-after.json5 --seed 7',
    startedAt: '2026-02-27T08:00:00.000Z',
    simulatedMs: minutes * MINUTE_MS,
    incomplete: false,
    verdict: verdictOf(checks),
    checks,
    steps: [],
    messages: allAnswered(40, 0),
    replyTime: waited(40, [1_812, 2_930, 3_104, 3_104]),
    turns: { user: 40, heartbeat: 1, cron: 0, silent: 0 },
    deliveries: { replies: 40, errorReplies: 0, surfacedErrors: 0, notices: 0, silentTurns: 0, examples: [{ atMs: 4_250, kind: 'reply', text: 'Done: `ls | wc -l` says 12 files; see <results> and *notes*.' }] },
    usage: [flash],
    failover: [{ modelRef: 'google/gemini-2.5-flash', attempts: 40, failed: 0, reasons: {}, succeeded: 40, next: {} }],
    attemptsByOrigin: [{ origin: 'user', modelRef: 'google/gemini-2.5-flash', attempts: 40 }],
    sessions: { atStart: 1, atEnd: 3, peak: 3, series: [{ atMs: 0, count: 1 }, { atMs: 4_250, count: 2 }, { atMs: 600_000, count: 3 }] },
    logs: { rateLimitLines: 0, botCommandsTooMuchLines: 0, errorLines: 0 },
    firstFailure: undefined,
    rootCauses: rootCauses('after'),
  };
}

/** The Feb 27 config stopped at +00:42: a run cut short must say so at the top of every output. */
export function incompleteRun(): RunResult {
  const rng = createPrng(20260227).fork('incomplete');
  const minutes = 42;
  const flash = usage(rng.fork('flash'), { modelRef: 'google/gemini-2.5-flash', minutes, requests: 120, ok: 96, rateLimited: 24, tokensPerRequest: 236_000, outputTokensPerOk: 850, limits: LIMITS.flash, burst: [38, 42] });
  const checks = [
    check('rate-limit-lines', 'No rate-limit lines in gateway.err.log', 'fail', '24 rate-limit lines in gateway.err.log · 24 × 429 served', { rateLimitLines: 24, served429: 24 }, ['grep -c "rate limit" gateway.err.log → 24']),
    check('session-count', 'Session count ≤ 20 after activity', 'pass', '17 sessions after activity (limit 20)', { sessionsAtEnd: 17, limit: 20 }, []),
  ];
  return {
    quotastorm: { version: '0.1.0' },
    scenario: { ...SCENARIO, variant: 'burst-only' },
    config: { file: 'scenarios/configs/feb27-before.json5', sha256: CONFIG_SHA.before, profile: '2026.2' },
    seed: 20260227,
    reproduce: 'node src/cli.ts run scenarios/stress-suite.json5 --variant burst-only --config scenarios/configs/feb27-before.json5 --seed 20260227',
    startedAt: '2026-02-27T08:00:00.000Z',
    simulatedMs: minutes * MINUTE_MS,
    incomplete: true,
    verdict: verdictOf(checks),
    checks,
    steps: [{ name: 'warm-up', fromMs: 0, toMs: 30 * MINUTE_MS }],
    messages: allAnswered(96, 0),
    replyTime: waited(96, [2_020, 9_870, 12_400, 12_400], 2, [1_020, 1_240, 1_240, 1_240]),
    turns: { user: 96, heartbeat: 2, cron: 4, silent: 0 },
    deliveries: { replies: 96, errorReplies: 0, surfacedErrors: 0, notices: 0, silentTurns: 0, examples: [] },
    usage: [flash],
    failover: [{ modelRef: 'google/gemini-2.5-flash', attempts: 120, failed: 24, reasons: { rate_limit: 24 }, succeeded: 96, next: { 'google/gemini-2.5-pro': 24 } }],
    attemptsByOrigin: [{ origin: 'user', modelRef: 'google/gemini-2.5-flash', attempts: 120 }],
    sessions: sessionSeries(rng.fork('sessions'), 13, minutes * MINUTE_MS, 10 * MINUTE_MS, (count) => count + 1),
    logs: { rateLimitLines: 24, botCommandsTooMuchLines: 0, errorLines: 48 },
    firstFailure: undefined,
    rootCauses: rootCauses('before'),
  };
}

/** Every fixture by the name its golden files carry. */
export const FIXTURES = {
  'passing-after': passingRun,
  'failing-before': failingBeforeRun,
  'check-error': errorRun,
  incomplete: incompleteRun,
} as const satisfies Record<string, () => RunResult>;
