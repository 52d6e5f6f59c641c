/**
 * How each provider meters, as data: which window kind each dimension uses,
 * which tokens count, when output is charged, and the scope it really uses.
 * The ledger applies this; a scenario may override windows and scope.
 * "unverified" marks a choice the providers' docs do not confirm (README.md,
 * "Choices where the sources are silent"); each entry's `source` is the
 * provider's rate-limit page.
 *
 * | provider  | windows                                                   | tokens counted                         |
 * |-----------|-----------------------------------------------------------|----------------------------------------|
 * | gemini    | fixed minute, unverified (retry hints always < 60 s); RPD fixed Pacific day | input only  |
 * | openai    | token bucket per minute/day, unverified ("resets to its initial state" reads as continuous) | input + max_tokens, settled to actual (unverified) |
 * | anthropic | token bucket (documented)                                 | ITPM input; OTPM max_tokens, settled to actual |
 * | moonshot  | sliding ("reset on a rolling basis"), unverified; concurrency gauge | input + max_tokens (or default), never settled |
 * | xai       | RPM as a per-second bucket (RPS = RPM/60); TPM fixed minute, unverified | input + actual output (all tokens) |
 * | gemini-cli | RPM fixed minute, RPD rolling day, unverified; one bucket per user across models | requests only |
 */
import type { ProviderId } from './models.ts';
import type { QuotaScope } from './scope.ts';
import type { QuotaDimension } from './tiers.ts';
import { DAY_MS, MINUTE_MS, type WindowSpec } from './windows.ts';

export type Metering = {
  /** Window per metered dimension; a dimension absent here is not metered even if a tier lists it. */
  readonly windows: Readonly<Partial<Record<QuotaDimension, WindowSpec>>>;
  /** What `tokensPerMinute` / `tokensPerDay` count. */
  readonly tokensCount: 'input' | 'input+output';
  /**
   * When output tokens are charged to the dimensions that count them:
   * `reserve-then-actual` charges max_tokens up front and refunds the unused
   * part when the answer is done; `reserve` keeps the reservation; `actual`
   * charges nothing up front and the real output at the end.
   */
  readonly outputCharge: 'reserve-then-actual' | 'reserve' | 'actual';
  /** Reserve the model's default output when the request names no maximum. */
  readonly reserveDefaultOutput: boolean;
  /** A refused request still uses up per-minute request capacity. */
  readonly rejectedRequestsCount: boolean;
  readonly defaultScope: QuotaScope;
  readonly defaultTier: string;
  readonly source: string;
};

const FIXED_MINUTE: WindowSpec = { kind: 'fixed', periodMs: MINUTE_MS, anchor: 'epoch' };
const FIXED_DAY: WindowSpec = { kind: 'fixed', periodMs: DAY_MS, anchor: 'epoch' };
const PACIFIC_DAY: WindowSpec = { kind: 'fixed', periodMs: DAY_MS, anchor: 'midnight-pacific' };
const BUCKET_MINUTE: WindowSpec = { kind: 'bucket', periodMs: MINUTE_MS };
const BUCKET_DAY: WindowSpec = { kind: 'bucket', periodMs: DAY_MS };
const SLIDING_MINUTE: WindowSpec = { kind: 'sliding', periodMs: MINUTE_MS };
const SLIDING_DAY: WindowSpec = { kind: 'sliding', periodMs: DAY_MS };
const PER_MODEL_ACCOUNT: QuotaScope = { models: 'per-model', keys: 'per-account' };

export const METERING: Readonly<Record<ProviderId, Metering>> = {
  gemini: {
    windows: { requestsPerMinute: FIXED_MINUTE, tokensPerMinute: FIXED_MINUTE, requestsPerDay: PACIFIC_DAY },
    tokensCount: 'input',
    outputCharge: 'actual',
    reserveDefaultOutput: false,
    rejectedRequestsCount: false,
    defaultScope: PER_MODEL_ACCOUNT,
    defaultTier: 'tier1',
    source: 'https://ai.google.dev/gemini-api/docs/rate-limits: per project × model, input-only TPM, RPD resets at midnight Pacific',
  },
  openai: {
    windows: {
      requestsPerMinute: BUCKET_MINUTE,
      tokensPerMinute: BUCKET_MINUTE,
      requestsPerDay: BUCKET_DAY,
      tokensPerDay: BUCKET_DAY,
    },
    tokensCount: 'input+output',
    outputCharge: 'reserve-then-actual',
    reserveDefaultOutput: false,
    rejectedRequestsCount: true,
    defaultScope: PER_MODEL_ACCOUNT,
    defaultTier: 'tier1',
    source: 'https://developers.openai.com/api/docs/guides/rate-limits: org/project × model, max_tokens reserved, unsuccessful requests count',
  },
  anthropic: {
    windows: {
      requestsPerMinute: BUCKET_MINUTE,
      inputTokensPerMinute: BUCKET_MINUTE,
      outputTokensPerMinute: BUCKET_MINUTE,
    },
    tokensCount: 'input+output',
    outputCharge: 'reserve-then-actual',
    reserveDefaultOutput: false,
    rejectedRequestsCount: false,
    defaultScope: PER_MODEL_ACCOUNT,
    defaultTier: 'tier1',
    source: 'https://docs.claude.com/en/api/rate-limits: org × model class, token bucket, OTPM reserved from max_tokens',
  },
  moonshot: {
    windows: {
      concurrentRequests: { kind: 'gauge' },
      requestsPerMinute: SLIDING_MINUTE,
      tokensPerMinute: SLIDING_MINUTE,
      tokensPerDay: SLIDING_DAY,
    },
    tokensCount: 'input+output',
    outputCharge: 'reserve',
    reserveDefaultOutput: true,
    rejectedRequestsCount: false,
    defaultScope: { models: 'shared', keys: 'per-account' },
    defaultTier: 'tier1',
    source: 'https://platform.moonshot.ai/docs/pricing/limits: per user, all models shared, prompt + max_tokens regardless of output',
  },
  xai: {
    windows: {
      requestsPerMinute: { kind: 'bucket', periodMs: MINUTE_MS, burstRatio: 1 / 60 },
      tokensPerMinute: FIXED_MINUTE,
    },
    tokensCount: 'input+output',
    outputCharge: 'actual',
    reserveDefaultOutput: false,
    rejectedRequestsCount: false,
    defaultScope: PER_MODEL_ACCOUNT,
    defaultTier: 'default',
    source: 'https://docs.x.ai/developers/rate-limits.md: per team × model, RPS = RPM/60, all tokens count',
  },
  compatible: unpublishedLimits('an OpenAI-compatible server'),
  ollama: unpublishedLimits('a local ollama server'),
  vertex: unpublishedLimits('Vertex AI (dynamic shared quota)'),
  bedrock: unpublishedLimits('Amazon Bedrock (quotas per account and region in AWS Service Quotas)'),
  'gemini-cli': {
    // The reset times users quote are not midnight in any zone (google-gemini/gemini-cli#22643): unverified, a
    // rolling day; requests per minute in fixed minutes, as Gemini's.
    windows: { requestsPerMinute: FIXED_MINUTE, requestsPerDay: SLIDING_DAY },
    tokensCount: 'input',
    outputCharge: 'actual',
    reserveDefaultOutput: false,
    rejectedRequestsCount: false,
    // One user (OAuth token) across every model.
    defaultScope: { models: 'shared', keys: 'per-key' },
    defaultTier: 'individual',
    source: 'https://github.com/google-gemini/gemini-cli/blob/main/docs/resources/quota-and-pricing.md: requests per user per day, all models',
  },
};

/** A server that publishes no limits: unlimited, with fixed windows per model when the scenario sets some. */
function unpublishedLimits(server: string) {
  return {
    windows: { requestsPerMinute: FIXED_MINUTE, tokensPerMinute: FIXED_MINUTE, requestsPerDay: FIXED_DAY, tokensPerDay: FIXED_DAY },
    tokensCount: 'input+output',
    outputCharge: 'actual',
    reserveDefaultOutput: false,
    rejectedRequestsCount: false,
    defaultScope: PER_MODEL_ACCOUNT,
    defaultTier: 'unlimited',
    source: `assumed: ${server} publishes no limits; fixed windows per model when the scenario sets some`,
  } as const;
}
