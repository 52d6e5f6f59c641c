/**
 * A mock world for tests: virtual clock, seeded PRNG, ledger, journal, and
 * an injected fetch over the given routes — dispatched directly (the mock
 * world's way) or through msw's `getResponse` (`via: 'msw'`).
 */
import { createPrng } from '../../../src/clock/prng.ts';
import { createVirtualClock, type VirtualClock } from '../../../src/clock/virtual-clock.ts';
import type { ProviderMockSpec } from '../../../mocks/providers/exchange.ts';
import type { FaultPlan } from '../../../mocks/providers/faults.ts';
import { createFaultPlan } from '../../../mocks/providers/fault-plan.ts';
import { parseFaultSchedule } from '../../../mocks/providers/fault-schedule.ts';
import type { ReplyShape } from '../../../mocks/providers/reply.ts';
import type { Journal } from '../../../mocks/providers/journal.ts';
import { createJournal } from '../../../mocks/providers/journal-store.ts';
import { createLedger, type Ledger, type LedgerConfig } from '../../../mocks/providers/ledger.ts';
import { createMockFetch, createRouteFetch } from '../../../mocks/fetch.ts';
import { createRouteTable, type MockRoute, toMswHandlers } from '../../../mocks/routes.ts';

export type World = ProviderMockSpec & {
  readonly clock: VirtualClock;
  readonly ledger: Ledger;
  readonly journal: Journal;
  readonly fetch: typeof fetch;
};

export type WorldOptions = {
  readonly ledger?: LedgerConfig;
  readonly faults?: FaultPlan;
  /** A fault schedule as a scenario would hold it; validated and planned from the world's seed, from `startMs`. */
  readonly schedule?: unknown;
  readonly replies?: ReplyShape;
  readonly seed?: number;
  /** Default: 2026-02-27T18:00:00Z, the incident's afternoon (10:00 Pacific). */
  readonly startMs?: number;
  /** How the fetch reaches the routes (default `routes`). */
  readonly via?: 'routes' | 'msw';
};

export const INCIDENT_MS = Date.UTC(2026, 1, 27, 18, 0, 0);

export function createWorld(routesFor: (spec: ProviderMockSpec) => MockRoute[], options: WorldOptions = {}): World {
  const startMs = options.startMs ?? INCIDENT_MS;
  const clock = createVirtualClock({ startMs });
  const rng = createPrng(options.seed ?? 20260227);
  const faults =
    options.schedule === undefined ? options.faults : createFaultPlan(parseFaultSchedule(options.schedule), { prng: rng.fork('faults'), startMs });
  const spec: ProviderMockSpec = {
    clock,
    prng: rng,
    ledger: createLedger(options.ledger),
    journal: createJournal(),
    ...(faults ? { faults } : {}),
    ...(options.replies ? { replies: options.replies } : {}),
  };
  const routes = routesFor(spec);
  const fetch = options.via === 'msw' ? createMockFetch(toMswHandlers(routes), clock) : createRouteFetch(createRouteTable(routes), clock);
  return { ...spec, clock, ledger: spec.ledger, journal: spec.journal, fetch };
}

/** A prompt the estimator counts as exactly `tokens` tokens. */
export function promptOfTokens(tokens: number): string {
  return 'abcd'.repeat(tokens);
}
