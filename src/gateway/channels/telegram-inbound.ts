/**
 * An update from getUpdates → the inbound message the gateway turns into an
 * agent turn, or nothing: only text messages start turns here (edits,
 * reactions, media and service messages are dropped), and only from senders
 * the access policy admits (telegram-access.ts).
 */
import type { Update } from 'grammy/types';
import type { Prng } from '../../clock/prng.ts';
import { decideAccess, PAIRING_CODE_ALPHABET, PAIRING_CODE_LENGTH, PAIRING_PENDING_MAX, PAIRING_PENDING_TTL_MS, type AccessConfig, type AccessDecision } from './telegram-access.ts';

export type InboundTelegramMessage = {
  readonly updateId: number;
  readonly messageId: number;
  readonly chatId: number;
  readonly chatType: 'direct' | 'group';
  readonly senderId: number;
  readonly senderUsername: string | undefined;
  readonly senderName: string;
  readonly text: string;
  /** OpenClaw's sender address: `telegram:<chatId>` in a DM, `telegram:group:<chatId>` in a group. */
  readonly from: string;
  /** A leading `/name[@bot] args`, when the message starts with a bot command. */
  readonly command: { readonly name: string; readonly args: string } | undefined;
  /** Telegram's `date` (whole seconds) in milliseconds. */
  readonly sentAtMs: number;
  /** When getUpdates handed it over, on the run's clock. */
  readonly receivedAtMs: number;
  /** The bot's account (`channels.telegram.accounts` key) it reached; absent: `default`. */
  readonly accountId?: string;
};

export type InboundVerdict =
  | { readonly kind: 'turn'; readonly message: InboundTelegramMessage }
  | { readonly kind: 'pair'; readonly message: InboundTelegramMessage }
  | { readonly kind: 'ignored'; readonly reason: string };

export function readInbound(update: Update, context: { access: AccessConfig; botUsername: string; nowMs: number }): InboundVerdict {
  const message = update.message;
  if (message === undefined || typeof message.text !== 'string' || message.from === undefined) return { kind: 'ignored', reason: 'not-a-text-message' };
  if (message.from.is_bot) return { kind: 'ignored', reason: 'from-a-bot' };
  const isGroup = message.chat.type === 'group' || message.chat.type === 'supergroup';
  if (!isGroup && message.chat.type !== 'private') return { kind: 'ignored', reason: 'channel-post' };
  const command = leadingCommand(message.text, message.entities ?? [], context.botUsername);
  const inbound: InboundTelegramMessage = {
    updateId: update.update_id,
    messageId: message.message_id,
    chatId: message.chat.id,
    chatType: isGroup ? 'group' : 'direct',
    senderId: message.from.id,
    senderUsername: message.from.username,
    senderName: [message.from.first_name, message.from.last_name].filter(Boolean).join(' '),
    text: message.text,
    from: isGroup ? `telegram:group:${message.chat.id}` : `telegram:${message.chat.id}`,
    command,
    sentAtMs: message.date * 1_000,
    receivedAtMs: context.nowMs,
  };
  const decision: AccessDecision = decideAccess(context.access, {
    chatId: inbound.chatId,
    isGroup,
    sender: { id: inbound.senderId, username: inbound.senderUsername },
    text: inbound.text,
    isCommand: command !== undefined,
    botUsername: context.botUsername,
  });
  if (decision.kind === 'admit') return { kind: 'turn', message: inbound };
  if (decision.kind === 'pair') return { kind: 'pair', message: inbound };
  return { kind: 'ignored', reason: decision.reason };
}

/** `Inbound message telegram:424242 -> @bot (direct, 5 chars)` (2026.9.6 formatTelegramInboundLogLine). */
export function inboundLogLine(message: InboundTelegramMessage, botUsername: string): string {
  return `Inbound message ${message.from} -> @${botUsername} (${message.chatType}, ${message.text.length} chars)`;
}

/**
 * OpenClaw's pairing store, in memory: a sender's request lives an hour; a new request is
 * refused while three are pending. `upsert` returns the code and whether it was just created
 * (only then does OpenClaw send the pairing reply).
 */
export type PairingRequests = { upsert(senderId: number, nowMs: number): { code: string; created: boolean } | undefined };

export function createPairingRequests(prng: Prng): PairingRequests {
  const pending = new Map<number, { code: string; createdAtMs: number }>();
  return {
    upsert(senderId, nowMs) {
      for (const [id, request] of pending) if (nowMs - request.createdAtMs >= PAIRING_PENDING_TTL_MS) pending.delete(id);
      const existing = pending.get(senderId);
      if (existing !== undefined) return { code: existing.code, created: false };
      if (pending.size >= PAIRING_PENDING_MAX) return undefined;
      let code = '';
      for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += prng.pick([...PAIRING_CODE_ALPHABET]);
      pending.set(senderId, { code, createdAtMs: nowMs });
      return { code, created: true };
    },
  };
}

function leadingCommand(
  text: string,
  entities: readonly { type: string; offset: number; length: number }[],
  botUsername: string,
): InboundTelegramMessage['command'] {
  const entity = entities.find((candidate) => candidate.type === 'bot_command' && candidate.offset === 0);
  if (entity === undefined) return undefined;
  const [name, addressee] = text.slice(1, entity.length).split('@');
  if (addressee !== undefined && addressee.toLowerCase() !== botUsername.toLowerCase()) return undefined;
  return { name: (name ?? '').toLowerCase(), args: text.slice(entity.length).trim() };
}
