/**
 * When a trace case's turns are sent. A turn without `atMs` waits for the
 * one before it to be over (quiet for `settleMs`, or its timeout). A turn
 * with `atMs` is sent that many ms after the previous turn was sent — the
 * first turn: after startup has settled — whether or not the previous turn
 * is over, so a case can send a burst. The turn it cuts short counts as
 * settled (the case chose to send on); the next turn's settle window then
 * waits for all activity, both turns', to end.
 *
 * One file for both sides of a conformance comparison: the recorder (real
 * time) and the golden runner (virtual time) send at the same instants and
 * judge the same waits, on the same 100 ms polls (turn-driver.ts).
 */
import type { Clock } from '../clock/clock.ts';
import type { TurnDriver } from './turn-driver.ts';

/** What of a turn decides when it is sent. */
type Timed = { readonly atMs?: number | undefined };

/** The instant `turn` is due, `atMs` after `sinceMs`; undefined: once the turn before it is over. */
export function dueAtMs(turn: Timed | undefined, sinceMs: number): number | undefined {
  return turn?.atMs === undefined ? undefined : sinceMs + turn.atMs;
}

/** Lets time pass until `atMs` (polled: never more than one poll late); nothing if undefined or past. */
export async function waitUntilDue(driver: TurnDriver, clock: Clock, atMs: number | undefined): Promise<void> {
  if (atMs === undefined || clock.now() >= atMs) return;
  // A settle window no gap can fill: the driver only returns at the deadline (or once the gateway has exited).
  await driver.waitTurnSettled(clock.now(), Number.POSITIVE_INFINITY, atMs - clock.now());
}

/**
 * Waits out a turn sent at `startMs`: until quiet for `settleMs`, its timeout,
 * or the next turn's due instant, whichever comes first. True if it settled
 * or the next turn cut it short; false at its own timeout or if the gateway exited.
 */
export async function waitTurnOver(
  driver: TurnDriver,
  clock: Clock,
  turn: { readonly startMs: number; readonly settleMs: number; readonly timeoutMs: number; readonly nextDueAtMs: number | undefined },
): Promise<boolean> {
  const untilNextMs = turn.nextDueAtMs === undefined ? Number.POSITIVE_INFINITY : turn.nextDueAtMs - turn.startMs;
  const settled = await driver.waitTurnSettled(turn.startMs, turn.settleMs, Math.min(turn.timeoutMs, untilNextMs));
  const cutByNext = turn.nextDueAtMs !== undefined && untilNextMs < turn.timeoutMs && clock.now() >= turn.nextDueAtMs;
  return settled || cutByNext;
}
