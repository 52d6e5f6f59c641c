/**
 * The run record taken from the live gateway and mocks: a step's snapshot
 * when it ends, and the whole record once the run is over. The only place
 * that turns live objects into what checks read (record.ts).
 */
import type { RootCauseFinding } from '../config/root-causes.ts';
import type { Gateway } from '../gateway/gateway.ts';
import type { GatewayFacts } from './gateway-facts.ts';
import { isCronRunSessionKey, sessionKindOf } from '../gateway/sessions/keys.ts';
import { MOUNTS, type Mount, type MockWorld } from '../../mocks/world.ts';
import type { RunRecord, Seen, StepRecord, StoreSnapshot } from './record.ts';
import { ledgerLimits, modelRefOf } from './usage.ts';

/** A step as the runner knows it when it ends: the record less what is taken from the live objects. */
export type StepEnd = Omit<StepRecord, 'store' | 'seen'>;

/** What a step's checks will read of the store and the logs, taken the moment it ends. */
export function takeStepRecord(step: StepEnd, gateway: Gateway, world: MockWorld): StepRecord {
  return { ...step, store: storeSnapshot(gateway), seen: seenNow(gateway, world) };
}

/** What the record takes of the gateway: its facts (gateway-facts.ts) and what its config has. */
export type RecordedGateway = Pick<GatewayFacts, 'log' | 'deliveries' | 'messageFates'> & Pick<RunRecord, 'telegramConfigured' | 'discordCommands'>;

export function takeRunRecord(input: {
  readonly startMs: number;
  readonly gateway: RecordedGateway;
  readonly world: MockWorld;
  readonly steps: readonly StepRecord[];
  readonly rootCauses: readonly RootCauseFinding[];
}): RunRecord {
  const { gateway, world } = input;
  const journal = world.journal.entries;
  return {
    startMs: input.startMs,
    journal,
    telegramJournal: world.telegram.journal.entries,
    log: gateway.log,
    deliveries: gateway.deliveries,
    messageFates: gateway.messageFates,
    telegramConfigured: gateway.telegramConfigured,
    ...(gateway.discordCommands === undefined ? {} : { discordCommands: gateway.discordCommands }),
    unmatched: world.unmatched.entries,
    mounts: mountsOf(world),
    limits: limitsOf(journal, world),
    rootCauses: input.rootCauses,
    steps: input.steps,
  };
}

function storeSnapshot(gateway: Gateway): StoreSnapshot {
  const sessions = [...gateway.store.entries()].map(([key, entry]) => ({ key, kind: isCronRunSessionKey(key) ? 'cron-run' : sessionKindOf(key, entry) }));
  return { sessions, writes: gateway.store.stats.writes };
}

function seenNow(gateway: Gateway, world: MockWorld): Seen {
  return {
    journal: world.journal.length,
    telegramJournal: world.telegram.journal.entries.length,
    log: gateway.log.records.length,
    deliveries: gateway.deliveries.length,
    messageFates: gateway.messageFates.length,
  };
}

function mountsOf(world: MockWorld): RunRecord['mounts'] {
  return (Object.keys(MOUNTS) as Mount[]).map((mount) => ({
    mount,
    origin: MOUNTS[mount],
    routes: world.routesByMount[mount].map((route) => `${route.method} ${route.path}`),
  }));
}

/** The limits of every model the journal names, as the ledger metered them. */
function limitsOf(journal: RunRecord['journal'], world: MockWorld): RunRecord['limits'] {
  const limits = ledgerLimits(world.ledger);
  const refs = new Set(journal.map(modelRefOf));
  return Object.fromEntries([...refs].sort().map((ref) => [ref, limits(ref)]));
}
