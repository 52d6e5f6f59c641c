/**
 * openclaw@2026.2.26, the incident's version: everything the embedded gateway does
 * differently from other versions (profile.ts says what each field is).
 */
import { ENV_RULES_2026_2 } from '../../config/env-substitution.ts';
import { loadCatalog } from '../../config/catalog/index.ts';
import { LEGACY_REFUSAL_2026_2 } from '../../config/legacy-keys.ts';
import { MODEL_REGISTRY_RULES_2026_2 } from '../../config/model-registry-rules-2026-2.ts';
import { MODEL_REF_RULES_2026_2 } from '../../config/model-ref-rules-2026-2.ts';
import { cancelledCompaction, emptyCompactionLines, lastDetailPlaceholder, type DecisionLines } from '../router/decision-log.ts';
import type { CommandSpec } from '../channels/commands-catalog.ts';
import type { MenuScope } from '../channels/telegram-behaviour.ts';
import { BUNDLED_SKILLS_2026_2 } from './bundled-skills-2026.2.ts';
import type { VersionProfile } from './profile.ts';
import { SHARED_RUNTIME_DEFAULTS } from './shared-runtime-defaults.ts';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MIB = 1024 ** 2;
const GIB = 1024 ** 3;
const DEFAULT_SCOPE: MenuScope = { label: 'default' };

/**
 * openclaw@2026.2.26 `buildChatCommands()`, native-scope entries enabled by default
 * (`config` and `debug` need `commands.config`/`commands.debug`), then the three
 * channel docks with native commands.
 */
const dock = (id: string): CommandSpec => [`dock_${id}`, `Switch to ${id} for replies.`];

const BUILTINS: readonly CommandSpec[] = [
  ['help', 'Show available commands.'],
  ['commands', 'List all slash commands.'],
  ['skill', 'Run a skill by name.'],
  ['status', 'Show current status.'],
  ['approve', 'Approve or deny exec requests.'],
  ['context', 'Explain how context is built and used.'],
  ['export_session', 'Export current session to HTML file with full system prompt.'],
  ['tts', 'Control text-to-speech (TTS).'],
  ['whoami', 'Show your sender id.'],
  ['session', 'Manage session-level settings (for example /session ttl).'],
  ['subagents', 'List, kill, log, spawn, or steer subagent runs for this session.'],
  ['acp', 'Manage ACP sessions and runtime options.'],
  ['focus', 'Bind this Discord thread (or a new one) to a session target.'],
  ['unfocus', 'Remove the current Discord thread binding.'],
  ['agents', 'List thread-bound agents for this session.'],
  ['kill', 'Kill a running subagent (or all).'],
  ['steer', 'Send guidance to a running subagent.'],
  ['usage', 'Usage footer or cost summary.'],
  ['stop', 'Stop the current run.'],
  ['restart', 'Restart OpenClaw.'],
  ['activation', 'Set group activation mode.'],
  ['send', 'Set send policy.'],
  ['reset', 'Reset the current session.'],
  ['new', 'Start a new session.'],
  ['compact', 'Compact the session context.'],
  ['think', 'Set thinking level.'],
  ['verbose', 'Toggle verbose mode.'],
  ['reasoning', 'Toggle reasoning visibility.'],
  ['elevated', 'Toggle elevated mode.'],
  ['exec', 'Set exec defaults for this session.'],
  ['model', 'Show or set the model.'],
  ['models', 'List model providers or provider models.'],
  ['queue', 'Adjust queue settings.'],
  dock('telegram'),
  dock('discord'),
  dock('slack'),
];

/**
 * Plugin commands of the plugins enabled by default, as the recorded menus show them.
 * 2026.2.26 (golden trace test/golden/openclaw-2026.2.26/command-menu-native-skills-on.json): device-pair,
 * phone-control, talk-voice. 2026.9.6 (its command-menu golden traces): memory-core's
 * /dreaming, device-pair, talk-voice; the Telegram mini-app's /dashboard collides with the built-in
 * and is logged and dropped ("Plugin command "/dashboard" conflicts with an existing Telegram command.").
 */
const PLUGINS: readonly CommandSpec[] = [
    ['pair', 'Generate setup codes and approve device pairing requests.'],
    ['phone', 'Arm/disarm high-risk phone node commands (camera/screen/writes).'],
    ['voice', 'List/set ElevenLabs Talk voice (affects iOS Talk playback).'],
];

/** 2026.2.26 writes only these kinds (its golden traces, e.g. all-models-429.json; no `[model-fallback/decision]` lines). */
const decisionLines: DecisionLines = (event, candidateStartMs) => {
  switch (event.decision) {
    case 'attempt_failed':
      return [{ level: 'warn', text: `[agent/embedded] embedded run agent end: runId=${event.runId} isError=true error=${event.detail}` }];
    case 'candidate_failed': {
      const durationMs = Math.round(event.atMs - candidateStartMs);
      const error = `FailoverError: ${lastDetailPlaceholder(event)}`;
      return [
        { level: 'error', text: `[diagnostic] lane task error: lane=main durationMs=${durationMs} error="${error}"` },
        { level: 'error', text: `[diagnostic] lane task error: lane=session:agent:main:main durationMs=${durationMs} error="${error}"` },
      ];
    }
    case 'all_failed':
      return [{ level: 'error', text: `Embedded agent failed before reply: ${event.detail}` }];
    // Read in 2026.2.26's dist/pi-embedded-CQnl8oWA.js: src/agents/compaction.ts and compaction-safeguard.ts (log.warn).
    case 'compaction_pass_failed':
      return [{ level: 'warn', text: `[compaction] ${event.pass === 'full' ? 'Full summarization failed, trying partial' : 'Partial summarization also failed'}: ${event.detail}` }];
    case 'compaction_end':
      return emptyCompactionLines(event);
    default:
      return [];
  }
};

export const OPENCLAW_2026_2: VersionProfile = {
  name: '2026.2',
  release: '2026.2.26',
  modelRefs: MODEL_REF_RULES_2026_2,
  configEnv: ENV_RULES_2026_2,
  legacyConfigRefusal: LEGACY_REFUSAL_2026_2,
  catalog: loadCatalog('2026.2.26'),
  // dist/agent-scope-DZ5jocOf.js resolveDefaultAgentId (first `default: true`, else the first entry);
  // dist/pi-embedded-CQnl8oWA.js resolveFallbackCandidates with no fallbacks override (an agent `model`
  // without `fallbacks`); dist/health-96TiBcbt.js resolveHeartbeatAgents.
  agents: {
    defaultAgent: 'first-marked-else-first',
    inheritedFallbacks: 'same-provider-then-defaults-primary',
    heartbeatAgents: 'listed-else-default',
  },
  // dist/resolve-route-CRfTFFRh.js resolveAgentRoute: peer, guild, team, account, channel tiers; peer kinds
  // compared exactly; pickFirstExistingAgentId sends a binding to an undeclared agent to the default agent.
  agentRouting: { peerWildcard: false, groupPeerMatchesChannel: false, undeclaredAgent: 'default-agent' },
  modelRegistry: MODEL_REGISTRY_RULES_2026_2,
  runtimeDefaults: {
    ...SHARED_RUNTIME_DEFAULTS,
    heartbeat: {
      ...SHARED_RUNTIME_DEFAULTS.heartbeat,
      // OpenClaw 2026.4.12's default (src/infra/heartbeat-summary.ts); unverified for 2026.2.26, which is assumed to share it.
      target: 'none',
    },
    maintenance: {
      // src/config/sessions/store-maintenance.ts in OpenClaw 2026.4.12; the docs bundled with 2026.2.26 give the same.
      mode: 'warn',
      pruneAfterMs: 30 * DAY,
      maxEntries: 500,
      rotateBytes: 10 * MIB,
      maxDiskBytes: null, // off by default
      highWaterRatio: 0.8, // of maxDiskBytes
      resetArchiveRetention: 'pruneAfter', // defaults to pruneAfter
      capTrigger: 'every-write', // maintenance runs on every store write (saveSessionStoreUnlocked, src/config/sessions/store.ts)
    },
    queue: { mode: 'collect', debounceMs: 1_000, cap: 20, drop: 'summarize' }, // OpenClaw 2026.4.12, src/auto-reply/reply/queue/
    // 1m → 5m → 25m → 1h: min(1h, 60s·5^(n-1)), calculateAuthProfileCooldownMs (src/agents/auth-profiles/usage.ts)
    // before openclaw/openclaw PR #49834; observed on openclaw@2026.2.26: a first cooldown of 60 s.
    cooldownStepsMs: [MINUTE, 5 * MINUTE, 25 * MINUTE, HOUR],
    // Unverified: 2026.2.26's dist was read for the 100-command cap (`allCommands.slice(0, 100)`) only; no
    // 5,700-character text budget is known for it.
    telegramCommandTextBudgetChars: null,
  },
  routing: {
    // Golden trace test/golden/openclaw-2026.2.26/all-models-429.json: 12 requests to the OpenAI fallback
    // = 4 attempts × (1 + 2 SDK retries).
    sdkRetries: true,
    sameModelRetry: {
      kind: 'pattern-backoff',
      maxRetries: 3,
      baseDelayMs: 2 * SECOND,
      maxDelayMs: 60 * SECOND,
      // pi-coding-agent's AgentSession retry pattern, read in 2026.2.26's install. Unverified in full: only these
      // terms were copied from it, and a part between them is missing here.
      pattern: /overloaded|rate.?limit|too many requests|429|500|502|503|504|service.?unavailable|terminated|retry delay/i,
    },
    rateLimitCooldownScope: 'auth-profile',
    // TRANSIENT_HTTP_RETRY_DELAY_MS in OpenClaw 2026.4.12's src/auto-reply/reply/agent-runner-execution.ts; unobserved on 2026.2.26.
    transientChainRetryDelayMs: 2_500,
    // No fallback notice to the user: golden trace test/golden/openclaw-2026.2.26/flash-429-pro-429-other-ok.json.
    fallbackNotices: false,
    streamFaults: 'reply-or-surface',
    // Read in dist/pi-embedded-helpers-qnfs15AW.js formatAssistantErrorText (assistant-error-text.ts). The goldens in
    // test/golden/openclaw-2026.2.26/: all-models-429.json shows "⚠️ API rate limit reached…" in the summary for a 429
    // and "⚠️ Agent failed before reply: All models failed (N): …"; anthropic-only-529.json the overload copy as the
    // reply of a one-model chain; flash-429-pro-malformed-function-call.json "An unknown error occurred" reaching the user as is.
    // Read in dist/pi-embedded-helpers-qnfs15AW.js classifyFailoverReason: from the error text (assistant-error-text.ts).
    failoverReasonFrom: 'error-text',
    attemptErrorText: 'assistant-error-copy',
    unclassifiedReply: 'assistant-error-copy',
    allFailedReply: 'agent-failed-summary',
  },
  decisionLines,
  // Read in 2026.2.26's dist/pi-embedded-CQnl8oWA.js, src/agents/compaction.ts summarizeWithFallback: a second pass without
  // oversized messages whatever their count, then "Summary unavailable due to size limits" as the summary;
  // pi-coding-agent 0.55.1 generateSummary: maxTokens floor(0.8 × reserveTokens), uncapped.
  // Read in pi-coding-agent 0.55.1 (2026.2.26's install), _checkCompaction: `this.model.contextWindow`, the
  // models.providers entry as resolveModel returns it, nothing capping it; agents.defaults.contextTokens reaches only
  // resolveContextWindowInfo (guard, overflow recovery, safeguard chunks, status). Golden trace
  // test/golden/openclaw-2026.2.26/compaction-context-tokens-cap-ignored.json: a 1M-window model with contextTokens
  // 40,000 sends ~39,400 tokens and does not compact.
  compaction: {
    onSummaryFailure: 'fallback-text',
    partialPassNeedsOversized: false,
    capOutputAtModelMax: false,
    emptySummaryFails: false,
    thresholdWindow: 'model',
    chunkWindowCap: 'agents-defaults-context-tokens',
    // Read in pi-coding-agent 0.55.1 core/compaction/compaction.js prepareCompaction: boundaryStart = prevCompactionIndex + 1.
    // Golden trace test/golden/openclaw-2026.2.26/compaction-model-window.json: turn 3 (23,212 tokens) cancels
    // "no real conversation messages", turn 4's
    // summary carries turn 3 only (8,584 tokens in) and turn 2's kept message drops out.
    summarizeFrom: 'appended-since-compaction',
    // Read in 2026.2.26's dist/pi-embedded-CQnl8oWA.js applyPiCompactionSettingsFromConfig:
    // max(reserveTokens ?? 16384, reserveTokensFloor ?? 20000).
    reserveFromConfig: true,
    // Read in pi-coding-agent 0.55.1 agent-session.js: _checkCompaction on agent_end. Golden trace
    // test/golden/openclaw-2026.2.26/compaction-model-window.json: the summary calls follow turn 2's reply.
    checkAfterRun: true,
    // Read in 2026.2.26's dist/pi-embedded-CQnl8oWA.js, src/agents/compaction.ts summarizeChunks: the summary so far starts at
    // params.previousSummary (pi's <previous-summary> block); MERGE_SUMMARIES_INSTRUCTIONS is one line over the
    // halves' bare summaries. pi-coding-agent 0.55.1 SUMMARIZATION_SYSTEM_PROMPT / SUMMARIZATION_PROMPT /
    // UPDATE_SUMMARIZATION_PROMPT: 317, 879, 1,257 characters.
    previousSummary: 'update-block',
    mergeRequest: 'plain',
    safeguardPromptChars: { system: 317, summarize: 879, update: 1_257 },
  },
  // Read in 2026.2.26's dist/reply-Deht_wOB.js runMemoryFlushIfNeeded: 2026.2.26 has a flush too (on by default, before the run, at
  // window − reserveTokensFloor − 4,000 on the entry's fresh totalTokens, window from the configured models), but
  // every compaction marks totalTokens stale (totalTokensFresh: false) and a run past window − reserve compacts
  // after it, so it can fire only after a run that ended between the two thresholds without compacting.
  // Observed on openclaw@2026.2.26 in the compaction-model-window case: no flush (sessions.json after the run:
  // totalTokensFresh false, compactionCount 3). Not modelled.
  memoryFlush: null,
  // No utility model in 2026.2.26: its goldens show no request to a model the config does not name.
  activityRecap: null,
  // Read in 2026.2.26's dist/image-BaNRoyvf.js extractAssistantText (each text block .trim()); dist/pi-embedded-CQnl8oWA.js
  // handleMessageEnd and buildEmbeddedRunPayloads (item.text.trim()). No 2026.2.26 golden reply ends in a blank.
  replyTrim: 'trim',
  cacheTtlPruningForOpenAI: false,
  maintenanceOrder: 'oldest-first',
  sessionStore: 'sessions-json',
  telegram: {
    startup: 'probe-then-runner',
    menuSetAfterTick: true,
    probeIntervalMs: 60 * SECOND,
    menuScopes: [DEFAULT_SCOPE], // one setMyCommands, default scope only (golden trace test/golden/openclaw-2026.2.26/all-ok.json)
    menuHashCache: false,
    logTooMuchRejections: true,
    logAcceptedAfterRetry: false,
    skillFallbackUnderPressure: false,
    initialPollTimeoutS: undefined,
    typingIntervalMs: 3 * SECOND,
    sendPaths: { reply: { throttled: true, retried: false }, outbound: { throttled: false, retried: true } },
    typingThrottled: true,
    sendLog: 'per-chunk',
    logInbound: false,
    linkifyUrls: false,
    pairingStore: '~/.openclaw/credentials/telegram-default-allowFrom.json',
    setEmptyMenuWhenNativeOff: true, // read in 2026.2.26's syncTelegramMenuCommands: setMyCommands([]) after deleteMyCommands
    // resolveTelegramToken (dist/plugins-*.js): the channel's botToken is the `default` account's alone, and
    // listTelegramAccountIds lists `default` only when `accounts` or a binding names it;
    // mergeTelegramAccountConfig is a plain `{ ...channel, ...account }`.
    accounts: { channelTokenFor: 'default-account', channelTokenListsDefault: false, rootAllowFromOverWildcard: false, emptyGroupsInherit: 'never' },
  },
  commands: {
    builtins: BUILTINS,
    aliases: [],
    flaggedOff: ['config', 'debug'],
    plugins: PLUGINS,
    pluginOrder: 'registration',
    customCommands: 'last',
    // monitorDiscordProvider (dist/pi-embedded-*.js): built-ins and skills only, no plugin commands.
    discord: { aliases: false, plugins: false },
  },
  bundledSkills: BUNDLED_SKILLS_2026_2,
};
