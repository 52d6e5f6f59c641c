/**
 * Fault latency: drawn from a seeded distribution, slept on the clock.
 *
 * Draws are whole virtual milliseconds (a journal that says `latencyMs: 912`
 * reads better than 912.3471, and integer instants keep ties exact: two
 * requests with the same latency finish at the same virtual instant).
 * Negative draws (normal tails) are clamped to `minMs` (default 0).
 */
import type { Clock } from '../../src/clock/clock.ts';
import type { Prng } from '../../src/clock/prng.ts';
import { discardReply, type WireReply } from '../wire-reply.ts';
import type { LatencySpec } from './fault-schedule.ts';

export function drawLatencyMs(spec: LatencySpec, prng: Prng): number {
  switch (spec.distribution) {
    case 'fixed':
      return Math.round(spec.ms);
    case 'uniform':
      return Math.round(spec.minMs + prng.float() * (spec.maxMs - spec.minMs));
    case 'normal':
      return clamp(Math.round(prng.normal(spec.meanMs, spec.stdDevMs)), spec.minMs ?? 0, spec.maxMs);
    case 'exponential':
      return clamp(Math.round(prng.exponential(spec.meanMs)), spec.minMs ?? 0, spec.maxMs);
  }
}

/**
 * Holds `reply` back for `latencyMs` of clock time, from inside the tracked
 * fetch, so a virtual clock parks the request on its timer. If the client
 * aborts first, the sleep's timer is cleared (a handler must not hold a
 * timer it no longer waits on), the reply is discarded — which frees an
 * admitted request's concurrency slot (wire-reply.ts `onDone`) — and the
 * abort reason is thrown, as fetch rejects.
 */
export async function holdForLatency(clock: Clock, latencyMs: number, request: { readonly signal: AbortSignal }, reply: WireReply): Promise<WireReply> {
  if (latencyMs <= 0) return reply;
  try {
    // The signal is read only here: under `mocks serve` it is built on first use (a listener per request).
    await clock.sleep(latencyMs, request.signal);
  } catch (error) {
    discardReply(reply);
    throw error;
  }
  return reply;
}

function clamp(value: number, min: number, max: number | undefined): number {
  return Math.min(Math.max(value, min), max ?? Number.POSITIVE_INFINITY);
}
