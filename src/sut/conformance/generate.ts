/**
 * Generated differential conformance cases: `generateCases({seed, count})`
 * draws trace cases (the format of scenarios/trace-cases/*.json5,
 * src/sut/trace-case.ts) that the recorder can put both pinned OpenClaw
 * versions through and the embedded gateway can replay (golden-run.ts):
 *
 * - a chain of 1–4 distinct models over the providers the mocks serve and
 *   src/sut/openclaw-config.ts points at them: Google Gemini, OpenAI,
 *   Anthropic and Moonshot (OpenAI-compatible, `api.moonshot.ai`);
 * - per model: healthy, a fault script (1–3 failures, then the model
 *   answers), or a standing fault, over every fault kind the mocks have
 *   (mocks/providers/README.md § Faults), with or without a retry hint;
 *   sometimes a slow answer, or a hang bounded by the agent's own timeout;
 * - 1–3 messages, later ones sometimes at a set offset (`atMs`, a burst);
 *   sometimes stale cron-run sessions in the store.
 *
 * A case names no `config`: the default, `base.openclaw.json5` beside the
 * case file, which `quotastorm conformance generate` copies into the folder
 * with its 2026.9.6 overlay (scenarios/trace-cases/base*.openclaw.json5), so
 * a folder of cases is self-contained wherever it lies.
 *
 * Case `index` of seed `S` is drawn from its own stream
 * (`createPrng(S).fork('case-<index>')`), so a case does not change with
 * `count`, and the same seed gives byte-identical files (`renderCaseFile`).
 *
 * Bounded recording time: the real gateways wait between retries, and
 * 2026.9.6 records in real time (versions.ts `recordClock`). Each case's
 * waits are estimated per version from the retry policies below and kept
 * under `WAIT_BUDGET_MS`; every turn is cut at `TURN_TIMEOUT_MS` anyway.
 * - 2026.2.26 retries a failing model after 2, 4 and 8 s whatever the hint
 *   says, then fails over (observed: test/golden/openclaw-2026.2.26/
 *   flash-429-pro-429-other-ok.json, Flash ×4 and Pro ×4 at 0/2/6/14 s).
 * - 2026.9.6 retries transient failures of one model up to 8 times within
 *   90 s, each after max(1 s·2^(n−1)·U(0.5, 1.5) capped at 30 s, the retry
 *   hint) (`resolveTransientRetryDelayMs`, dist/embedded-agent-BaH7wGBd.mjs,
 *   MAX_TRANSIENT_RETRIES / MAX_TRANSIENT_RETRY_TIME_MS), and fails over at
 *   once on a 429 whose hint exceeds 60 s (scenarios/trace-cases/README.md).
 *   Which failures it treats as transient is not re-derived here: the
 *   estimate counts every kind but the auth, context-length and
 *   finish-reason ones as transient, an upper bound where it is wrong.
 */
import { createPrng, type Prng } from '../../clock/prng.ts';
import { SCRIPT_STATUSES } from '../../../mocks/providers/fault-schedule.ts';

export type GenerateOptions = {
  readonly seed: number;
  readonly count: number;
};

/** A generated case: its name and the document its file holds (`TraceCaseSchema`'s input). */
export type GeneratedCase = {
  readonly name: string;
  readonly document: CaseDocument;
};

type Turn = { readonly text: string; readonly atMs?: number };
type FaultRule = {
  readonly name: string;
  readonly match: { readonly provider: string; readonly model: string };
  readonly script?: readonly string[];
  readonly fault?: string;
  readonly retryAfterMs?: number;
  readonly latency?: { readonly distribution: 'fixed'; readonly ms: number };
};
type CaseDocument = {
  readonly description: string;
  readonly seed: number;
  readonly configOverrides: Record<string, unknown>;
  readonly faults: { readonly rules: readonly FaultRule[] };
  readonly sessions?: readonly { kind: 'cron-runs'; count: number; jobs: number; ageHours: number }[];
  readonly settleMs: number;
  readonly turnTimeoutMs: number;
  readonly turns: readonly Turn[];
};

/** Every case's turns end here at the latest, whatever a gateway still does. */
export const TURN_TIMEOUT_MS = 150_000;
/**
 * A turn is over after this long without a provider request or a Bot API call. The recorder's default,
 * 12 s, is shorter than openclaw@2026.9.6's cold-start processing on a loaded machine: recording gen-202-2
 * under a load average of 11 on 2 cores, it sent one typing action 2 s after the message and nothing else for
 * 12 s, so the turn was over before its first request (16–18 s after the message in that run's other cases).
 */
export const SETTLE_MS = 25_000;
/** The estimated retry waits of a whole case, per version, stay under this. */
const WAIT_BUDGET_MS = 90_000;
/** The agent run's own timeout a hang case sets (`agents.defaults.timeoutSeconds`, in both versions' schemas). */
const HANG_AGENT_TIMEOUT_S = 30;
const HANG_MS = 600_000;

/** A model the chain may name: its OpenClaw provider id, its mock provider id, its model id. */
type PoolModel = { readonly provider: string; readonly mock: string; readonly id: string };

const MODEL_POOL: readonly PoolModel[] = [
  { provider: 'google', mock: 'gemini', id: 'gemini-2.5-flash' },
  { provider: 'google', mock: 'gemini', id: 'gemini-2.5-pro' },
  { provider: 'openai', mock: 'openai', id: 'gpt-4o-mini' },
  { provider: 'anthropic', mock: 'anthropic', id: 'claude-sonnet-4-6' },
  { provider: 'moonshot', mock: 'moonshot', id: 'kimi-k2.5' },
];

const FREE = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };

/** Providers the base config (scenarios/trace-cases/base.openclaw.json5) lacks, added when a chain names them. */
const EXTRA_PROVIDERS: Readonly<Record<string, unknown>> = {
  // maxTokens under the Anthropic mock's tier-1 output limit (8,000 OTPM for Sonnet 4.x, mocks/providers/tiers.ts):
  // with 8192 every request is a 429 before any fault (the mock's outcome `too-large`), so the model is never healthy.
  anthropic: {
    baseUrl: 'https://api.anthropic.com',
    apiKey: 'quotastorm-fake-anthropic-key',
    api: 'anthropic-messages',
    models: [{ id: 'claude-sonnet-4-6', name: 'Claude Sonnet 4.6', reasoning: false, input: ['text'], cost: FREE, contextWindow: 200_000, maxTokens: 4096 }],
  },
  moonshot: {
    baseUrl: 'https://api.moonshot.ai/v1',
    apiKey: 'quotastorm-fake-moonshot-key',
    api: 'openai-completions',
    models: [{ id: 'kimi-k2.5', name: 'Kimi K2.5', reasoning: false, input: ['text'], cost: FREE, contextWindow: 262_144, maxTokens: 1024 }],
  },
};

/**
 * Every failure a script step or a standing fault may be (mocks/providers/fault-schedule.ts):
 * status shorthands, named kinds, stream faults, finish reasons.
 */
const FAILURES = [
  '429',
  'rate-limit-no-retry-after',
  '500',
  '502',
  '503',
  '504',
  '529',
  'budget-exhausted',
  'billing',
  '401',
  '402',
  '403',
  'context-length',
  'empty-stream',
  'error-in-stream',
  'reset-after-headers',
  'truncated',
  'finish-reason:MALFORMED_FUNCTION_CALL',
  'finish-reason:SAFETY',
  'finish-reason:MAX_TOKENS',
] as const;
type Failure = (typeof FAILURES)[number];


/** Failures that answer with the rule's forced 429 and carry its retry hint. */
const HINTED: ReadonlySet<Failure> = new Set(['429', 'error-in-stream']);
/** Failures 2026.9.6 is assumed to fail over from at once (see the header). */
// Not `billing`: Gemini's is a 429, and openclaw@2026.9.6 retried it 8 times over 81 s (gen-202-2, always billing).
const NOT_TRANSIENT: ReadonlySet<Failure> = new Set([
  '401',
  '402',
  '403',
  'context-length',
  'finish-reason:MALFORMED_FUNCTION_CALL',
  'finish-reason:SAFETY',
  'finish-reason:MAX_TOKENS',
]);
/** Retry hints: within 2026.9.6's 60 s limit (it waits them out) and beyond it (it fails over). */
const RETRY_HINTS_MS = [1_000, 5_000, 90_000, 120_000] as const;
const RETRY_HINT_LIMIT_MS = 60_000;

const MESSAGES = [
  'hello, are you there?',
  'what can you do for me today?',
  'summarise our conversation so far',
  'give me three ideas for a weekend trip',
  'translate "good morning" into French',
  'are you still there?',
] as const;
const BURST_OFFSETS_MS = [1_000, 3_000, 5_000, 10_000] as const;

/** What one model of the chain does. */
type Behaviour =
  | { readonly kind: 'healthy' }
  | { readonly kind: 'script'; readonly steps: readonly Failure[]; readonly retryAfterMs?: number }
  | { readonly kind: 'standing'; readonly fault: Failure; readonly retryAfterMs?: number };
type Latency = { readonly kind: 'none' } | { readonly kind: 'slow'; readonly ms: number } | { readonly kind: 'hang' };

type Planned = { readonly model: PoolModel; readonly behaviour: Behaviour; readonly latency: Latency };

export function generateCases(options: GenerateOptions): GeneratedCase[] {
  const root = createPrng(options.seed);
  return Array.from({ length: options.count }, (_, index) => {
    const name = `gen-${options.seed}-${index}`;
    return { name, document: drawCase(root.fork(`case-${index}`), options.seed, name) };
  });
}

/** The file a generated case is written to: a header naming its seed and the command that regenerates it, then JSON. */
export function renderCaseFile(generated: GeneratedCase, command: string): string {
  return `// ${generated.name}: generated by quotastorm (src/sut/conformance/generate.ts); do not edit.\n// Regenerate: ${command}\n${JSON.stringify(generated.document, null, 2)}\n`;
}

function drawCase(rng: Prng, seed: number, name: string): CaseDocument {
  const models = rng.fork('chain').shuffle(MODEL_POOL).slice(0, rng.fork('chain-length').int(1, 4));
  const turns = drawTurns(rng.fork('turns'));
  const faultRng = rng.fork('faults');
  const hangAt = faultRng.chance(0.08) ? faultRng.int(0, models.length - 1) : -1;
  const planned: Planned[] = [];
  for (const [index, model] of models.entries()) {
    const latency: Latency = index === hangAt ? { kind: 'hang' } : faultRng.chance(0.1) ? { kind: 'slow', ms: faultRng.int(15, 40) * 100 } : { kind: 'none' };
    planned.push({ model, behaviour: drawWithinBudget(faultRng, planned, latency, model, turns.length), latency });
  }
  const sessions = rng.fork('sessions').chance(0.25) ? [drawPreload(rng.fork('preload'))] : [];
  return {
    description: describeCase(name, planned, turns, sessions),
    seed,
    configOverrides: configOverrides(planned),
    faults: { rules: planned.flatMap(rulesOf) },
    ...(sessions.length > 0 ? { sessions } : {}),
    settleMs: SETTLE_MS,
    turnTimeoutMs: TURN_TIMEOUT_MS,
    turns,
  };
}

function drawTurns(rng: Prng): Turn[] {
  return Array.from({ length: rng.int(1, 3) }, (_, index) => {
    const text = rng.pick(MESSAGES);
    return index > 0 && rng.chance(0.5) ? { text, atMs: rng.pick(BURST_OFFSETS_MS) } : { text };
  });
}

function drawPreload(rng: Prng) {
  return { kind: 'cron-runs' as const, count: rng.int(1, 20), jobs: rng.int(1, 3), ageHours: rng.pick([1, 12, 48]) };
}

/** A behaviour for `model` whose waits, with the ones already planned, fit the budget; healthy after five tries. */
function drawWithinBudget(rng: Prng, planned: readonly Planned[], latency: Latency, model: PoolModel, turns: number): Behaviour {
  for (let attempt = 0; attempt < 5; attempt++) {
    const behaviour = drawBehaviour(rng);
    const candidate = [...planned, { model, behaviour, latency }];
    if (Math.max(...VERSION_WAITS.map((waits) => caseWaitMs(candidate, turns, waits))) <= WAIT_BUDGET_MS) return behaviour;
  }
  return { kind: 'healthy' };
}

function drawBehaviour(rng: Prng): Behaviour {
  const roll = rng.float();
  if (roll < 0.3) return { kind: 'healthy' };
  if (roll < 0.7) {
    const steps = Array.from({ length: rng.int(1, 3) }, () => rng.pick(FAILURES));
    return withHint(rng, { kind: 'script', steps }, steps.some((step) => HINTED.has(step)));
  }
  const fault = rng.pick(FAILURES);
  return withHint(rng, { kind: 'standing', fault }, HINTED.has(fault));
}

function withHint<T extends Behaviour>(rng: Prng, behaviour: T, hinted: boolean): T {
  return hinted ? { ...behaviour, retryAfterMs: rng.pick(RETRY_HINTS_MS) } : behaviour;
}

/** How a version waits: before the n-th retry of one model (n from 1), and for a model failing every time. */
type VersionWaits = {
  readonly retryWaitMs: (failure: Failure, retry: number, retryAfterMs: number | undefined) => number;
  readonly standingWaitMs: (failure: Failure, retryAfterMs: number | undefined) => number;
};

const VERSION_WAITS: readonly VersionWaits[] = [
  // 2026.2.26: 2/4/8 s, whatever the failure and the hint; three retries, then the next model.
  { retryWaitMs: (_failure, retry) => [2_000, 4_000, 8_000][Math.min(retry, 3) - 1]!, standingWaitMs: () => 14_000 },
  // 2026.9.6: the transient retry loop, at the jitter's upper end; at once past a 60 s hint or on a non-transient failure.
  {
    retryWaitMs: (failure, retry, retryAfterMs) =>
      quickFailover(failure, retryAfterMs) ? 0 : Math.max(Math.min(30_000, 1_500 * 2 ** (retry - 1)), retryAfterMs ?? 0),
    standingWaitMs: (failure, retryAfterMs) => (quickFailover(failure, retryAfterMs) ? 0 : 90_000),
  },
];

function quickFailover(failure: Failure, retryAfterMs: number | undefined): boolean {
  return NOT_TRANSIENT.has(failure) || (HINTED.has(failure) && (retryAfterMs ?? 0) > RETRY_HINT_LIMIT_MS);
}

/** Upper bound of the waits a case costs a version: scripts once, standing faults and slow answers every turn. */
function caseWaitMs(planned: readonly Planned[], turns: number, waits: VersionWaits): number {
  let total = 0;
  for (const { behaviour, latency } of planned) {
    if (behaviour.kind === 'script') {
      total += behaviour.steps.reduce((sum, step, index) => sum + waits.retryWaitMs(step, index + 1, behaviour.retryAfterMs), 0);
    } else if (behaviour.kind === 'standing') {
      total += turns * waits.standingWaitMs(behaviour.fault, behaviour.retryAfterMs);
    }
    if (latency.kind === 'slow') total += turns * 4 * latency.ms;
    if (latency.kind === 'hang') total += turns * HANG_AGENT_TIMEOUT_S * 1000;
  }
  return total;
}

function rulesOf({ model, behaviour, latency }: Planned): FaultRule[] {
  const match = { provider: model.mock, model: model.id };
  const rules: FaultRule[] = [];
  const hint = 'retryAfterMs' in behaviour && behaviour.retryAfterMs !== undefined ? { retryAfterMs: behaviour.retryAfterMs } : {};
  if (behaviour.kind === 'script') rules.push({ name: `${model.id}-script`, match, script: behaviour.steps, ...hint });
  // A standing fault names its kind; a status is a script's shorthand only (fault-schedule.ts SCRIPT_STATUSES).
  if (behaviour.kind === 'standing') rules.push({ name: `${model.id}-fault`, match, fault: SCRIPT_STATUSES[behaviour.fault] ?? behaviour.fault, ...hint });
  if (latency.kind !== 'none') rules.push({ name: `${model.id}-latency`, match, latency: { distribution: 'fixed', ms: latency.kind === 'hang' ? HANG_MS : latency.ms } });
  return rules;
}

function configOverrides(planned: readonly Planned[]): Record<string, unknown> {
  const refs = planned.map(({ model }) => `${model.provider}/${model.id}`);
  const providers = Object.fromEntries(
    [...new Set(planned.map(({ model }) => model.provider))].filter((id) => id in EXTRA_PROVIDERS).sort().map((id) => [id, EXTRA_PROVIDERS[id]]),
  );
  const hang = planned.some(({ latency }) => latency.kind === 'hang');
  return {
    ...(Object.keys(providers).length > 0 ? { models: { providers } } : {}),
    agents: { defaults: { model: { primary: refs[0], fallbacks: refs.slice(1) }, ...(hang ? { timeoutSeconds: HANG_AGENT_TIMEOUT_S } : {}) } },
  };
}

function describeCase(name: string, planned: readonly Planned[], turns: readonly Turn[], sessions: readonly { count: number; ageHours: number }[]): string {
  const chain = planned.map(({ model }) => `${model.provider}/${model.id}`).join(' → ');
  const models = planned.map(({ model, behaviour, latency }) => `${model.id} ${describeBehaviour(behaviour)}${describeLatency(latency)}`).join('; ');
  const messages = turns.map((turn, index) => (turn.atMs === undefined ? `#${index + 1}` : `#${index + 1} at +${turn.atMs} ms`)).join(', ');
  const preload = sessions.map((session) => `; ${session.count} cron-run sessions ${session.ageHours} h old`).join('');
  return `${name}: chain ${chain}; ${models}; ${turns.length} message(s) (${messages})${preload}`;
}

function describeBehaviour(behaviour: Behaviour): string {
  const hint = 'retryAfterMs' in behaviour && behaviour.retryAfterMs !== undefined ? ` (retry hint ${behaviour.retryAfterMs} ms)` : '';
  if (behaviour.kind === 'healthy') return 'healthy';
  if (behaviour.kind === 'script') return `script ${behaviour.steps.join(', ')} then healthy${hint}`;
  return `always ${behaviour.fault}${hint}`;
}

function describeLatency(latency: Latency): string {
  if (latency.kind === 'slow') return `, answers after ${latency.ms} ms`;
  if (latency.kind === 'hang') return `, hangs (agent timeout ${HANG_AGENT_TIMEOUT_S} s)`;
  return '';
}
