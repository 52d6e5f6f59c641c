/**
 * The embedded gateway's Telegram channel: OpenClaw's startup calls for the
 * profile, the command menu (command-menu.ts), long polling on the clock
 * (telegram-polling.ts), access policy for inbound messages
 * (telegram-inbound.ts), and what goes back into chats (telegram-send.ts),
 * all through grammY's `Api` over the run's injected fetch.
 *
 * The menu sync is fire-and-forget as in OpenClaw, but runs as tracked work
 * on the clock; `menuSync()` exposes its outcome.
 */
import type { Update, UserFromGetMe } from 'grammy/types';
import type { Clock, TimerHandle } from '../../clock/clock.ts';
import { createPrng, type Prng } from '../../clock/prng.ts';
import type { EffectiveSettings } from '../../config/effective.ts';
import type { TelegramConfig } from '../../config/schema.ts';
import type { GatewayLog } from '../log.ts';
import { buildCommandCatalog, DEFAULT_ELIGIBLE_SKILLS, type CommandCatalogSpec, type SkillSpec } from './commands-catalog.ts';
import { buildMenu, syncMenu, type MenuSyncOutcome } from './command-menu.ts';
import { DEFAULT_ACCESS, pairingReply, type AccessConfig } from './telegram-access.ts';
import { callLogged, createBotApi, TELEGRAM_SUBSYSTEM } from './telegram-api.ts';
import type { TelegramBehaviour } from './telegram-behaviour.ts';
import { createPairingRequests, inboundLogLine, readInbound, type InboundTelegramMessage } from './telegram-inbound.ts';
import { startPolling, type Polling } from './telegram-polling.ts';
import { createTelegramSender, type SendOptions } from './telegram-send.ts';
import { DEFAULT_TEXT_CHUNK_LIMIT } from './telegram-text.ts';

type BotCommand = { readonly command: string; readonly description: string };

export type TelegramChannelDeps = {
  readonly clock: Clock;
  readonly fetch: typeof fetch;
  readonly log: GatewayLog;
  /** The version profile's `telegram` and `commands` fields. */
  readonly behaviour: TelegramBehaviour;
  readonly catalog: CommandCatalogSpec;
  readonly botToken: string;
  /** The `channels.telegram.accounts` key this bot serves (telegram-accounts.ts); `default` for a single bot. */
  readonly accountId?: string;
  /** 2026.2 has no apiRoot key: pass https://api.telegram.org (the in-process mock's origin). */
  readonly apiRoot: string;
  readonly settings: EffectiveSettings['telegram'];
  readonly commands: EffectiveSettings['commands'];
  /** Eligible skills on the simulated host, in load order. Default: the five observed. */
  readonly skills?: readonly SkillSpec[];
  /** The gateway queues the turn; must not block polling. */
  onMessage(inbound: InboundTelegramMessage): void;
  /** An update that started no turn, and why (recording only: the channel acts the same without it). */
  onIgnored?(ignored: IgnoredUpdate): void;
  /** `channels.telegram` as configured: access policy, customCommands, textChunkLimit, commands overrides. */
  readonly channelConfig?: TelegramConfig;
  /** The pairing allow store at start: senders the owner approved with `openclaw pairing approve telegram CODE`. */
  readonly pairedSenders?: readonly number[];
  /** The run's stream for retry jitter, poll backoff and pairing codes (e.g. `rng.fork('telegram')`). */
  readonly prng?: Prng;
  /**
   * Synced-menu hashes of the simulated gateway process (2026.9 skips an unchanged menu).
   * Share one map across channel restarts inside one process; a new process starts empty.
   */
  readonly hashCache?: Map<string, string>;
};

/** An update the channel let go: the access policy's reason, `pairing`, or what kind of update it was not. */
type IgnoredUpdate = { readonly update: Update; readonly reason: string };

export type TelegramChannel = {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A reply (default) or an outbound delivery (`{ via: 'outbound' }`: heartbeat/cron, retried on 429). */
  send(chatId: number, text: string, options?: SendOptions): Promise<void>;
  typing(chatId: number): Promise<void>;
  /** sendChatAction typing now and every 3 s (2026.2) / 4 s (2026.9) until stopped, as while a turn runs. */
  keepTyping(chatId: number): { stop(): void };
  /** The menu Telegram holds as far as the channel knows: the accepted list after the sync. */
  readonly menu: readonly BotCommand[];
  /** The startup sync's outcome; undefined before start or when the sync failed. */
  menuSync(): Promise<MenuSyncOutcome | undefined>;
  readonly behaviour: TelegramBehaviour;
};

export function createTelegramChannel(deps: TelegramChannelDeps): TelegramChannel {
  const { clock, log } = deps;
  const { behaviour } = deps;
  const prng = deps.prng ?? createPrng(0).fork('telegram');
  const accountId = deps.accountId ?? 'default';
  const api = createBotApi({ botToken: deps.botToken, apiRoot: deps.apiRoot, fetch: deps.fetch });
  const hashCache = deps.hashCache ?? new Map<string, string>();
  const access = accessConfig(deps.channelConfig, deps.pairedSenders ?? []);
  const pairing = createPairingRequests(prng.fork('pairing'));
  const sender = createTelegramSender({
    api,
    clock,
    prng,
    log,
    behaviour,
    retry: deps.settings.retry,
    textChunkLimit: deps.channelConfig?.textChunkLimit ?? DEFAULT_TEXT_CHUNK_LIMIT,
  });
  const background = new Set<Promise<unknown>>();
  let bot: UserFromGetMe | undefined;
  let polling: Polling | undefined;
  let probeTimer: TimerHandle | undefined;
  let sync: Promise<MenuSyncOutcome | undefined> | undefined;
  let menu: readonly BotCommand[] = [];

  function inBackground(work: Promise<unknown>): void {
    const settled = work.catch(() => undefined).finally(() => background.delete(settled));
    background.add(settled);
  }

  /** The health probe (probeTelegram): getMe, then getWebhookInfo; it reports, it does not log or throw. */
  async function probe(): Promise<UserFromGetMe | undefined> {
    const me = await api.getMe().catch(() => undefined);
    if (me !== undefined) await api.getWebhookInfo().catch(() => undefined);
    return me;
  }

  /** `botId` keys the hash cache; OpenClaw falls back to the id in the token (resolveTelegramBotUserIdFromToken). */
  function startMenuSync(botId: number): Promise<MenuSyncOutcome | undefined> {
    const catalog = buildCommandCatalog({
      catalog: deps.catalog,
      nativeCommands: deps.settings.nativeCommands,
      nativeSkills: deps.settings.nativeSkills,
      skills: deps.skills ?? DEFAULT_ELIGIBLE_SKILLS,
      customCommands: deps.channelConfig?.customCommands ?? [],
    });
    for (const issue of catalog.issues) log.write('error', TELEGRAM_SUBSYSTEM, issue);
    const limits = { maxCommands: deps.settings.maxCommands, textBudgetChars: deps.settings.commandTextBudgetChars };
    const built = buildMenu(catalog.commands, limits, behaviour, log);
    const syncDeps = {
      api,
      log,
      behaviour,
      retryRatio: deps.settings.tooManyCommandsRetryRatio,
      hashCache,
      // OpenClaw keys the cached hash by account and bot (command-hash-<account>-<botHash>).
      hashKey: `${accountId}:bot:${botId}`,
      nativeDisabledExplicit: (deps.channelConfig?.commands?.native ?? deps.commands.native) === false,
      tick: () => clock.sleep(0),
    };
    return clock.track(() => syncMenu(syncDeps, built.commands), 'telegram menu sync').then(
      (outcome) => {
        menu = outcome.kind === 'accepted' ? toBotCommands(outcome.commands) : outcome.kind === 'unchanged' ? toBotCommands(built.commands) : [];
        return outcome;
      },
      (error: unknown) => {
        log.write('error', TELEGRAM_SUBSYSTEM, `Telegram command sync failed: ${String(error)}`);
        return undefined;
      },
    );
  }

  function onUpdate(update: Update): void {
    const botUsername = bot?.username ?? '';
    const verdict = readInbound(update, { access, botUsername, nowMs: clock.now() });
    if (verdict.kind === 'turn') {
      if (behaviour.logInbound) log.write('info', TELEGRAM_SUBSYSTEM, inboundLogLine(verdict.message, botUsername));
      deps.onMessage(verdict.message);
    } else if (verdict.kind === 'pair') {
      deps.onIgnored?.({ update, reason: 'pairing' });
      const request = pairing.upsert(verdict.message.senderId, clock.now());
      if (request?.created === true) inBackground(sender.sendPlain(verdict.message.chatId, pairingReply(verdict.message.senderId, request.code)));
    } else {
      deps.onIgnored?.({ update, reason: verdict.reason });
    }
  }

  async function startUp(): Promise<void> {
    const deleteWebhook = () => callLogged(log, 'deleteWebhook', () => api.deleteWebhook({ drop_pending_updates: false }));
    if (behaviour.startup === 'probe-then-runner') {
      const probed = await probe();
      log.write('info', TELEGRAM_SUBSYSTEM, `[${accountId}] starting provider${probed === undefined ? '' : ` (@${probed.username})`}`);
      sync = startMenuSync(probed?.id ?? botIdFromToken(deps.botToken));
      // A refused token fails here, logged (`deleteWebhook failed: …`), and the channel does not start.
      await deleteWebhook();
      bot = await callLogged(log, 'getMe', () => api.getMe()); // the runner's bot.init()
      probeTimer = clock.setInterval(() => inBackground(probe()), behaviour.probeIntervalMs);
    } else {
      bot = await callLogged(log, 'getMe', () => api.getMe());
      log.write('info', TELEGRAM_SUBSYSTEM, `[${accountId}] starting provider (@${bot.username})`);
      await deleteWebhook();
      // The polling worker boots after the sync's calls have gone out (the order observed on openclaw@2026.9.6).
      sync = startMenuSync(bot.id);
      await sync;
    }
  }

  return {
    behaviour,
    get menu() {
      return menu;
    },
    menuSync: async () => sync,

    async start() {
      await startUp();
      polling = startPolling({ api, clock, prng: prng.fork('polling'), log, initialTimeoutS: behaviour.initialPollTimeoutS, onUpdate });
    },

    async stop() {
      clock.clearInterval(probeTimer);
      probeTimer = undefined;
      await polling?.stop();
      polling = undefined;
      await sync;
      await sender.stop();
      while (background.size > 0) await Promise.all([...background]);
    },

    send: (chatId, text, options) => sender.send(chatId, text, options),
    typing: (chatId) => sender.typing(chatId),
    keepTyping: (chatId) => sender.keepTyping(chatId),
  };
}

function botIdFromToken(token: string): number {
  return Number(token.split(':')[0]) || 0;
}

function toBotCommands(commands: readonly { command: string; description: string }[]): BotCommand[] {
  return commands.map(({ command, description }) => ({ command, description }));
}

function accessConfig(config: TelegramConfig | undefined, pairedSenders: readonly number[]): AccessConfig {
  if (config === undefined) return { ...DEFAULT_ACCESS, pairedSenders };
  return {
    dmPolicy: config.dmPolicy,
    allowFrom: config.allowFrom ?? [],
    pairedSenders,
    groupPolicy: config.groupPolicy,
    groupAllowFrom: config.groupAllowFrom,
    groups: config.groups,
  };
}
