/**
 * Every mock of a run, assembled once: provider mocks over one ledger and
 * journal, the Telegram mock, and their handlers — grouped by the path
 * prefix under which `mocks serve` mounts them, and as one injected fetch
 * for an in-process gateway. One definition, served both ways.
 */
import type { RequestHandler } from 'msw';
import type { Clock } from '../src/clock/clock.ts';
import { createPrng } from '../src/clock/prng.ts';
import { anthropicHandlers, ANTHROPIC_ORIGIN } from './providers/anthropic.ts';
import type { ProviderMockSpec } from './providers/exchange.ts';
import type { FaultPlan } from './providers/faults.ts';
import { createMockFetch } from './providers/fetch.ts';
import { GEMINI_ORIGIN, geminiHandlers } from './providers/gemini.ts';
import { createJournal, type Journal } from './providers/journal.ts';
import { createLedger, type Ledger, type LedgerConfig } from './providers/ledger.ts';
import { MOONSHOT_ORIGIN, moonshotHandlers } from './providers/moonshot.ts';
import { OPENAI_ORIGIN, openaiHandlers } from './providers/openai.ts';
import { XAI_ORIGIN, xaiHandlers } from './providers/xai.ts';
import type { CommandLimits } from './telegram/commands.ts';
import type { FloodLimits } from './telegram/flood.ts';
import { TELEGRAM_ORIGIN, telegramHandlers } from './telegram/handlers.ts';
import { createTelegramJournal, type TelegramJournal } from './telegram/journal.ts';
import { createTelegramState, type TelegramState } from './telegram/state.ts';

/** Path prefix → the real origin its handlers answer for. The prefix names the provider as OpenClaw configs do. */
export const MOUNTS = {
  google: GEMINI_ORIGIN,
  openai: OPENAI_ORIGIN,
  anthropic: ANTHROPIC_ORIGIN,
  moonshot: MOONSHOT_ORIGIN,
  xai: XAI_ORIGIN,
  telegram: TELEGRAM_ORIGIN,
} as const;
export type Mount = keyof typeof MOUNTS;

export type MockWorldOptions = {
  readonly clock: Clock;
  readonly seed: number | string;
  readonly ledger?: LedgerConfig;
  readonly faults?: FaultPlan;
  readonly telegram?: { botTokens?: readonly string[]; commandLimits?: CommandLimits; floodLimits?: FloodLimits };
};

export type MockWorld = {
  readonly clock: Clock;
  readonly ledger: Ledger;
  readonly journal: Journal;
  readonly telegram: { readonly state: TelegramState; readonly journal: TelegramJournal };
  readonly handlersByMount: Readonly<Record<Mount, readonly RequestHandler[]>>;
  /** All handlers, for an injected fetch or msw's setupServer. */
  readonly handlers: readonly RequestHandler[];
  /** In-process fetch over all handlers, tracked by the clock. */
  readonly fetch: typeof fetch;
};

export function createMockWorld(options: MockWorldOptions): MockWorld {
  const { clock } = options;
  const mocksRng = createPrng(options.seed).fork('mocks');
  const spec: ProviderMockSpec = {
    clock,
    prng: mocksRng.fork('providers'),
    ledger: createLedger(options.ledger),
    journal: createJournal(),
    ...(options.faults === undefined ? {} : { faults: options.faults }),
  };
  const telegram = { state: createTelegramState(), journal: createTelegramJournal() };
  const handlersByMount: Record<Mount, readonly RequestHandler[]> = {
    google: geminiHandlers(spec),
    openai: openaiHandlers(spec),
    anthropic: anthropicHandlers(spec),
    moonshot: moonshotHandlers(spec),
    xai: xaiHandlers(spec),
    telegram: telegramHandlers({ clock, ...telegram, ...options.telegram }),
  };
  const handlers = Object.values(handlersByMount).flat();
  return { clock, ledger: spec.ledger, journal: spec.journal, telegram, handlersByMount, handlers, fetch: createMockFetch(handlers, clock) };
}
