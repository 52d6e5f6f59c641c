/**
 * openclaw@2026.9.6's Activity recap: a short summary of each session, written by the agent's
 * utility model whenever the session's transcript grows — the calls to models the config does not
 * name (`anthropic/claude-haiku-4-5` before and after a turn on Anthropic; `openai/gpt-5.6-luna`,
 * which the mocks do not serve: 404, before a turn on OpenAI). Read in its
 * dist/server-runtime-subscriptions-CBZue5ta.mjs, src/gateway/session-activity-summaries.ts
 * (`createSessionActivitySummaries`: `handleTranscript` → `schedule` → `pump` → `run`), with the
 * model from dist/utility-model-7w33hT1j.mjs `resolveUtilityModelRefForAgent`: unless
 * `agents.defaults.utilityModel` says otherwise, the `defaultUtilityModel` its primary provider's
 * plugin declares (dist/extensions/<id>/openclaw.plugin.json `modelCatalog.providers.<id>`).
 * Request bodies seen on the Anthropic mock: the recap system prompt, one user message
 * `{"previousRecap":"","messages":["user: hello, are you there?"],"omittedContent":false}`, max_tokens 240.
 *
 * Per session: a transcript change asks for a recap; one runs at once unless the last started less
 * than `refreshMs` ago (then at that instant); changes meanwhile are taken by the next run. After a
 * failed call, changes ask for nothing for `failureRetryMs` (its retries of transient failures, 30 s
 * doubling with 20 % jitter, are not modelled). Heartbeat and cron runs are not recapped. Golden traces
 * test/golden/openclaw-2026.9.6/anthropic-only-529.json, anthropic-529-gpt-ok.json,
 * openai-only-insufficient-quota.json.
 */
import type { Clock, TimerHandle } from '../clock/clock.ts';
import type { ChatCall, ChatReply } from './providers/types.ts';

export type ActivityRecapBehaviour = {
  /** Provider id → the utility model its plugin declares (`defaultUtilityModel`). */
  readonly utilityModels: Readonly<Record<string, string>>;
  /** REFRESH_MS: the least time between two recap runs of a session. */
  readonly refreshMs: number;
  /** RETRY_MS: how long a failed recap keeps the next one back. */
  readonly failureRetryMs: number;
  readonly maxOutputTokens: number;
  readonly systemPrompt: string;
};

export type ActivityRecap = {
  /** The session's transcript grew by these lines (`user: …`, `assistant: …`); `primaryRef` is its agent's primary. */
  noteTranscript(sessionKey: string, primaryRef: string, lines: readonly string[]): void;
  /** Clears pending runs and waits for the ones in flight. */
  stop(): Promise<void>;
};

type RecapDeps = {
  readonly clock: Clock;
  readonly behaviour: ActivityRecapBehaviour | null;
  readonly callModel: (modelRef: string, call: Omit<ChatCall, 'modelId'>) => Promise<ChatReply>;
  /** `provider/model` → its provider id. */
  readonly providerOf: (modelRef: string) => string | undefined;
};

type SessionRecap = {
  utilityRef: string;
  pending: string[];
  previousRecap: string;
  lastStartedAtMs: number;
  blockedUntilMs: number;
  inFlight: Promise<void> | undefined;
  timer: TimerHandle | undefined;
};

export function createActivityRecap(deps: RecapDeps): ActivityRecap {
  const { behaviour, clock } = deps;
  const sessions = new Map<string, SessionRecap>();
  let stopped = false;

  const schedule = (recap: SessionRecap): void => {
    if (stopped || behaviour === null || recap.inFlight !== undefined || recap.timer !== undefined || recap.pending.length === 0) return;
    // After a failure a change asks for nothing until the wait is over (`schedule` publishes "unavailable").
    if (recap.blockedUntilMs > clock.now()) return;
    const readyAtMs = recap.lastStartedAtMs + behaviour.refreshMs;
    if (readyAtMs <= clock.now()) {
      run(recap, behaviour);
      return;
    }
    recap.timer = clock.setTimeout(() => {
      recap.timer = undefined;
      schedule(recap);
    }, readyAtMs - clock.now());
  };

  const run = (recap: SessionRecap, active: ActivityRecapBehaviour): void => {
    recap.lastStartedAtMs = clock.now();
    const messages = recap.pending.splice(0);
    const prompt = JSON.stringify({ previousRecap: recap.previousRecap, messages, omittedContent: false });
    recap.inFlight = deps
      .callModel(recap.utilityRef, { system: active.systemPrompt, messages: [{ role: 'user', text: prompt }], stream: true, maxOutputTokens: active.maxOutputTokens })
      .then(
        (reply) => {
          recap.previousRecap = reply.text.trim();
        },
        () => {
          recap.blockedUntilMs = clock.now() + active.failureRetryMs;
        },
      )
      .finally(() => {
        recap.inFlight = undefined;
        schedule(recap);
      });
  };

  return {
    noteTranscript(sessionKey, primaryRef, lines) {
      if (behaviour === null || stopped) return;
      const provider = deps.providerOf(primaryRef);
      const utilityModel = provider === undefined ? undefined : behaviour.utilityModels[provider];
      if (utilityModel === undefined) return;
      let recap = sessions.get(sessionKey);
      if (recap === undefined) {
        recap = { utilityRef: `${provider}/${utilityModel}`, pending: [], previousRecap: '', lastStartedAtMs: -Infinity, blockedUntilMs: -Infinity, inFlight: undefined, timer: undefined };
        sessions.set(sessionKey, recap);
      }
      recap.pending.push(...lines);
      schedule(recap);
    },
    async stop() {
      stopped = true;
      for (const recap of sessions.values()) {
        clock.clearTimeout(recap.timer);
        recap.timer = undefined;
      }
      await Promise.allSettled([...sessions.values()].map((recap) => recap.inFlight));
    },
  };
}
