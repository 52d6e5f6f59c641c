/**
 * How a pinned OpenClaw version runs its Telegram channel, as data: the
 * `telegram` field of its version profile (src/gateway/profiles/). Each
 * value says where it comes from: observed on the pinned gateway, a golden
 * trace that shows it (test/golden/openclaw-<version>/), or the shipped code
 * of the pinned version (read in its `dist/`, installed under
 * .cache/openclaw/<version> by `quotastorm gateway install`). The golden
 * traces of the real gateways are the oracle these values answer to.
 */
import type { TelegramAccountRules } from './telegram-accounts.ts';
export type TelegramBehaviour = {
  /**
   * What the gateway calls before polling, in order.
   * 2026.2 (observed on openclaw@2026.2.26): the health probe (getMe, getWebhookInfo), the menu sync starts
   * (deleteMyCommands), deleteWebhook, the runner's bot.init (getMe), then setMyCommands.
   * 2026.9 (observed on openclaw@2026.9.6): getMe, deleteWebhook, the menu sync, then the polling worker.
   * The golden traces (e.g. all-ok.json) record the order of the non-get calls.
   */
  readonly startup: 'probe-then-runner' | 'botinfo-then-worker';
  /**
   * The menu's setMyCommands goes out one clock tick after its deleteMyCommands returned, once the
   * work of that instant has settled. In 2026.2.26 the sync and the runner's start race: a manual
   * run on openclaw@2026.2.26 saw the runner's getMe before setMyCommands, the golden traces show
   * both orders; this picks the first, deterministically.
   */
  readonly menuSetAfterTick: boolean;
  /** getMe + getWebhookInfo repeated on this period, 0 = never (observed on openclaw@2026.2.26: every 60 s). */
  readonly probeIntervalMs: number;
  /** Command-menu scopes each sync clears and sets (2026.9: default and all_group_chats, golden trace test/golden/openclaw-2026.9.6/all-ok.json). */
  readonly menuScopes: readonly MenuScope[];
  /**
   * Skip a sync whose menu hash equals the last synced one. 2026.2.26's dist has no cache;
   * 2026.9.6's keeps it in a process-local Map (so a channel restart inside one
   * process skips, a process restart syncs again). OpenClaw 2026.4.12's
   * extensions/telegram/src/bot-native-command-menu.ts keeps it in a state-dir
   * file (openclaw/openclaw#32017); neither pinned version has that.
   */
  readonly menuHashCache: boolean;
  /**
   * Log every BOT_COMMANDS_TOO_MUCH rejection through the API error logger
   * (`setMyCommands failed: …`, error level). 2026.2.26's dist does; 2026.9.6's filters
   * them out and only logs its own retry lines.
   */
  readonly logTooMuchRejections: boolean;
  /** Log `Telegram accepted M commands after BOT_COMMANDS_TOO_MUCH …` (read in 2026.9.6's dist; absent in 2026.2.26's). */
  readonly logAcceptedAfterRetry: boolean;
  /**
   * When the cap or the retry would cut skill commands, drop them all and keep /skill
   * first (`buildDirectSkillFallbackCommands` in 2026.9.6's dist).
   */
  readonly skillFallbackUnderPressure: boolean;
  /** The first getUpdates: the runner's long poll (2026.2) or a `{timeout: 0}` probe (observed on openclaw@2026.9.6). */
  readonly initialPollTimeoutS: number | undefined;
  /** sendChatAction typing is repeated on this period while a reply is pending (observed: 3 s on 2026.2.26, 4 s on 2026.9.6). */
  readonly typingIntervalMs: number;
  /**
   * How each send path reaches Telegram: through grammY's per-chat apiThrottler, and with the
   * `channels.telegram.retry` runner. 2026.2.26's dist: replies go through the bot's throttled API
   * without retries (deliverReplies); outbound deliveries (sendMessageTelegram) through a fresh
   * API with retries and no throttler. 2026.9.6's dist and its golden traces: both through the account's shared
   * throttler and the retrying sender that logs `outbound send ok`.
   */
  readonly sendPaths: Readonly<Record<'reply' | 'outbound', { readonly throttled: boolean; readonly retried: boolean }>>;
  /**
   * sendChatAction waits in the chat's throttler lane: a reply sent right after typing goes out
   * 1 s later (test/golden/openclaw-2026.2.26/all-ok.json: exactly 1,000 ms); 2026.9.6's golden
   * traces: 921 ms, so not in the lane.
   */
  readonly typingThrottled: boolean;
  /** The log line for a delivered reply: per chunk (2026.2) or once per reply (2026.9), as the all-ok golden traces show. */
  readonly sendLog: 'per-chunk' | 'per-reply';
  /** `Inbound message telegram:<id> -> @<bot> …` for each inbound message (2026.9: golden trace test/golden/openclaw-2026.9.6/all-ok.json). */
  readonly logInbound: boolean;
  /**
   * Bare URLs in a reply become `<a href>` links (telegram-text.ts `linkifyUrls`). 2026.9: golden trace
   * test/golden/openclaw-2026.9.6/all-models-429.json's reply; 2026.2 renders Markdown too, but no 2026.2
   * trace has a URL, so it stays off.
   */
  readonly linkifyUrls: boolean;
  /**
   * With native commands explicitly off and nothing to offer, the sync still sends an empty
   * setMyCommands after clearing the menu (read in 2026.2.26's dist); 2026.9.6 only clears it.
   */
  readonly setEmptyMenuWhenNativeOff: boolean;
  /**
   * Where `openclaw pairing approve telegram CODE` keeps approved senders (`readChannelAllowFromStore`), as a
   * report names it. 2026.2.26: a JSON file in the credentials dir, `telegram-default-allowFrom.json` for the
   * request's account (dist/pairing-store-*.js `approveChannelPairingCode`, `resolveAllowFromPath`; read together
   * with the legacy `telegram-allowFrom.json`); 2026.9.6: the
   * `channel_pairing_allow_entries` table of the state database (dist/pairing-store-sqlite-*.mjs,
   * `resolveOpenClawStateSqlitePath`).
   */
  readonly pairingStore: string;
  /** Which accounts may use the channel-level bot token (telegram-accounts.ts). */
  readonly accounts: TelegramAccountRules;
};

export type MenuScope = { readonly label: string; readonly scope?: { readonly type: 'all_group_chats' } };
