import type { z } from 'zod';
import { formatOffsetMs } from '../../clock/format-offset.ts';
import { accountMessages, fatesReceivedIn, whyUnreached, type MessageAccounting } from '../message-accounting.ts';
import type { RecordView } from '../record.ts';
import type { Layer } from '../layers.ts';
import type { CheckResult } from '../result.ts';

/**
 * What a check may read: the run record as it stood when its step ended
 * (both sides: the gateway's log and deliveries, the mocks' journals) and
 * the window it judges. Never the live gateway or mocks, so a saved run can
 * be judged again.
 */
export type CheckContext = {
  readonly record: RecordView;
  /** Virtual ms; the window is [fromMs, toMs]. */
  readonly fromMs: number;
  readonly toMs: number;
  readonly runStartMs: number;
  /** User messages the workload sent inside the window. */
  readonly messagesSent: number;
  readonly step: string | undefined;
};

/** What a check decides; the library adds its name, title, step and layer. */
export type CheckOutcome = Omit<CheckResult, 'check' | 'title' | 'step' | 'layer'>;

// Method syntax on purpose: the registry holds checks of different parameter types side by side.
export type Check<Params> = {
  /** Where the check looks: a user-visible outcome, what the gateway absorbed, or what the providers saw. */
  readonly layer: Layer;
  title(params: Params): string;
  /** The parameters a scenario gives the check, each described: the JSON Schema and docs/scenarios.md are checked against it. */
  readonly params: z.ZodObject;
  parse(raw: Record<string, unknown>): Params;
  run(context: CheckContext, params: Params): CheckOutcome;
};

/** A check whose precondition never happened: an error, never a pass. */
export function nothingTested(summary: string, figures: Record<string, number> = {}): CheckOutcome {
  return { status: 'error', summary, evidence: [], figures };
}

/** A check about something the config lacks (a channel): not applicable, with the reason; never a pass or a fail. */
export function notApplicable(summary: string): CheckOutcome {
  return { status: 'n/a', summary, evidence: [], figures: {} };
}

/** The window's messages accounted for: replied, error reply, dropped, or pending when the step ended. */
export function windowMessages(context: CheckContext): MessageAccounting {
  return accountMessages(fatesReceivedIn(context.record.messageFates, context.fromMs, context.toMs), context.messagesSent);
}

/** Messages of the window that a model answered, with a reply or an error text. */
export function answered(accounting: MessageAccounting): number {
  return accounting.replied + accounting.errorReplies;
}

/** `0 of 4 messages reached a model: 4 dropped: sender 1003 is not in channels.telegram.allowFrom …` */
export function unreached(context: CheckContext, accounting: MessageAccounting, what = 'reached a model'): CheckOutcome {
  const log = context.record.log.filter((record) => record.atMs <= context.toMs);
  return nothingTested(`${answered(accounting)} of ${accounting.sent} message${accounting.sent === 1 ? '' : 's'} ${what}: ${whyUnreached(accounting, log)}`, {
    messagesSent: accounting.sent,
    replied: accounting.replied,
    errorReplies: accounting.errorReplies,
    dropped: accounting.dropped,
    pending: accounting.pending,
  });
}

/** `+01:02:19.900`: evidence times as every report writes them, from the run's start. */
export function offset(context: CheckContext, atMs: number): string {
  return formatOffsetMs(atMs - context.runStartMs);
}

export function inWindow(context: CheckContext, atMs: number): boolean {
  return atMs >= context.fromMs && atMs <= context.toMs;
}
