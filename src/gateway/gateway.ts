/**
 * The embedded gateway: one OpenClaw config and version profile, wired
 * into a whole that starts, runs and stops on a clock — the Telegram
 * channel, the inbound queue and lanes, the session store with maintenance,
 * context building, the model router, heartbeat and cron, and the gateway
 * log. No globals: two gateways can run side by side in one process (A/B).
 *
 *   Telegram update → agent (bindings, agent-route.ts) → session key → inbound queue → session lane → main lane
 *     → store write (maintenance) → compaction check → context (pruning) → router
 *     → transcript → compaction check (summary calls) → reply / notices / error text → store write
 */
import type { Clock } from '../clock/clock.ts';
import type { Prng } from '../clock/prng.ts';
import { effectiveSettings, type EffectiveSettings } from '../config/effective.ts';
import { HEARTBEAT_PROMPT } from '../config/runtime-defaults.ts';
import type { OpenClawConfig } from '../config/schema.ts';
import { createTelegramChannel, type TelegramChannel } from './channels/index.ts';
import { DEFAULT_ELIGIBLE_SKILLS, type SkillSpec } from './channels/commands-catalog.ts';
import { discordCommandRegistration, type DiscordCommandRegistration } from './channels/discord-commands.ts';
import type { InboundTelegramMessage } from './channels/telegram-inbound.ts';
import { planTelegramAccounts, type TelegramAccount } from './channels/telegram-accounts.ts';
import { accountBotToken } from './channels/telegram-token.ts';
import { createCompactor } from './compaction-runner.ts';
import { buildRequest, emptyTranscript, pruningApplies, recordTurn, type Transcript, type TranscriptEntry } from './context.ts';
import { createCron, type Cron, type CronJob } from './cron.ts';
import { createHeartbeat, type Heartbeat } from './heartbeat.ts';
import { createInboundQueue, type InboundQueue } from './inbound-queue.ts';
import { createLanes, type Lanes } from './lanes.ts';
import {
  memoryFlushPrompt,
  memoryFlushSettings,
  memoryFlushSystemPrompt,
  memoryFlushThreshold,
  newMemoryFlushState,
  recordCompaction,
  recordFlush,
  shouldFlush,
  type MemoryFlushState,
} from './memory-flush.ts';
import { heartbeatAgentIds, resolveDefaultAgentId } from '../config/agents.ts';
import { defaultAgentRoute, resolveAgentRoute, type AgentRoute, type RoutePeer } from './agent-route.ts';
import { createAgentRuntimes, type AgentRuntime } from './agent-runtimes.ts';
import { configuredModel, parseModelRef, type ModelRef } from '../config/model-ref.ts';
import { resolveProvider } from '../config/catalog/index.ts';
import { createGatewayLog, type GatewayLog } from './log.ts';
import { createFallbackNotices } from './fallback-notices.ts';
import { firstFallbackAtMs } from './first-fallback.ts';
import { deliveredReplyText } from './reply-text.ts';
import type { DropReason, InboundRef, MessageFate } from './message-fates.ts';
import type { VersionProfile } from './profiles/profile.ts';
import { createModelRouter, type ModelRouter, type TurnOutcome } from './router/index.ts';
import { createActivityRecap } from './activity-recap.ts';
import type { RunOrigin } from './run-origin.ts';
import {
  createCronReaper,
  createSessionStore,
  cronRunSessionKey,
  cronSessionKey,
  directSessionKey,
  groupSessionKey,
  heartbeatSessionKey,
  mainSessionKey,
  mergeSessionEntry,
  parseAgentSessionKey,
  type SessionEntry,
  type SessionStore,
} from './sessions/index.ts';
import { createTextPool, type TextPool } from './text-pool.ts';
import { charsOfTokens } from './tokens.ts';

/** What the simulated host brings that openclaw.json does not hold. */
export type GatewayHost = {
  /** System prompt + tool schemas per request: observed on openclaw@2026.9.6, the real requests carried ~53–59 KB. */
  readonly systemPromptTokens?: number;
  /** Whether HEARTBEAT.md has tasks; the default template has none and skips every heartbeat. */
  readonly heartbeatHasTasks?: boolean;
  readonly skills?: readonly SkillSpec[];
  readonly cronJobs?: readonly CronJob[];
  /** Tool output each tool call adds to the transcript. */
  readonly toolResultTokensPerTurn?: number;
  /**
   * Tool calls per user turn. An OpenClaw turn is an agent loop: each tool call's result goes back to
   * the model in another request carrying the whole context again, so a turn with two tool calls sends
   * its context three times. The mocks do not emit tool calls; the loop is simulated from this count.
   */
  readonly toolCallsPerTurn?: number;
};

export type GatewayOptions = {
  readonly config: OpenClawConfig;
  /** The OpenClaw version the gateway behaves as (src/gateway/profiles/). */
  readonly profile: VersionProfile;
  readonly clock: Clock;
  /** The clock-tracked fetch every provider and Telegram call goes through. */
  readonly fetch: typeof fetch;
  readonly rng: Prng;
  readonly host?: GatewayHost;
  /** The Telegram pairing allow store at start: sender ids the owner approved (`openclaw pairing approve telegram CODE`). */
  readonly pairedSenders?: readonly number[];
  /** 2026.9's transient-retry jitter (router.ts RouterDeps.retryJitter); default: a child of `rng`. */
  readonly retryJitter?: Prng;
};

/** A message the gateway sent to a chat, as checks read it. */
export type Delivery = {
  readonly atMs: number;
  readonly chatId: number;
  readonly text: string;
  readonly kind: 'reply' | 'notice' | 'error' | 'surfaced';
  readonly modelRef: string | undefined;
};

/** What a user got for a turn: an error text, a reply, or nothing (an empty reply sends nothing). */
type Delivered = 'error-reply' | 'replied' | 'nothing';

type GatewayStats = {
  userTurns: number;
  heartbeatTurns: number;
  cronTurns: number;
  silentTurns: number;
  /** Compactions begun (compaction.ts); each made one or more summary calls to the run's model. */
  compactions: number;
  /** Pre-compaction memory flushes run after a delivered reply (memory-flush.ts; 2026.9). */
  memoryFlushes: number;
};

export type Gateway = {
  start(): Promise<void>;
  /** Stops taking work, lets running turns finish, stops every timer. */
  stop(): Promise<void>;
  readonly settings: EffectiveSettings;
  readonly log: GatewayLog;
  readonly store: SessionStore;
  readonly router: ModelRouter;
  /** The first started account's bot (the only one of a single-bot config). */
  readonly channel: TelegramChannel;
  /** The bots the gateway starts, one per started Telegram account, with the token each presents. */
  readonly telegramBots: readonly { readonly accountId: string; readonly botToken: string }[];
  readonly deliveries: readonly Delivery[];
  /** What became of each user message received, in the order the fates were sealed (message-fates.ts). */
  readonly messageFates: readonly MessageFate[];
  /** Whether the config has an enabled `channels.telegram`: only then does the bot start, and checks about the channel judge. */
  readonly telegramConfigured: boolean;
  /** The slash commands a configured Discord bot registers (computed, no Discord traffic); undefined without `channels.discord`. */
  readonly discordCommands: DiscordCommandRegistration | undefined;
  readonly stats: Readonly<GatewayStats>;
  /**
   * A message straight to the default agent's main session, as `openclaw agent --message <text>` sends it
   * (`agentCommand`, dist/reply-*.js in 2026.2.26: `resolveSession` for the default agent gives
   * `agent:<default>:main`; no channel, no inbound queue; the run takes the session lane, then the main
   * lane). The reply goes back to the caller, not to a chat. Its fate is sealed like a chat message's.
   */
  sendDirect(message: DirectMessage): void;
};

/** A message for the direct entry; `id` numbers it among the run's messages (the fate's `updateId`). */
type DirectMessage = { readonly id: number; readonly senderId: number; readonly text: string };

/** Where a user turn came from and where its answer goes. */
type TurnEntry = {
  readonly bookkeeping: (last: InboundTelegramMessage) => Partial<SessionEntry>;
  readonly keepTyping: (chatId: number) => { stop(): void };
  readonly send: (chatId: number, text: string) => Promise<void>;
};

const DEFAULT_SYSTEM_PROMPT_TOKENS = 13_500;
const LIGHT_CONTEXT_TOKENS = 1_000;
/** OpenClaw's default window for a model without one (`DEFAULT_CONTEXT_TOKENS`, src/agents/defaults.ts). */
const DEFAULT_CONTEXT_WINDOW = 200_000;

export function createGateway(options: GatewayOptions): Gateway {
  const { config, profile, clock } = options;
  const settings = effectiveSettings(config, profile.runtimeDefaults);
  const modelRefRules = profile.modelRefs;
  const host = options.host ?? {};
  const rng = options.rng;
  const log = createGatewayLog(clock);
  const pool = createTextPool(rng.fork('text-pool'));
  const systemPrompt = pool.take(charsOfTokens(host.systemPromptTokens ?? DEFAULT_SYSTEM_PROMPT_TOKENS), rng.fork('system-prompt'));
  const lightSystemPrompt = pool.take(charsOfTokens(LIGHT_CONTEXT_TOKENS), rng.fork('light-context'));
  const store = createSessionStore({ clock, settings: settings.maintenance, order: profile.maintenanceOrder, rng: rng.fork('sessions'), log });
  const router = createModelRouter(config, profile, {
    fetch: options.fetch,
    clock,
    rng: rng.fork('router'),
    log,
    ...(options.retryJitter === undefined ? {} : { retryJitter: options.retryJitter }),
  });
  const lanes = createLanes({
    clock,
    log,
    concurrency: { main: settings.lanes.mainMaxConcurrent, cron: settings.lanes.cronMaxConcurrentRuns, nested: settings.lanes.nestedMaxConcurrent },
  });
  const agentOf = createAgentRuntimes(config, profile, { chain: router.chain, heartbeat: settings.heartbeat });
  const defaultAgentId = resolveDefaultAgentId(config, profile.agents);
  const deliveries: Delivery[] = [];
  const fates = createFateLog(clock);
  // OpenClaw starts a channel account only when it is enabled and configured (startChannelInternal,
  // dist/gateway-cli-*.js, 2026.2.26): no `channels.telegram`, or `enabled: false`, means no bot at all;
  // with `accounts`, one bot per enabled account with a token of its own (telegram-accounts.ts).
  const telegramAccounts = settings.telegram.enabled ? planTelegramAccounts(config, profile.telegram.accounts).started : [];
  const telegramConfigured = telegramAccounts.length > 0;
  const fallbackNotices = createFallbackNotices(profile.routing.fallbackNotices);
  const stats: GatewayStats = { userTurns: 0, heartbeatTurns: 0, cronTurns: 0, silentTurns: 0, compactions: 0, memoryFlushes: 0 };
  const flushBehaviour = profile.memoryFlush;
  const flush = flushBehaviour === null ? undefined : memoryFlushSettings(config, flushBehaviour);
  // Drawn only by a version with a flush: a draw here would shift every later text of the pool.
  const flushSystemPrompt = flushBehaviour === null ? '' : memoryFlushSystemPrompt(pool.take(charsOfTokens(flushBehaviour.systemPromptTokens), rng.fork('memory-flush-system-prompt')));
  // Per session (transcript): its compactions and the cycle last flushed.
  const flushStates = new WeakMap<Transcript, MemoryFlushState>();
  const flushStateOf = (transcript: Transcript) => {
    let state = flushStates.get(transcript);
    if (state === undefined) flushStates.set(transcript, (state = newMemoryFlushState()));
    return state;
  };
  const toolRng = rng.fork('tool-results');
  let runs = 0;
  const nextRunId = (origin: RunOrigin) => `${origin}-${++runs}`;
  const { compactBeforePrompt, compactAfterRun, thresholdWindowOf } = createCompactor({
    config,
    compaction: profile.compaction,
    modelRefs: profile.modelRefs,
    contextTokensCap: settings.contextTokens,
    defaultContextWindowTokens: DEFAULT_CONTEXT_WINDOW,
    clock,
    rng,
    router,
    log,
    stats,
    nextRunId,
    onCompacted: (transcript) => recordCompaction(flushStateOf(transcript)),
  });
  const recap = createActivityRecap({
    clock,
    behaviour: profile.activityRecap,
    callModel: (modelRef, call) => router.callModel(modelRef, call),
    providerOf: (modelRef) => parseModelRef(modelRef, modelRefRules)?.provider,
  });
  // Heartbeat and cron turns in flight: stop() lets them finish, so nothing is left mid-request.
  const background = new Set<Promise<void>>();
  const tracked = (turn: () => Promise<void>) => () => {
    const running = turn().finally(() => background.delete(running));
    background.add(running);
    return running;
  };

  const queue: InboundQueue<InboundTelegramMessage> = createInboundQueue({
    clock,
    settings: settings.queue,
    runTurn: (sessionKey, messages, dropped) =>
      lanes.run([`session:${sessionKey}`, 'main'], () => userTurn(sessionKey, messages, dropped)).catch((error: unknown) => {
        // The lane logged it; one failed turn does not stop the chat.
        fates.seal(messages.map(inboundRef), 'dropped', 'turn-failed', error instanceof Error ? error.message : String(error));
      }),
    onDropped: (message) => fates.seal([inboundRef(message)], 'dropped', 'queue-cap'),
  });

  // Without a started account the one bot is built and never started, as a config without Telegram had it.
  const channelAccounts: readonly (Omit<TelegramAccount, 'config'> & { readonly config: TelegramAccount['config'] | undefined })[] = telegramConfigured
    ? telegramAccounts
    : [{ accountId: 'default', config: config.channels?.telegram, configuredToken: config.channels?.telegram?.botToken }];
  const bots = channelAccounts.map((account, index) => ({ account, botToken: accountBotToken(account.configuredToken, index), index }));
  const channels = new Map(
    bots.map(({ account, botToken, index }) => [
      account.accountId,
      createTelegramChannel({
        clock,
        fetch: options.fetch,
        log,
        behaviour: profile.telegram,
        catalog: profile.commands,
        botToken,
        accountId: account.accountId,
        apiRoot: settings.telegram.apiRoot,
        settings: settings.telegram,
        commands: settings.commands,
        ...(host.skills === undefined ? {} : { skills: host.skills }),
        // Each user is pre-approved on the bot it writes to; one list serves every account's store alike.
        ...(options.pairedSenders === undefined ? {} : { pairedSenders: options.pairedSenders }),
        ...(account.config === undefined ? {} : { channelConfig: account.config }),
        // The first bot keeps the stream a single-bot run has always drawn from.
        prng: rng.fork(index === 0 ? 'telegram' : `telegram/${account.accountId}`),
        onMessage: (inbound) => onTelegramMessage({ ...inbound, accountId: account.accountId }),
        onIgnored: ({ update, reason }) => {
          const message = update.message;
          const ref = { updateId: update.update_id, senderId: message?.from?.id ?? 0, chatId: message?.chat.id ?? 0, receivedAtMs: clock.now() };
          fates.seal([ref], 'dropped', dropReasonOf(reason));
        },
      }),
    ]),
  );
  const channel = channels.get(channelAccounts[0]!.accountId)!;

  /** resolveAgentRoute with the bot's account, so bindings by `accountId` pick their agent. */
  function onTelegramMessage(inbound: InboundTelegramMessage): void {
    const route = resolveAgentRoute(config, profile, { channel: 'telegram', ...accountOf(inbound), peer: routePeerOf(inbound) });
    if (route.kind === 'agent') queue.push(sessionKeyOf(inbound, route.agentId), inbound);
    else refuse(inbound, route);
  }

  // One heartbeat per agent that runs them (config/agents.ts heartbeatAgentIds), on that agent's settings.
  const heartbeats: Heartbeat[] = heartbeatAgentIds(config, profile.agents).map((agentId) => {
    const agent = agentOf(agentId);
    const key = agent.heartbeat.isolatedSession ? heartbeatSessionKey(agentId) : (agent.heartbeat.session ?? mainSessionKey(agentId));
    return createHeartbeat({
      clock,
      log,
      lanes,
      settings: agent.heartbeat,
      hasTasks: host.heartbeatHasTasks ?? true,
      sessionLane: `session:${key}`,
      runTurn: tracked(() => heartbeatTurn(agent, key)),
    });
  });
  // Cron jobs run on the default agent; a config without one keeps them on `main`.
  const cronAgent = agentOf(defaultAgentId ?? 'main');

  const reaper = createCronReaper({ store, settings: settings.cron, log });
  const cron: Cron = createCron({
    clock,
    lanes,
    jobs: host.cronJobs ?? [],
    enabled: settings.cron.enabled,
    runJob: (job) => tracked(() => cronTurn(job))(),
    onTick: (nowMs) => void reaper.sweep(nowMs),
  });

  function sessionKeyOf(inbound: InboundTelegramMessage, agentId: string): string {
    if (inbound.chatType === 'group') return groupSessionKey({ channel: 'telegram', groupId: inbound.chatId, agentId });
    return directSessionKey({ dmScope: (config.session?.dmScope as 'main' | undefined) ?? 'main', channel: 'telegram', peerId: inbound.senderId, agentId, ...accountOf(inbound) });
  }

  /** A message no agent can take: OpenClaw throws while routing it, so no turn runs and nothing is sent. */
  function refuse(inbound: InboundTelegramMessage, route: AgentRoute & { kind: 'refused' }): void {
    log.write('error', 'gateway', route.reason);
    fates.seal([inboundRef(inbound)], 'dropped', 'turn-failed', route.reason);
  }

  /** The agent a session belongs to (`agent:<id>:…`). */
  function agentOfSession(sessionKey: string): AgentRuntime {
    return agentOf(parseAgentSessionKey(sessionKey)?.agentId ?? 'main');
  }

  /** Where a Telegram turn's answer goes: the bot of the account the message reached. */
  function telegramEntryOf(accountId: string | undefined): TurnEntry {
    const bot = channels.get(accountId ?? 'default') ?? channel;
    return {
      bookkeeping: (last) => ({
        lastChannel: 'telegram',
        lastTo: last.from,
        chatType: last.chatType,
        deliveryContext: { channel: 'telegram', to: last.from, accountId: accountId ?? 'default' },
      }),
      keepTyping: (chatId) => bot.keepTyping(chatId),
      send: (chatId, text) => bot.send(chatId, text),
    };
  }
  // The CLI waits for the reply itself: no typing indicator, nothing sent to a chat.
  const directEntry: TurnEntry = { bookkeeping: () => ({ chatType: 'direct' }), keepTyping: () => ({ stop: () => {} }), send: async () => {} };

  async function userTurn(sessionKey: string, messages: readonly InboundTelegramMessage[], dropped: number, via: TurnEntry = telegramEntryOf(messages.at(-1)?.accountId)): Promise<void> {
    const last = messages.at(-1);
    if (last === undefined) return;
    stats.userTurns++;
    // Inbound bookkeeping is a store write: maintenance runs here, on the turn's first write.
    const entry = store.update(sessionKey, () => via.bookkeeping(last));
    const transcript = entry === undefined ? emptyTranscript() : store.transcript(entry.sessionId);
    const summary = dropped > 0 ? [{ role: 'user' as const, text: `[${dropped} earlier messages dropped]` }] : [];
    const incoming: TranscriptEntry[] = [...summary, ...messages.map((message) => ({ role: 'user' as const, text: message.text }))];
    const typing = via.keepTyping(last.chatId);
    const { chain } = agentOfSession(sessionKey);
    recap.noteTranscript(sessionKey, chain[0] ?? '', incoming.map((message) => `user: ${message.text}`));
    let outcome: TurnOutcome;
    // The turn's runs, and where the decision log stood when it began: to find when it first failed over.
    const runIds = new Set<string>();
    const decisionsBefore = router.decisions.events.length;
    try {
      outcome = await agentLoop(transcript, incoming, chain, runIds);
      // The run ends with its reply in the transcript, then OpenClaw waits for any compaction before replying.
      if (outcome.kind === 'reply') {
        recordTurn(transcript, [{ role: 'assistant', text: outcome.text }], clock.now());
        recap.noteTranscript(sessionKey, chain[0] ?? '', [`assistant: ${outcome.text}`]);
        await compactAfterRun(transcript, outcome, 'user');
      }
    } finally {
      typing.stop();
    }
    const delivered = await deliver(last.chatId, outcome, fallbackNotices.forTurn(sessionKey, last.chatType, chain[0] ?? '', outcome), via);
    sealTurn(messages, delivered, firstFallbackAtMs(router.decisions.events.slice(decisionsBefore), runIds, chain));
    if (outcome.kind !== 'reply') recordTurn(transcript, [], clock.now());
    store.update(sessionKey, () => usagePatch(outcome));
    // Session maintenance after delivery, only when the turn replied; the next message on this lane waits for it.
    if (outcome.kind === 'reply') await memoryFlushIfNeeded(transcript, outcome, chain);
  }

  /**
   * 2026.9.6's pre-compaction memory flush (memory-flush.ts): the last call's input + output against the
   * flush threshold of the window the run's primary is measured by; one agent turn on a copy of the
   * session, through the run's chain, its reply dropped.
   */
  async function memoryFlushIfNeeded(transcript: Transcript, outcome: TurnOutcome & { kind: 'reply' }, chain: readonly string[]): Promise<void> {
    if (flushBehaviour === null || flush === undefined) return;
    const state = flushStateOf(transcript);
    const usage = outcome.reply.usage;
    const threshold = memoryFlushThreshold(thresholdWindowOf(chain[0]!), flush, flushBehaviour);
    if (!shouldFlush(state, usage.inputTokens + usage.outputTokens, threshold)) return;
    stats.memoryFlushes++;
    const copy: Transcript = { ...transcript, entries: [...transcript.entries] };
    const result = await route(copy, [{ role: 'user', text: memoryFlushPrompt() }], chain, flushSystemPrompt, 'memory-flush');
    recordFlush(state, result.kind === 'reply', flushBehaviour);
  }

  /** The model calls of one turn: the first with the new message, then one per tool call with its result. */
  async function agentLoop(transcript: Transcript, incoming: readonly TranscriptEntry[], chain: readonly string[], runIds: Set<string>): Promise<TurnOutcome> {
    await compactBeforePrompt(transcript, chain[0]!, systemPrompt, 'user');
    let outcome = await route(transcript, incoming, chain, systemPrompt, 'user', runIds);
    recordTurn(transcript, incoming, clock.now());
    for (let call = 0; call < (host.toolCallsPerTurn ?? 0) && outcome.kind === 'reply'; call++) {
      recordTurn(transcript, [{ role: 'assistant', text: outcome.text }, ...toolOutput()], clock.now());
      outcome = await route(transcript, [], chain, systemPrompt, 'user', runIds);
    }
    return outcome;
  }

  async function heartbeatTurn(agent: AgentRuntime, heartbeatKey: string): Promise<void> {
    stats.heartbeatTurns++;
    const main = agent.heartbeat.isolatedSession ? undefined : store.get(heartbeatKey);
    // Isolated: a new session and empty transcript per run (heartbeat `isolatedSession`, src/infra/heartbeat-runner.ts);
    // otherwise the main session's transcript, replayed.
    const transcript = main === undefined ? emptyTranscript() : store.transcript(main.sessionId);
    const chain = heartbeatChain(agent);
    const system = agent.heartbeat.lightContext ? lightSystemPrompt : systemPrompt;
    await compactBeforePrompt(transcript, chain[0]!, system, 'heartbeat');
    const outcome = await route(transcript, [{ role: 'user', text: agent.heartbeat.prompt }], chain, system, 'heartbeat');
    // A heartbeat is a run in the main session like any other: its usage can set off a compaction.
    if (outcome.kind === 'reply') await compactAfterRun(transcript, outcome, 'heartbeat');
    if (outcome.kind !== 'reply') log.write('warn', 'heartbeat', `heartbeat failed: ${outcome.text.split('\n')[0]}`);
    // The ack is dropped and updatedAt restored, so heartbeats keep no session fresh — but it is a store write.
    store.write(() => {}, { activeKey: heartbeatKey });
  }

  async function cronTurn(job: CronJob): Promise<void> {
    stats.cronTurns++;
    const sessionId = store.newSessionId();
    const runKey = cronRunSessionKey(job.id, sessionId, cronAgent.id);
    // One store write for both entries, as OpenClaw's run-session-state does (src/cron/isolated-agent/): each run adds one entry.
    store.write((entries) => {
      const nowMs = clock.now();
      const patch = { sessionId, label: `Cron: ${job.id}` };
      const jobKey = cronSessionKey(job.id, cronAgent.id);
      entries.set(jobKey, mergeSessionEntry(entries.get(jobKey), patch, nowMs, store.newSessionId));
      entries.set(runKey, mergeSessionEntry(undefined, patch, nowMs, store.newSessionId));
    }, { activeKey: null });
    const prompt: TranscriptEntry = { role: 'user', text: pool.take(charsOfTokens(job.promptTokens), rng.fork(`cron/${job.id}/${sessionId}`)) };
    const outcome = await route(emptyTranscript(), [prompt], cronAgent.chain, systemPrompt, 'cron');
    store.update(runKey, () => usagePatch(outcome), { activeKey: null });
  }

  /**
   * A heartbeat model runs first, then the fallbacks, then the configured primary: `heartbeat.model` as the
   * requested model in `resolveFallbackCandidates` (src/agents/model-fallback.ts, OpenClaw 2026.4.12).
   */
  function heartbeatChain(agent: AgentRuntime): string[] {
    const model = agent.heartbeatModel;
    if (model === null || model === agent.chain[0]) return [...agent.chain];
    return [...new Set([model, ...agent.chain.slice(1), ...agent.chain.slice(0, 1)])];
  }

  /** `origin` names the run in the decision log (`user-3`, `heartbeat-4`), so reports can tell traffic apart. */
  /** `runIds` collects the run's id for a caller that looks its decisions up afterwards. */
  function route(transcript: Transcript, incoming: readonly TranscriptEntry[], chain: readonly string[], system: string, origin: RunOrigin = 'user', runIds?: Set<string>): Promise<TurnOutcome> {
    const runId = nextRunId(origin);
    runIds?.add(runId);
    return router.runTurn({
      runId,
      chain,
      callFor: (modelRef) => {
        const { provider: providerId, model: modelId } = modelRefOf(modelRef);
        // The API kind as routing resolves it: the config's entry, completed from the version's catalog.
        const api = resolveProvider(config, providerId, modelRefRules, profile.catalog)?.api ?? '';
        const request = buildRequest(transcript, system, incoming, {
          pruning: settings.contextPruning,
          prunable: pruningApplies(api, providerId, modelId, profile.cacheTtlPruningForOpenAI),
          contextWindowTokens: contextWindowOf(modelRef),
          nowMs: clock.now(),
        });
        return { system: request.system, messages: request.messages, stream: true };
      },
    });
  }

  /** Sends the turn's outcome to the chat; says what the user got: an error text, a reply, or nothing. */
  async function deliver(chatId: number, outcome: TurnOutcome, notices: readonly string[], via: TurnEntry): Promise<Delivered> {
    const send = async (text: string, kind: Delivery['kind'], modelRef: string | undefined) => {
      deliveries.push({ atMs: clock.now(), chatId, text, kind, modelRef });
      await via.send(chatId, text).catch(() => {
        // The channel logged the failed send.
      });
    };
    if (outcome.kind === 'failed') return send(outcome.text, 'error', undefined).then(() => 'error-reply');
    if (outcome.kind === 'surfaced') return send(outcome.text, 'surfaced', outcome.modelRef).then(() => 'error-reply');
    for (const notice of notices) await send(notice, 'notice', outcome.modelRef);
    // Trimmed as the run's reply payloads are (reply-text.ts); the transcript keeps the model's text.
    const text = deliveredReplyText(outcome.text, profile.replyTrim);
    // An empty reply sends nothing (golden trace test/golden/openclaw-2026.2.26/empty-stream.json: no sendMessage).
    if (text === '') {
      stats.silentTurns++;
      return 'nothing';
    }
    await send(text, 'reply', outcome.modelRef);
    return 'replied';
  }

  /** The messages a turn answered, as what the user got. */
  function sealTurn(messages: readonly InboundTelegramMessage[], delivered: Delivered, fellBackAtMs: number | undefined): void {
    const refs = messages.map(inboundRef);
    const fallback = fellBackAtMs === undefined ? {} : { firstFallbackAtMs: fellBackAtMs };
    if (delivered === 'nothing') fates.seal(refs, 'dropped', 'empty-reply', undefined, fallback);
    else fates.seal(refs, delivered, undefined, undefined, fallback);
  }

  function usagePatch(outcome: TurnOutcome) {
    if (outcome.kind !== 'reply') return { abortedLastRun: false };
    const { provider: providerId, model: modelId } = modelRefOf(outcome.modelRef);
    const usage = outcome.reply.usage;
    return {
      modelProvider: providerId,
      model: modelId,
      contextTokens: settings.contextTokens ?? contextWindowOf(outcome.modelRef),
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      totalTokens: usage.inputTokens,
      totalTokensFresh: true,
    };
  }

  function toolOutput(): TranscriptEntry[] {
    const tokens = host.toolResultTokensPerTurn ?? 0;
    return tokens > 0 ? [{ role: 'toolResult', text: pool.take(charsOfTokens(tokens), toolRng) }] : [];
  }

  function contextWindowOf(modelRef: string): number {
    return configuredModel(config, modelRef, modelRefRules)?.contextWindow ?? DEFAULT_CONTEXT_WINDOW;
  }

  function modelRefOf(modelRef: string): ModelRef {
    return parseModelRef(modelRef, modelRefRules) ?? { provider: '', model: modelRef };
  }

  return {
    settings,
    log,
    store,
    router,
    channel,
    telegramBots: telegramConfigured ? bots.map(({ account, botToken }) => ({ accountId: account.accountId, botToken })) : [],
    deliveries,
    messageFates: fates.entries,
    telegramConfigured,
    discordCommands: discordCommandRegistration(config, profile.commands, host.skills ?? DEFAULT_ELIGIBLE_SKILLS),
    stats,
    sendDirect(message) {
      const nowMs = clock.now();
      const inbound: InboundTelegramMessage = {
        updateId: message.id,
        messageId: message.id,
        chatId: 0,
        chatType: 'direct',
        senderId: message.senderId,
        senderUsername: undefined,
        senderName: 'cli',
        text: message.text,
        from: 'cli',
        command: undefined,
        sentAtMs: nowMs,
        receivedAtMs: nowMs,
      };
      const route = defaultAgentRoute(config, profile.agents);
      if (route.kind === 'refused') return refuse(inbound, route);
      const sessionKey = mainSessionKey(route.agentId);
      void lanes.run([`session:${sessionKey}`, 'main'], () => userTurn(sessionKey, [inbound], 0, directEntry)).catch((error: unknown) => {
        fates.seal([inboundRef(inbound)], 'dropped', 'turn-failed', error instanceof Error ? error.message : String(error));
      });
    },
    async start() {
      log.write('info', 'gateway', `agent model: ${router.chain[0] ?? '(none)'}`);
      await router.discoverModels();
      // The accounts start side by side (startChannelInternal's Promise.all over listAccountIds, 2026.2.26 dist/gateway-cli-*.js).
      if (telegramConfigured) await Promise.all([...channels.values()].map((bot) => bot.start()));
      for (const heartbeat of heartbeats) heartbeat.start();
      cron.start();
    },
    async stop() {
      for (const heartbeat of heartbeats) heartbeat.stop();
      cron.stop();
      if (telegramConfigured) await Promise.all([...channels.values()].map((bot) => bot.stop()));
      await queue.idle();
      await Promise.allSettled([...background]);
      await recap.stop();
    },
  };
}

/** The message's account, for routing and session keys; nothing for `default`, as a single bot has always passed. */
function accountOf(inbound: InboundTelegramMessage): { accountId?: string } {
  return inbound.accountId === undefined || inbound.accountId === 'default' ? {} : { accountId: inbound.accountId };
}

/** The peer a Telegram message routes by: the sender of a DM, the chat of a group. */
function routePeerOf(inbound: InboundTelegramMessage): RoutePeer {
  return inbound.chatType === 'group' ? { kind: 'group', id: String(inbound.chatId) } : { kind: 'direct', id: String(inbound.senderId) };
}

function inboundRef(message: InboundTelegramMessage): InboundRef {
  return { updateId: message.updateId, senderId: message.senderId, chatId: message.chatId, receivedAtMs: message.receivedAtMs };
}

/** The channel's reason in message-fates.ts's terms. */
function dropReasonOf(reason: string): DropReason {
  const access: readonly string[] = ['pairing', 'dm-disabled', 'dm-not-allowed', 'group-disabled', 'group-not-allowed', 'sender-not-allowed', 'no-mention'];
  return access.includes(reason) ? (reason as DropReason) : 'not-a-text-message';
}

/** Each message's fate, sealed once: a turn that fails after it answered keeps its answer. */
function createFateLog(clock: Clock) {
  const entries: MessageFate[] = [];
  const sealed = new Set<number>();
  return {
    entries,
    seal(refs: readonly InboundRef[], fate: MessageFate['fate'], reason?: DropReason, detail?: string, fallback: Pick<MessageFate, 'firstFallbackAtMs'> = {}): void {
      for (const ref of refs) {
        if (sealed.has(ref.updateId)) continue;
        sealed.add(ref.updateId);
        entries.push({ ...ref, atMs: clock.now(), fate, ...(reason === undefined ? {} : { reason }), ...(detail === undefined ? {} : { detail }), ...fallback });
      }
    },
  };
}
