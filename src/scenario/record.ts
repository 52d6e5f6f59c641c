/**
 * The run record: everything the checks judge, as plain data. The runner
 * takes it from the gateway and the mocks once the run is over; run-dir.ts
 * writes it to the run folder and reads it back, so a saved run is judged
 * exactly as the run judged itself (judge.ts), with other checks or
 * thresholds if asked.
 *
 * Times are on the run's virtual clock (epoch ms), as the journals write
 * them. A step records what had been logged when it ended (`seen`): a check
 * judges the run as it stood then, not entries that later arrived in the
 * same millisecond, and the session store as it was then.
 */
import type { RootCauseFinding } from '../config/root-causes.ts';
import type { DiscordCommandRegistration } from '../gateway/channels/discord-commands.ts';
import type { Delivery } from '../gateway/gateway.ts';
import type { LogRecord } from '../gateway/log.ts';
import type { MessageFate } from '../gateway/message-fates.ts';
import type { JournalEntry } from '../../mocks/providers/journal.ts';
import type { TelegramJournalEntry } from '../../mocks/telegram/journal.ts';
import type { UnmatchedRequest } from '../../mocks/unmatched.ts';
import type { ModelUsage } from './result.ts';
import type { CheckSpec } from './schema.ts';

export type RunRecord = {
  /** The run's first instant: check evidence and the result count offsets from it. */
  readonly startMs: number;
  /** The provider mocks' journal (journal.jsonl). */
  readonly journal: readonly JournalEntry[];
  /** The Telegram mock's journal (telegram-journal.jsonl). */
  readonly telegramJournal: readonly TelegramJournalEntry[];
  /** The gateway's log lines with their exact time and level (gateway.log keeps whole seconds and no level). */
  readonly log: readonly LogRecord[];
  /** Every message the gateway sent a chat, and as what (reply, notice, error): only the gateway knows the kind. */
  readonly deliveries: readonly Delivery[];
  /** What became of each message the gateway received (replied, error reply, dropped and why); the rest were pending. */
  readonly messageFates: readonly MessageFate[];
  /** Whether the config has `channels.telegram`: a check about the channel is not applicable without it. */
  readonly telegramConfigured: boolean;
  /** Discord's slash-command registration as OpenClaw would make it (discord-commands.ts); absent without channels.discord. */
  readonly discordCommands?: DiscordCommandRegistration;
  /** Requests no mock answered: a base URL or path the mocks do not serve. */
  readonly unmatched: readonly UnmatchedRequest[];
  /** What the mocks served, by mount: where a request that went astray could have been meant to go. */
  readonly mounts: readonly MountRoutes[];
  /** Per `provider/model` the journal names: the limits the mock metered it against. */
  readonly limits: Readonly<Record<string, ModelUsage['limits']>>;
  /** The config's root-cause settings as the profile runs them (static, from the config). */
  readonly rootCauses: readonly RootCauseFinding[];
  readonly steps: readonly StepRecord[];
};

export type MountRoutes = {
  /** The path prefix `mocks serve` mounts it under, which is also the provider's name in OpenClaw configs. */
  readonly mount: string;
  readonly origin: string;
  /** `POST /v1beta/models/{model}:generateContent`. */
  readonly routes: readonly string[];
};

export type StepRecord = {
  readonly name: string;
  /** The step's window on the run's clock. */
  readonly fromMs: number;
  readonly toMs: number;
  /** User messages the workload sent in this step, and since the run began. */
  readonly messagesSent: number;
  readonly messagesSentInRun: number;
  /** The checks the scenario gave this step, as written. */
  readonly checks: readonly CheckSpec[];
  /** The session store when the step ended. */
  readonly store: StoreSnapshot;
  /** How many entries each log held when the step ended. */
  readonly seen: Seen;
};

export type StoreSnapshot = {
  readonly sessions: readonly { readonly key: string; readonly kind: string }[];
  /** Store writes so far (each runs maintenance); absent where they cannot be counted (a real gateway's store, read from outside). */
  readonly writes?: number;
};

export type Seen = { readonly journal: number; readonly telegramJournal: number; readonly log: number; readonly deliveries: number; readonly messageFates: number };

/** What a check reads: the record as it stood when a step ended. */
export type RecordView = Pick<RunRecord, 'journal' | 'telegramJournal' | 'log' | 'deliveries' | 'messageFates' | 'telegramConfigured' | 'discordCommands' | 'limits' | 'rootCauses'> & {
  readonly store: StoreSnapshot;
};

export function viewAtEndOf(record: RunRecord, step: StepRecord): RecordView {
  return {
    journal: record.journal.slice(0, step.seen.journal),
    telegramJournal: record.telegramJournal.slice(0, step.seen.telegramJournal),
    log: record.log.slice(0, step.seen.log),
    deliveries: record.deliveries.slice(0, step.seen.deliveries),
    messageFates: record.messageFates.slice(0, step.seen.messageFates),
    telegramConfigured: record.telegramConfigured,
    ...(record.discordCommands === undefined ? {} : { discordCommands: record.discordCommands }),
    store: step.store,
    limits: record.limits,
    rootCauses: record.rootCauses,
  };
}
