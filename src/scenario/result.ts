/**
 * A run's result: a plain JSON value holding every figure a report shows and
 * the evidence behind every verdict. The runner produces it, the report
 * renders it, `compare` diffs two of them; nothing downstream reaches back.
 * Same scenario, config and seed ⇒ the same bytes. Every `atMs` is milliseconds
 * since the run started (virtual time), so reports read as offsets.
 */

import type { Layer } from './layers.ts';
import type { MessageAccounting } from './message-accounting.ts';
import type { ScenarioOverrides } from './override-flags.ts';
import type { ReplyTimes } from './reply-times.ts';
import type { UserPairing } from './users.ts';

/**
 * `error`: the check's precondition never happened (nothing was tested), so it cannot judge.
 * `n/a`: the check is about something the config does not have (a channel it lacks): counted
 * apart, and alone it never fails a run.
 */
export type CheckStatus = 'pass' | 'fail' | 'error' | 'n/a';

export type CheckResult = {
  /** The check's kind, e.g. `session-count`. */
  readonly check: string;
  /** What it is called in the verdict table, e.g. `Session count ≤ 20 after activity`. */
  readonly title: string;
  /** The step it judged (undefined: the whole run). */
  readonly step: string | undefined;
  /** Where the check looks (layers.ts): what users saw, what the gateway absorbed, what the providers saw. */
  readonly layer: Layer;
  readonly status: CheckStatus;
  /** One line a reviewer reads first: the measured value against the threshold. */
  readonly summary: string;
  /** Counts, journal lines and log lines that back the verdict. */
  readonly evidence: readonly string[];
  /** The numbers behind the summary, for compare and charts. */
  readonly figures: Readonly<Record<string, number>>;
};

export type ModelUsage = {
  /** `provider/model` as the gateway config names it. */
  readonly modelRef: string;
  readonly requests: number;
  readonly ok: number;
  /** 429s the mock served (quota or forced). */
  readonly rateLimited: number;
  readonly otherErrors: number;
  /** Tokens of every request sent, refused ones included: what the write-up's "1.42M TPM" counts. */
  readonly inputTokensSent: number;
  readonly outputTokens: number;
  /** Highest tokens sent in one calendar minute, and when that minute began. */
  readonly peakTokensPerMinute: { readonly value: number; readonly atMs: number };
  readonly peakRequestsPerMinute: { readonly value: number; readonly atMs: number };
  /** Input tokens of the biggest single request: how large a turn grew before compaction cut it. */
  readonly largestRequestTokens: number;
  /** The limits the mock metered this model against (absent dimensions are unlimited). */
  readonly limits: { readonly tokensPerMinute?: number; readonly requestsPerMinute?: number; readonly requestsPerDay?: number };
  /** Per simulated minute: tokens sent and requests, for charts. */
  readonly perMinute: readonly { readonly minute: number; readonly tokens: number; readonly requests: number }[];
};

export type FailoverAttempts = {
  readonly modelRef: string;
  readonly attempts: number;
  readonly failed: number;
  /** Failover reasons and counts, e.g. `{ rate_limit: 12 }`. */
  readonly reasons: Readonly<Record<string, number>>;
  readonly succeeded: number;
  /** The next model a failure moved to, with counts: the edges of the cascade. */
  readonly next: Readonly<Record<string, number>>;
};

export type DeliverySummary = {
  readonly replies: number;
  readonly errorReplies: number;
  readonly surfacedErrors: number;
  readonly notices: number;
  readonly silentTurns: number;
  /** The first few texts users saw, by kind. */
  readonly examples: readonly { readonly atMs: number; readonly kind: string; readonly text: string }[];
};

export type AssumedLimits = { readonly provider: string; readonly models: readonly string[]; readonly source: string };

export type RealGatewayRun = {
  /** `openclaw@2026.2.26`. */
  readonly name: string;
  /** `virtual`: on quotastorm's clock (src/clock/coordinator/). */
  readonly clock: 'virtual';
  readonly isolation: 'netns' | 'none';
  /** Real time from the gateway's start to its stop, and how often the coordinator moved time. */
  readonly wallMs: number;
  readonly moves: number;
  /** What the embedded gateway models that this run could not reproduce or observe, in words. */
  readonly limits: readonly string[];
};

export type RunResult = {
  readonly quotastorm: { readonly version: string };
  readonly scenario: {
    readonly name: string;
    readonly file: string;
    /** Of the file as written; `overrides` says what the command line changed before the run. */
    readonly sha256: string;
    readonly variant: string | undefined;
    /** `--duration`, `--rate`, `--users`, `--profile`, `--threshold` as given (overrides.ts); absent when none was. */
    readonly overrides?: ScenarioOverrides;
  };
  readonly config: { readonly file: string; readonly sha256: string; readonly profile: string };
  /** The real gateway the run drove (`--gateway openclaw@V`); absent: the embedded gateway. */
  readonly gateway?: RealGatewayRun;
  readonly seed: number;
  /** The command that reproduces this run exactly. */
  readonly reproduce: string;
  /** Virtual start (ISO) and simulated length. */
  readonly startedAt: string;
  readonly simulatedMs: number;
  readonly incomplete: boolean;
  readonly verdict: {
    readonly passed: number;
    readonly failed: number;
    readonly errors: number;
    /** Checks about something the config lacks; `total` counts them, the verdict line sets them apart. */
    readonly notApplicable: number;
    readonly total: number;
    readonly ok: boolean;
  };
  readonly checks: readonly CheckResult[];
  readonly steps: readonly { readonly name: string; readonly fromMs: number; readonly toMs: number }[];
  readonly turns: { readonly user: number; readonly heartbeat: number; readonly cron: number; readonly silent: number };
  readonly deliveries: DeliverySummary;
  /** Every message the scenario sent: replied + error replies + dropped + pending = sent. */
  readonly messages: MessageAccounting;
  /** How long answered messages waited for their answer and for a first fallback, p50/p95/p99/max (reply-times.ts). */
  readonly replyTime: ReplyTimes;
  /** Under dmPolicy "pairing": how many users the pairing store admitted and how many got a pairing code (users.ts). */
  readonly pairing?: UserPairing;
  readonly usage: readonly ModelUsage[];
  /**
   * Where the limits of models the tier tables do not cover came from: a public API's published numbers
   * (Groq, OpenRouter's :free models, Mistral), or an assumption (a user's own ollama, vLLM, DeepSeek, …:
   * unlimited unless the scenario set `mocks.limits`). Absent when no such model was served.
   */
  readonly assumedLimits?: readonly AssumedLimits[];
  /** What the run took as given that the config does not say (run-notes.ts). Absent when nothing. */
  readonly runNotes?: readonly string[];
  readonly failover: readonly FailoverAttempts[];
  /** Model attempts by what started them (user, heartbeat, cron) and model: whose traffic spent a quota. */
  readonly attemptsByOrigin: readonly { readonly origin: string; readonly modelRef: string; readonly attempts: number }[];
  readonly sessions: { readonly atStart: number; readonly atEnd: number; readonly peak: number; readonly series: readonly { readonly atMs: number; readonly count: number }[] };
  readonly logs: { readonly rateLimitLines: number; readonly botCommandsTooMuchLines: number; readonly errorLines: number };
  /** Around the first failure a user saw: the journal and gateway log lines, for the report's excerpt. */
  readonly firstFailure: { readonly atMs: number; readonly journal: readonly string[]; readonly log: readonly string[] } | undefined;
  /** The config's root-cause settings (static audit, redacted). */
  readonly rootCauses: readonly { readonly id: string; readonly setting: string; readonly value: string; readonly status: string; readonly why: string }[];
};
