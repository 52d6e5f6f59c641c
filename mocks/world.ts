/**
 * Every mock of a run, assembled once: provider mocks over one ledger and
 * journal, the Telegram mock, and their routes — grouped by the path prefix
 * under which `mocks serve` mounts them, as one injected fetch for an
 * in-process gateway, and as msw handlers for `setupServer`. One
 * definition, served three ways (routes.ts).
 */
import type { RequestHandler } from 'msw';
import type { Clock } from '../src/clock/clock.ts';
import { createPrng } from '../src/clock/prng.ts';
import { createRouteFetch } from './fetch.ts';
import { ANTHROPIC_ORIGIN, anthropicRoutes } from './providers/anthropic.ts';
import { type CompatibleMount, compatibleRoutes } from './providers/compatible.ts';
import type { ProviderMockSpec } from './providers/exchange.ts';
import type { FaultPlan } from './providers/faults.ts';
import { GEMINI_ORIGIN, geminiRoutes } from './providers/gemini.ts';
import { type OllamaMount, ollamaRoutes } from './providers/ollama.ts';
import type { Journal, JournalEntry } from './providers/journal.ts';
import { createJournal } from './providers/journal-store.ts';
import { createLedger, type Ledger, type LedgerConfig } from './providers/ledger.ts';
import { MOONSHOT_ORIGIN, moonshotRoutes } from './providers/moonshot.ts';
import { OPENAI_ORIGIN, openaiRoutes } from './providers/openai.ts';
import { XAI_ORIGIN, xaiRoutes } from './providers/xai.ts';
import { createRouteTable, type MockRoute, type RouteTable, toMswHandlers } from './routes.ts';
import type { CommandLimits } from './telegram/commands.ts';
import type { FloodLimits } from './telegram/flood.ts';
import { TELEGRAM_ORIGIN, telegramRoutes } from './telegram/handlers.ts';
import { VERTEX_ORIGINS, vertexRoutes } from './providers/vertex.ts';
import { CLOUD_CODE_ORIGIN, geminiCliRoutes } from './providers/gemini-cli.ts';
import { BEDROCK_ORIGIN, bedrockRoutes } from './providers/bedrock.ts';
import { createTelegramJournal, type TelegramJournal, type TelegramJournalEntry } from './telegram/journal.ts';
import { createUnmatchedLog, type UnmatchedLog, type UnmatchedRequest } from './unmatched.ts';
import { createRecentLog } from './recent-log.ts';
import { closeTelegram, createTelegramState, type TelegramState } from './telegram/state.ts';

/** Path prefix → the real origin its handlers answer for. The prefix names the provider as OpenClaw configs do. */
export const MOUNTS = {
  google: GEMINI_ORIGIN,
  openai: OPENAI_ORIGIN,
  anthropic: ANTHROPIC_ORIGIN,
  moonshot: MOONSHOT_ORIGIN,
  xai: XAI_ORIGIN,
  // The regional endpoint of the location quotastorm's gateway names (the global one is served in-process only).
  'google-vertex': VERTEX_ORIGINS[0],
  // Gemini CLI's Cloud Code Assist (Antigravity's sandbox endpoint is served in-process only).
  'google-gemini-cli': CLOUD_CODE_ORIGIN,
  'amazon-bedrock': BEDROCK_ORIGIN,
  telegram: TELEGRAM_ORIGIN,
} as const;
export type Mount = keyof typeof MOUNTS;

export type MockWorldOptions = {
  readonly clock: Clock;
  readonly seed: number | string;
  readonly ledger?: LedgerConfig;
  readonly faults?: FaultPlan;
  /**
   * OpenAI-compatible providers a config points elsewhere (ollama, vLLM,
   * OpenRouter, …), each served on its own `baseUrl`. A route the fixed
   * mocks already answer (the same origin and path) stays theirs.
   */
  readonly compatible?: readonly CompatibleMount[];
  /** Ollama servers a config names with `api: "ollama"`, each answering its native `/api/chat`. */
  readonly ollama?: readonly OllamaMount[];
  readonly telegram?: { botTokens?: readonly string[]; commandLimits?: CommandLimits; floodLimits?: FloodLimits };
  /**
   * For a long-lived served mock: keep only the newest `recent` entries of
   * each log (exact counts still), and hand every entry's JSON line to
   * `sink`. Without it every log keeps every entry, as a run record needs.
   */
  readonly retain?: { readonly recent: number; readonly sink?: (log: LogName, line: string) => void };
};

/** The three logs a world keeps, as `GET /_quotastorm/journal` names them. */
export const LOG_NAMES = ['providers', 'telegram', 'unmatched'] as const;
export type LogName = (typeof LOG_NAMES)[number];

export type MockWorld = {
  readonly clock: Clock;
  readonly ledger: Ledger;
  readonly journal: Journal;
  /** `state` is the bot every token reaches unless `bots` names its own (bots.ts). */
  readonly telegram: { readonly state: TelegramState; readonly bots: Map<string, TelegramState>; readonly journal: TelegramJournal };
  /** Requests no mock answered (unmatched.ts), in-process and served. */
  readonly unmatched: UnmatchedLog;
  readonly routesByMount: Readonly<Record<Mount, readonly MockRoute[]>>;
  /** The routes on the config's own base URLs (`compatible`, `ollama`), after the fixed mounts. */
  readonly compatibleRoutes: readonly MockRoute[];
  /**
   * Those base URLs by the config's provider id, for `mocks serve` to mount at
   * `/<providerId>`: the origin a request under that prefix stands for.
   */
  readonly providerMounts: Readonly<Record<string, { readonly origin: string; readonly routes: readonly MockRoute[] }>>;
  /** All routes, compiled: what the in-process fetch dispatches to. */
  readonly routes: RouteTable;
  /** All routes as msw handlers, for `setupServer` or msw's `getResponse`. */
  readonly handlers: readonly RequestHandler[];
  /** In-process fetch over all routes, tracked by the clock. */
  readonly fetch: typeof fetch;
  /** Ends the run's waits: a parked Telegram long poll answers at once, and later ones do not park. */
  close(): void;
};

export function createMockWorld(options: MockWorldOptions): MockWorld {
  const { clock } = options;
  const mocksRng = createPrng(options.seed).fork('mocks');
  const spec: ProviderMockSpec = {
    clock,
    prng: mocksRng.fork('providers'),
    ledger: createLedger(options.ledger),
    journal: options.retain === undefined ? createJournal() : recentLog<JournalEntry>(options.retain, 'providers'),
    ...(options.faults === undefined ? {} : { faults: options.faults }),
  };
  const telegram = {
    state: createTelegramState(options.retain === undefined ? {} : { keepSent: options.retain.recent }),
    bots: new Map<string, TelegramState>(),
    journal: options.retain === undefined ? createTelegramJournal() : recentLog<TelegramJournalEntry>(options.retain, 'telegram'),
  };
  const routesByMount: Record<Mount, readonly MockRoute[]> = {
    google: geminiRoutes(spec),
    openai: openaiRoutes(spec),
    anthropic: anthropicRoutes(spec),
    moonshot: moonshotRoutes(spec),
    xai: xaiRoutes(spec),
    'google-vertex': vertexRoutes(spec),
    'google-gemini-cli': geminiCliRoutes(spec),
    'amazon-bedrock': bedrockRoutes(spec),
    telegram: telegramRoutes({ clock, ...telegram, ...options.telegram }),
  };
  const fixed = Object.values(routesByMount).flat();
  const compatible = [...compatibleRoutes(spec, options.compatible ?? []), ...ollamaRoutes(spec, options.ollama ?? [])].filter((route) => !fixed.some((other) => other.origin === route.origin && other.path === route.path));
  const all = [...fixed, ...compatible];
  const routes = createRouteTable(all);
  const unmatched = options.retain === undefined ? createUnmatchedLog() : recentLog<UnmatchedRequest>(options.retain, 'unmatched');
  const onUnmatched = (method: string, url: string) => void unmatched.record({ atMs: clock.now(), method, url, status: undefined });
  const providerMounts: Record<string, { origin: string; routes: readonly MockRoute[] }> = {};
  for (const mount of [...(options.compatible ?? []), ...(options.ollama ?? [])]) {
    if (mount.providerId === undefined || Object.hasOwn(MOUNTS, mount.providerId) || mount.providerId === '_quotastorm') continue;
    const origin = new URL(mount.baseUrl).origin;
    providerMounts[mount.providerId] = { origin, routes: all.filter((route) => route.origin === origin) };
  }
  return {
    clock,
    ledger: spec.ledger,
    journal: spec.journal,
    telegram,
    unmatched,
    routesByMount,
    compatibleRoutes: compatible,
    providerMounts,
    routes,
    handlers: toMswHandlers(all),
    fetch: createRouteFetch(routes, clock, { onUnmatched }),
    close: () => {
      closeTelegram(telegram.state);
      for (const bot of telegram.bots.values()) if (bot !== telegram.state) closeTelegram(bot);
    },
  };
}

function recentLog<Entry extends { readonly seq: number; readonly status?: number | undefined }>(
  retain: NonNullable<MockWorldOptions['retain']>,
  log: LogName,
) {
  const { sink } = retain;
  return createRecentLog<Entry>({ capacity: retain.recent, ...(sink === undefined ? {} : { sink: (line: string) => sink(log, line) }) });
}
