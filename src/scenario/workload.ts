/**
 * The messages a step sends, as a list of (time, user, size) drawn from the
 * scenario's arrival specs with the workload's seeded stream: single
 * messages, bursts of N every Δ, and Poisson arrivals whose rate can follow a
 * day/night curve.
 */
import type { Prng } from '../clock/prng.ts';
import { UserError } from '../errors.ts';
import type { TextPool } from '../gateway/text-pool.ts';
import { charsOfTokens } from '../gateway/tokens.ts';
import type { Arrival, Scenario, TokenRange } from './schema.ts';

export type PlannedMessage = { readonly atMs: number; readonly user: number; readonly tokens: number; readonly chat: 'direct' | 'group' };

/** A step without its own `run` lasts until its last message plus this, so the turns it started can end. */
export const SETTLE_AFTER_LAST_MESSAGE_MS = 5 * 60_000;

/** How long step `run` runs, given what it sends. */
export function stepLengthMs(run: number | undefined, planned: readonly PlannedMessage[]): number {
  return run ?? (planned.at(-1)?.atMs ?? 0) + SETTLE_AFTER_LAST_MESSAGE_MS;
}

/** A message's words: from the run's text pool on the message's own stream, so every gateway a scenario runs on is sent the same text. */
export function messageText(pool: TextPool, rng: Prng, stepIndex: number, message: PlannedMessage): string {
  return pool.take(charsOfTokens(message.tokens), rng.fork(`workload/message-${stepIndex}-${message.atMs}`));
}

const HOUR_MS = 3_600_000;

/**
 * The most messages one run may send. A step's messages are planned up
 * front, so a runaway count would fill memory before the first simulated
 * second: measured on 2 cores, 100,000 messages in one burst run in ~3.5 s
 * and ~450 MB; 1,000,000 had not finished after 5 minutes at 2.3 GB.
 */
export const MAX_MESSAGES_PER_RUN = 100_000;

/**
 * Throws a `UserError` when the scenario's steps would send more than
 * `MAX_MESSAGES_PER_RUN` messages (a Poisson arrival counts its expected
 * number), naming the largest arrival. Draws nothing, so it is instant.
 */
export function checkWorkloadSize(scenario: Pick<Scenario, 'steps'>, file: string): void {
  let total = 0;
  let largest = { count: 0, where: '' };
  for (const step of scenario.steps) {
    step.send.forEach((arrival, index) => {
      const count = expectedCount(arrival, step.run);
      total += count;
      if (count > largest.count) largest = { count, where: `step "${step.name}" send[${index}] (${arrival.kind})` };
    });
  }
  if (total <= MAX_MESSAGES_PER_RUN) return;
  throw new UserError(
    `Scenario ${file} sends about ${formatCount(total)} messages, more than the ${formatCount(MAX_MESSAGES_PER_RUN)} one run may send ` +
      `(the largest is ${largest.where}, about ${formatCount(largest.count)}): lower its count or perHour, or split it into several runs.`,
  );
}

function expectedCount(arrival: Arrival, stepLengthMs: number | undefined): number {
  if (arrival.kind === 'message') return 1;
  if (arrival.kind === 'burst') return arrival.count;
  const until = arrival.until ?? stepLengthMs;
  return until === undefined ? 0 : Math.max(0, until - arrival.from) / HOUR_MS * arrival.perHour;
}

function formatCount(count: number): string {
  return Number.isFinite(count) && count < 1e15 ? Math.round(count).toLocaleString('en-US') : count.toExponential(1);
}

/** Messages of one step, times relative to the step's start, in time order. */
export function planMessages(
  arrivals: readonly Arrival[],
  options: { rng: Prng; users: number; stepLengthMs: number | undefined; startEpochMs: number; timeZone: string },
): PlannedMessage[] {
  const planned: PlannedMessage[] = [];
  arrivals.forEach((arrival, index) => {
    const rng = options.rng.fork(`arrival-${index}`);
    if (arrival.kind === 'message') planned.push({ atMs: arrival.at, user: arrival.user, tokens: draw(arrival.tokens, rng), chat: arrival.chat });
    else if (arrival.kind === 'burst') {
      for (let i = 0; i < arrival.count; i++) planned.push({ atMs: arrival.at + i * arrival.every, user: arrival.user, tokens: draw(arrival.tokens, rng), chat: arrival.chat });
    } else planned.push(...poisson(arrival, rng, options));
  });
  return planned.sort((a, b) => a.atMs - b.atMs || a.user - b.user);
}

function poisson(
  arrival: Extract<Arrival, { kind: 'poisson' }>,
  rng: Prng,
  options: { users: number; stepLengthMs: number | undefined; startEpochMs: number; timeZone: string },
): PlannedMessage[] {
  const until = arrival.until ?? options.stepLengthMs;
  if (until === undefined) return [];
  const out: PlannedMessage[] = [];
  const peakGapMs = HOUR_MS / arrival.perHour;
  // Thinning: draw at the peak rate, keep each arrival with the curve's share at its time.
  for (let at = arrival.from + rng.exponential(peakGapMs); at < until; at += rng.exponential(peakGapMs)) {
    const keep = arrival.dayCurve ? dayShare(options.startEpochMs + at, options.timeZone) : 1;
    if (rng.float() >= keep) continue;
    out.push({ atMs: Math.round(at), user: rng.int(0, options.users - 1), tokens: draw(arrival.tokens, rng), chat: arrival.chat });
  }
  return out;
}

/** Share of the peak rate by local hour: busy 9–22, quiet at night (10 %), ramps between. */
function dayShare(epochMs: number, timeZone: string): number {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(epochMs));
  if (hour >= 9 && hour < 22) return 1;
  if (hour >= 7 && hour < 9) return 0.5;
  if (hour >= 22 && hour < 24) return 0.4;
  return 0.1;
}

function draw(range: TokenRange, rng: Prng): number {
  return typeof range === 'number' ? range : rng.int(range.min, range.max);
}
