/**
 * Stateful provider mocks: msw handlers per provider API over one quota
 * ledger and one journal.
 *
 * @example
 * const spec = { clock, prng: rng.fork('mocks'), ledger: createLedger(config), journal: createJournal() };
 * const fetch = createMockFetch(providerHandlers(spec), clock);
 * const openai = new OpenAI({ apiKey: 'sk-test', fetch, maxRetries: 0 });
 * const gemini = new GoogleGenAI({ apiKey: 'key', httpOptions: { fetch } });
 */
import type { RequestHandler } from 'msw';
import { anthropicHandlers } from './anthropic.ts';
import type { ProviderMockSpec } from './exchange.ts';
import { geminiHandlers } from './gemini.ts';
import { moonshotHandlers } from './moonshot.ts';
import { openaiHandlers } from './openai.ts';
import { xaiHandlers } from './xai.ts';

/** Handlers for every provider, sharing the spec's ledger, journal and clock. */
export function providerHandlers(spec: ProviderMockSpec): RequestHandler[] {
  return [
    ...geminiHandlers(spec),
    ...openaiHandlers(spec),
    ...anthropicHandlers(spec),
    ...moonshotHandlers(spec),
    ...xaiHandlers(spec),
  ];
}

export { ANTHROPIC_ORIGIN, anthropicHandlers } from './anthropic.ts';
export type { Answer, Call, Dialect, ProviderMockSpec, Route } from './exchange.ts';
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
export { createMockFetch, UnhandledRequestError } from './fetch.ts';
export { GEMINI_API_VERSIONS, GEMINI_ORIGIN, geminiHandlers } from './gemini.ts';
export { createJournal, type Journal, type JournalEntry, type JournalFilter, type Outcome } from './journal.ts';
export {
  type Admission,
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
export { MOONSHOT_ORIGIN, moonshotHandlers } from './moonshot.ts';
export { formatGoDuration, OPENAI_ORIGIN, openaiHandlers, type OpenAiWireOptions } from './openai.ts';
export { pacificDayBounds } from './pacific-day.ts';
export { DEFAULT_REPLY_SHAPE, type ReplyShape } from './reply.ts';
export { keyLabel, type QuotaScope, scopeKeyFor } from './scope.ts';
export { QUOTA_DIMENSIONS, type QuotaDimension, type QuotaLimits, strictestLimits, tierTable, TIERS } from './tiers.ts';
export { estimateTokens } from './tokens.ts';
export type { WindowKind, WindowSpec } from './windows.ts';
export { finishReasonFor, isStreamReset, STREAM_RESET_CODE, StreamResetError } from './stream-faults.ts';
export { XAI_ORIGIN, xaiHandlers } from './xai.ts';
