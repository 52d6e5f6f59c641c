/**
 * What the channel sends into chats: replies (chunked, HTML), typing
 * actions, pairing replies. Two paths, as in OpenClaw: `reply` (default),
 * how a turn's reply reaches the chat, and `outbound`, how heartbeat and cron
 * deliveries go. Per profile (TelegramBehaviour.sendPaths) a path goes
 * through grammY's per-chat apiThrottler and/or the `channels.telegram.retry`
 * runner, which retries a 429 after its retry_after. A refused call is logged
 * (`sendMessage failed: …`) once it is given up on.
 *
 * Logged as the profile's version does: 2026.2 `sendMessage ok chat=… message=…`
 * per message; 2026.9 one `outbound send ok …` line per reply (both in the all-ok golden traces).
 * Lines are in console form, as gateway.log holds them: OpenClaw drops a message's
 * leading "telegram " under the [telegram] prefix (its JSONL file log, which the
 * golden traces quote, keeps it: `[telegram] telegram sendMessage ok …`).
 */
import type { Api } from 'grammy';
import type { Clock, TimerHandle } from '../../clock/clock.ts';
import type { Prng } from '../../clock/prng.ts';
import type { GatewayLog } from '../log.ts';
import { callLogged, TELEGRAM_SUBSYSTEM } from './telegram-api.ts';
import type { TelegramBehaviour } from './telegram-behaviour.ts';
import { withTelegramRetry, type RetryConfig } from './telegram-retry.ts';
import { chunkReplyText, escapeHtml, linkifyUrls, TELEGRAM_MAX_MESSAGE_CHARS } from './telegram-text.ts';
import { createApiThrottle } from './telegram-throttle.ts';

export type SendOptions = { readonly via?: 'reply' | 'outbound' };

export type TelegramSender = {
  send(chatId: number, text: string, options?: SendOptions): Promise<void>;
  /** A plain message on the reply path, without HTML (OpenClaw's pairing reply). */
  sendPlain(chatId: number, text: string): Promise<void>;
  typing(chatId: number): Promise<void>;
  keepTyping(chatId: number): { stop(): void };
  /** Ends typing loops and waits for sends started in the background. */
  stop(): Promise<void>;
};

export type SenderDeps = {
  readonly api: Api;
  readonly clock: Clock;
  readonly prng: Prng;
  readonly log: GatewayLog;
  readonly behaviour: TelegramBehaviour;
  readonly retry: RetryConfig;
  readonly textChunkLimit: number;
};

export function createTelegramSender(deps: SenderDeps): TelegramSender {
  const { api, clock, log, behaviour } = deps;
  const throttle = createApiThrottle(clock);
  const retryRng = deps.prng.fork('retry');
  const typingLoops = new Set<TimerHandle>();
  const background = new Set<Promise<unknown>>();

  function inBackground(work: Promise<unknown>): void {
    const settled = work.catch(() => undefined).finally(() => background.delete(settled));
    background.add(settled);
  }

  async function sendChunk(chatId: number, html: string, via: 'reply' | 'outbound'): Promise<number> {
    const path = behaviour.sendPaths[via];
    const once = () => api.sendMessage(chatId, html, { parse_mode: 'HTML' });
    const call = path.retried ? () => withTelegramRetry({ clock, prng: retryRng, config: deps.retry }, once) : once;
    const logged = () => callLogged(log, 'sendMessage', call);
    return (await (path.throttled ? throttle.schedule(chatId, logged) : logged())).message_id;
  }

  const typingCall = (chatId: number) => {
    const call = () => callLogged(log, 'sendChatAction', () => api.sendChatAction(chatId, 'typing'));
    return behaviour.typingThrottled ? throttle.schedule(chatId, call) : call();
  };

  return {
    async send(chatId, text, options = {}) {
      const chunks = chunkReplyText(text, Math.min(deps.textChunkLimit, TELEGRAM_MAX_MESSAGE_CHARS));
      let lastMessageId: number | undefined;
      for (const chunk of chunks) {
        const html = behaviour.linkifyUrls ? linkifyUrls(escapeHtml(chunk)) : escapeHtml(chunk);
        lastMessageId = await sendChunk(chatId, html, options.via ?? 'reply');
        if (behaviour.sendLog === 'per-chunk') log.write('info', TELEGRAM_SUBSYSTEM, `sendMessage ok chat=${chatId} message=${lastMessageId}`);
      }
      if (behaviour.sendLog === 'per-reply' && lastMessageId !== undefined) {
        // Logged under telegram/send; the console shows channel subsystems by their channel alone.
        log.write(
          'info',
          TELEGRAM_SUBSYSTEM,
          `outbound send ok accountId=default chatId=${chatId} messageId=${lastMessageId} operation=sendMessage deliveryKind=text chunkCount=${chunks.length}`,
        );
      }
    },

    async sendPlain(chatId, text) {
      await throttle.schedule(chatId, () => callLogged(log, 'sendMessage', () => api.sendMessage(chatId, text)));
    },

    async typing(chatId) {
      await typingCall(chatId).catch(() => undefined);
    },

    keepTyping(chatId) {
      const fire = () => inBackground(typingCall(chatId));
      fire();
      const handle = clock.setInterval(fire, behaviour.typingIntervalMs);
      typingLoops.add(handle);
      return {
        stop() {
          clock.clearInterval(handle);
          typingLoops.delete(handle);
        },
      };
    },

    async stop() {
      for (const handle of typingLoops) clock.clearInterval(handle);
      typingLoops.clear();
      while (background.size > 0) await Promise.all([...background]);
    },
  };
}
