/**
 * How a pinned OpenClaw version runs its Telegram channel, as data: the
 * `telegram` field of its version profile (src/gateway/profiles/). Each
 * value says where it comes from: [obs] the runs (openclaw-2026-2-run.md §4,
 * §6; openclaw-run.md §4, §5), [src] the shipped code of the pinned version
 * (read in its `dist/`, installed under .cache/openclaw/<version>), [ref]
 * reference/openclaw.md. The golden traces of the real gateways are the
 * oracle these values answer to.
 */
export type TelegramBehaviour = {
  /**
   * What the gateway calls before polling, in order.
   * 2026.2 [obs]: the health probe (getMe, getWebhookInfo), the menu sync starts
   * (deleteMyCommands), deleteWebhook, the runner's bot.init (getMe), then setMyCommands.
   * 2026.9 [obs]: getMe, deleteWebhook, the menu sync, then the polling worker.
   */
  readonly startup: 'probe-then-runner' | 'botinfo-then-worker';
  /**
   * The menu's setMyCommands goes out one clock tick after its deleteMyCommands returned, once the
   * work of that instant has settled. In 2026.2.26 the sync and the runner's start race: the run
   * notes saw the runner's getMe before setMyCommands [obs], the golden traces show both orders;
   * this picks the noted one, deterministically.
   */
  readonly menuSetAfterTick: boolean;
  /** getMe + getWebhookInfo repeated on this period, 0 = never (2026.2 [obs]: every 60 s). */
  readonly probeIntervalMs: number;
  /** Command-menu scopes each sync clears and sets (2026.9 [obs][src]: default and all_group_chats). */
  readonly menuScopes: readonly MenuScope[];
  /**
   * Skip a sync whose menu hash equals the last synced one. 2026.2.26 has no cache [src];
   * 2026.9.6 keeps it in a process-local Map [src] (so a channel restart inside one
   * process skips, a process restart syncs again). reference §5 describes a state-dir
   * file (#32017) from a release between the two; neither pinned version has it.
   */
  readonly menuHashCache: boolean;
  /**
   * Log every BOT_COMMANDS_TOO_MUCH rejection through the API error logger
   * (`setMyCommands failed: …`, error level). 2026.2.26 does [src]; 2026.9.6 filters
   * them out and only logs its own retry lines [src].
   */
  readonly logTooMuchRejections: boolean;
  /** Log `Telegram accepted M commands after BOT_COMMANDS_TOO_MUCH …` (2026.9.6 [src]; absent in 2026.2.26). */
  readonly logAcceptedAfterRetry: boolean;
  /**
   * When the cap or the retry would cut skill commands, drop them all and keep /skill
   * first (2026.9.6 `buildDirectSkillFallbackCommands` [src]).
   */
  readonly skillFallbackUnderPressure: boolean;
  /** The first getUpdates: the runner's long poll (2026.2) or a `{timeout: 0}` probe (2026.9 [obs]). */
  readonly initialPollTimeoutS: number | undefined;
  /** sendChatAction typing is repeated on this period while a reply is pending (3 s 2026.2, 4 s 2026.9 [obs]). */
  readonly typingIntervalMs: number;
  /**
   * How each send path reaches Telegram: through grammY's per-chat apiThrottler, and with the
   * `channels.telegram.retry` runner. 2026.2.26 [src]: replies go through the bot's throttled API
   * without retries (deliverReplies); outbound deliveries (sendMessageTelegram) through a fresh
   * API with retries and no throttler. 2026.9.6 [src, golden]: both through the account's shared
   * throttler and the retrying sender that logs `outbound send ok`.
   */
  readonly sendPaths: Readonly<Record<'reply' | 'outbound', { readonly throttled: boolean; readonly retried: boolean }>>;
  /**
   * sendChatAction waits in the chat's throttler lane: a reply sent right after typing goes out
   * 1 s later (2026.2 golden: exactly 1,000 ms); 2026.9 golden: 921 ms, so not in the lane.
   */
  readonly typingThrottled: boolean;
  /** The log line for a delivered reply: per chunk (2026.2 [obs]) or once per reply (2026.9 [obs][src]). */
  readonly sendLog: 'per-chunk' | 'per-reply';
  /** `Inbound message telegram:<id> -> @<bot> …` for each inbound message (2026.9 [obs]). */
  readonly logInbound: boolean;
  /**
   * Bare URLs in a reply become `<a href>` links (telegram-text.ts `linkifyUrls`). 2026.9 [obs]:
   * all-models-429's reply; 2026.2 renders Markdown too, but no 2026.2 trace has a URL, so it stays off.
   */
  readonly linkifyUrls: boolean;
  /**
   * With native commands explicitly off and nothing to offer, the sync still sends an empty
   * setMyCommands after clearing the menu (2026.2.26 [src]); 2026.9.6 only clears it.
   */
  readonly setEmptyMenuWhenNativeOff: boolean;
};

export type MenuScope = { readonly label: string; readonly scope?: { readonly type: 'all_group_chats' } };
