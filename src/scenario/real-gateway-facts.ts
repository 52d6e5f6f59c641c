/**
 * The real gateway's run, as the checks and the summary read a run: built
 * from what was observed outside it — the Bot API calls it made, the
 * provider requests the mocks answered, its own file log — since its inner
 * state is not ours to read.
 *
 * - Deliveries: every `sendMessage` the Telegram mock accepted, its kind
 *   judged by its words (delivery-kind.ts).
 * - Message fates: a message reached a model when a provider request first
 *   carried its text (prompt-spy.ts); the first reply or error text sent to
 *   its chat from then on answered it. Several messages one turn collected
 *   share that answer, as they do on the gateway. A message no request
 *   carried is answered by the first error text its chat got after it that
 *   answered no other message (a turn that failed before asking a model);
 *   else it was still pending.
 * - Log: the file log's lines, levels as the embedded log has them.
 * - Turns: user turns are the answers that sealed a message. Heartbeat and
 *   cron turns are not visible from outside: 0, and the run notes say so.
 */
import type { Delivery } from '../gateway/gateway.ts';
import type { LogLevel, LogRecord } from '../gateway/log.ts';
import type { MessageFate } from '../gateway/message-fates.ts';
import type { TelegramJournalEntry } from '../../mocks/telegram/journal.ts';
import type { GatewayFacts } from './gateway-facts.ts';
import { deliveryKindOf } from '../sut/delivery-kind.ts';
import type { GatewayLogLine } from '../sut/log-lines.ts';
import type { TelegramCall } from '../sut/telegram-spy.ts';

export type SentMessage = {
  readonly updateId: number;
  readonly senderId: number;
  readonly chatId: number;
  readonly receivedAtMs: number;
  /** When a provider request first carried its text; undefined if none did. */
  readonly reachedAtMs: number | undefined;
};

export type Observed = {
  readonly telegramCalls: readonly TelegramCall[];
  readonly telegramJournal: readonly TelegramJournalEntry[];
  readonly messages: readonly SentMessage[];
  readonly logLines: readonly GatewayLogLine[];
  readonly sessionsAtEnd: number;
};

export function observedFacts(observed: Observed): GatewayFacts {
  const deliveries = deliveriesOf(observed.telegramCalls, observed.telegramJournal);
  const messageFates = fatesOf(observed.messages, deliveries);
  return {
    log: observed.logLines.map(logRecordOf),
    deliveries,
    messageFates,
    turns: { user: new Set(messageFates.map((fate) => `${fate.chatId}@${fate.atMs}`)).size, heartbeat: 0, cron: 0, silent: 0 },
    decisions: [],
    sessionsAtEnd: observed.sessionsAtEnd,
  };
}

/** The spy and the mock see the same calls in the same order: the n-th sendMessage of one is the n-th of the other. */
function deliveriesOf(calls: readonly TelegramCall[], journal: readonly TelegramJournalEntry[]): Delivery[] {
  const answers = journal.filter((entry) => entry.method.toLowerCase() === 'sendmessage');
  return calls
    .filter((call) => call.method === 'sendMessage')
    .flatMap((call, index): Delivery[] => {
      if (answers[index]?.status !== 200) return [];
      const text = String(call.params['text'] ?? '');
      return [{ atMs: call.atMs, chatId: Number(call.params['chat_id']), text, kind: deliveryKindOf(text), modelRef: undefined }];
    });
}

function fatesOf(messages: readonly SentMessage[], deliveries: readonly Delivery[]): MessageFate[] {
  const answers = deliveries.filter((delivery) => delivery.kind !== 'notice');
  const claimed = new Set<Delivery>();
  const fates: MessageFate[] = [];
  for (const message of messages) {
    if (message.reachedAtMs === undefined) continue;
    const answer = answers.find((delivery) => delivery.chatId === message.chatId && delivery.atMs >= message.reachedAtMs!);
    if (answer === undefined) continue;
    claimed.add(answer);
    fates.push(fateOf(message, answer));
  }
  for (const message of messages) {
    if (message.reachedAtMs !== undefined) continue;
    const answer = answers.find((delivery) => delivery.kind === 'error' && !claimed.has(delivery) && delivery.chatId === message.chatId && delivery.atMs >= message.receivedAtMs);
    if (answer === undefined) continue;
    claimed.add(answer);
    fates.push(fateOf(message, answer));
  }
  // Sealed in time order, as the embedded gateway seals them.
  return fates.sort((a, b) => a.atMs - b.atMs || a.updateId - b.updateId);
}

function fateOf(message: SentMessage, answer: Delivery): MessageFate {
  return {
    updateId: message.updateId,
    senderId: message.senderId,
    chatId: message.chatId,
    receivedAtMs: message.receivedAtMs,
    atMs: answer.atMs,
    fate: answer.kind === 'reply' ? 'replied' : 'error-reply',
    ...(answer.kind === 'reply' ? {} : { detail: answer.text.split('\n')[0]!.slice(0, 200) }),
  };
}

const LEVELS: Readonly<Record<string, LogLevel>> = { WARN: 'warn', ERROR: 'error', FATAL: 'error' };

function logRecordOf(line: GatewayLogLine): LogRecord {
  return { atMs: line.atMs, level: LEVELS[line.level] ?? 'info', subsystem: line.subsystem, message: line.message };
}
