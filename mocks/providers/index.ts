/**
 * Stateful provider mocks: routes per provider API (../routes.ts) over one
 * quota ledger and one journal.
 *
 * @example
 * const spec = { clock, prng: rng.fork('mocks'), ledger: createLedger(config), journal: createJournal() };
 * const fetch = createRouteFetch(createRouteTable(providerRoutes(spec)), clock);
 * const openai = new OpenAI({ apiKey: 'sk-test', fetch, maxRetries: 0 });
 * const gemini = new GoogleGenAI({ apiKey: 'key', httpOptions: { fetch } });
 */
import type { MockRoute } from '../routes.ts';
import { anthropicRoutes } from './anthropic.ts';
import type { ProviderMockSpec } from './exchange.ts';
import { geminiRoutes } from './gemini.ts';
import { moonshotRoutes } from './moonshot.ts';
import { openaiRoutes } from './openai.ts';
import { xaiRoutes } from './xai.ts';

/** Routes of every provider, sharing the spec's ledger, journal and clock. */
export function providerRoutes(spec: ProviderMockSpec): MockRoute[] {
  return [...geminiRoutes(spec), ...openaiRoutes(spec), ...anthropicRoutes(spec), ...moonshotRoutes(spec), ...xaiRoutes(spec)];
}

export { ANTHROPIC_ORIGIN, anthropicRoutes } from './anthropic.ts';
export type { Answer, Call, Dialect, Route } from './dialect.ts';
export type { ProviderMockSpec } from './exchange.ts';
export { createFaultPlan, type FaultPlanOptions } from './fault-plan.ts';
export {
  FAULT_NAMES,
  type FaultRule,
  type FaultSchedule,
  FaultScheduleSchema,
  type LatencySpec,
  parseFaultSchedule,
  SCRIPT_STATUSES,
} from './fault-schedule.ts';
export {
  ERROR_FAULT_KINDS,
  FAULT_KINDS,
  type Fault,
  type FaultDecision,
  type FaultKind,
  type FaultPlan,
  type FaultRequest,
  STREAM_FAULT_KINDS,
} from './faults.ts';
export { GEMINI_API_VERSIONS, GEMINI_ORIGIN, geminiRoutes } from './gemini.ts';
export type { Journal, JournalEntry, JournalFilter, Outcome } from './journal.ts';
export { createJournal } from './journal-store.ts';
export {
  type Admission,
  type Admitted,
  type Refusal,
  admit,
  createLedger,
  type DimensionUsage,
  type Ledger,
  type LedgerConfig,
  type MeteredRequest,
  type ProviderQuotaConfig,
  type QuotaSnapshot,
  quotaSnapshot,
  release,
  scopeOf,
  settle,
  type Violation,
} from './ledger.ts';
export { METERING, type Metering } from './metering.ts';
export { DEFAULT_MODELS, findModel, type ModelCatalog, type ModelInfo, PROVIDER_IDS, type ProviderId, withModels } from './models.ts';
export { MOONSHOT_ORIGIN, moonshotRoutes } from './moonshot.ts';
export { formatGoDuration, OPENAI_ORIGIN, openaiRoutes, type OpenAiWireOptions } from './openai.ts';
export { pacificDayBounds } from './pacific-day.ts';
export { DEFAULT_REPLY_SHAPE, type ReplyShape } from './reply.ts';
export { keyLabel, type QuotaScope, scopeKeyFor } from './scope.ts';
export { QUOTA_DIMENSIONS, type QuotaDimension, type QuotaLimits, strictestLimits, tierTable, TIERS } from './tiers.ts';
export { estimateTokens } from './tokens.ts';
export type { WindowKind, WindowSpec } from './windows.ts';
export { finishReasonFor, isStreamReset, STREAM_RESET_CODE, StreamResetError } from './stream-faults.ts';
export { XAI_ORIGIN, xaiRoutes } from './xai.ts';
