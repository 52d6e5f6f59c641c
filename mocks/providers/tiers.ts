/**
 * Published rate limits per provider and tier, as data.
 *
 * Every number is a default for a run, not a constant: providers change them
 * often. Each table cites its public source; a number no primary source
 * confirms is marked "unverified" with what it rests on. A dimension absent from a row is
 * not limited ("–" or "unlimited" in the source). Override per model or per
 * family through the ledger config (`limits`), or for a shared scope
 * (`sharedLimits`).
 */
import type { ProviderId } from './models.ts';

export type QuotaLimits = {
  readonly requestsPerMinute?: number;
  readonly requestsPerDay?: number;
  /** Gemini: input tokens only; OpenAI: input + reserved output; xAI: all tokens; Moonshot: input + max_tokens. */
  readonly tokensPerMinute?: number;
  readonly tokensPerDay?: number;
  /** Anthropic ITPM. */
  readonly inputTokensPerMinute?: number;
  /** Anthropic OTPM. */
  readonly outputTokensPerMinute?: number;
  /** Moonshot: requests in flight at once. */
  readonly concurrentRequests?: number;
};

export type QuotaDimension = keyof QuotaLimits;

export const QUOTA_DIMENSIONS = [
  'requestsPerMinute',
  'requestsPerDay',
  'tokensPerMinute',
  'tokensPerDay',
  'inputTokensPerMinute',
  'outputTokensPerMinute',
  'concurrentRequests',
] as const satisfies readonly QuotaDimension[];

export type TierTable = {
  /** Where the numbers come from. */
  readonly source: string;
  /** Limits per quota family (see models.ts). */
  readonly perFamily: Readonly<Record<string, QuotaLimits>>;
  /** Limits shared by all models of the account (Moonshot meters per user, all models shared). */
  readonly perAccount?: QuotaLimits;
};

export type ProviderTiers = Readonly<Record<string, TierTable>>;

const GEMINI_SOURCE =
  'https://ai.google.dev/gemini-api/docs/rate-limits (mid-2025) and https://discuss.ai.google.dev/t/reached-the-rate-limit-again/104465; Pro Tier 2/3 unverified (no primary source).';

// Gemini 3 previews: no public per-tier table at the time of writing; unverified, assumed equal to
// the 2.5 model of the same class (pro, flash) until a scenario sets its own mocks.limits.
const GEMINI: ProviderTiers = {
  free: {
    source: GEMINI_SOURCE,
    perFamily: {
      'gemini-2.5-flash': rpmTpmRpd(10, 250_000, 250),
      'gemini-3-flash': rpmTpmRpd(10, 250_000, 250),
      'gemini-2.5-pro': rpmTpmRpd(5, 250_000, 100),
      'gemini-3.1-pro': rpmTpmRpd(5, 250_000, 100),
      'gemini-3-pro': rpmTpmRpd(5, 250_000, 100),
      'gemini-2.5-flash-lite': rpmTpmRpd(15, 250_000, 1_000),
    },
  },
  tier1: {
    source: GEMINI_SOURCE,
    perFamily: {
      'gemini-2.5-flash': rpmTpmRpd(1_000, 1_000_000, 10_000),
      'gemini-3-flash': rpmTpmRpd(1_000, 1_000_000, 10_000),
      'gemini-2.5-pro': rpmTpmRpd(150, 2_000_000, 10_000),
      'gemini-3.1-pro': rpmTpmRpd(150, 2_000_000, 10_000),
      'gemini-3-pro': rpmTpmRpd(150, 2_000_000, 10_000),
      'gemini-2.5-flash-lite': rpmTpmRpd(4_000, 4_000_000, undefined),
    },
  },
  tier2: {
    source: GEMINI_SOURCE,
    perFamily: {
      'gemini-2.5-flash': rpmTpmRpd(2_000, 3_000_000, 100_000),
      'gemini-3-flash': rpmTpmRpd(2_000, 3_000_000, 100_000),
      'gemini-2.5-pro': rpmTpmRpd(1_000, 5_000_000, 50_000),
      'gemini-3.1-pro': rpmTpmRpd(1_000, 5_000_000, 50_000),
      'gemini-3-pro': rpmTpmRpd(1_000, 5_000_000, 50_000),
    },
  },
  tier3: {
    source: GEMINI_SOURCE,
    perFamily: {
      'gemini-2.5-flash': rpmTpmRpd(10_000, 8_000_000, undefined),
      'gemini-3-flash': rpmTpmRpd(10_000, 8_000_000, undefined),
      'gemini-2.5-pro': rpmTpmRpd(2_000, 8_000_000, undefined),
      'gemini-3.1-pro': rpmTpmRpd(2_000, 8_000_000, undefined),
      'gemini-3-pro': rpmTpmRpd(2_000, 8_000_000, undefined),
    },
  },
};

// Tier 1 is OpenAI's model pages (gpt-4o / gpt-4.1 500 RPM / 30,000 TPM, matching real 429 texts
// "Limit 30000" in continuedev/continue#11472; gpt-4o-mini 500 / 200,000 / 10,000 RPD). Tiers 2–4 are
// unverified: OpenAI's model pages as mirrored at ai-buzz.com/ai-openai-rate-limits (2025); gpt-4.1 is
// assumed equal to gpt-4o there.
const OPENAI_SOURCE =
  'https://developers.openai.com/api/docs/guides/rate-limits and the model pages (Tier 1); Tiers 2–4 unverified, from a third-party mirror of the model pages';

const OPENAI: ProviderTiers = {
  tier1: {
    source: OPENAI_SOURCE,
    perFamily: {
      'gpt-4o': { requestsPerMinute: 500, tokensPerMinute: 30_000 },
      'gpt-4.1': { requestsPerMinute: 500, tokensPerMinute: 30_000 },
      'gpt-4o-mini': { requestsPerMinute: 500, tokensPerMinute: 200_000, requestsPerDay: 10_000 },
      // Unverified: gpt-5 Tier 1 was reported at 500 RPM with TPM anywhere from 30k to 500k over 2025; the upper figure.
      'gpt-5': { requestsPerMinute: 500, tokensPerMinute: 500_000 },
    },
  },
  tier2: {
    source: OPENAI_SOURCE,
    perFamily: {
      'gpt-4o': { requestsPerMinute: 5_000, tokensPerMinute: 450_000 },
      'gpt-4.1': { requestsPerMinute: 5_000, tokensPerMinute: 450_000 },
      'gpt-4o-mini': { requestsPerMinute: 5_000, tokensPerMinute: 2_000_000 },
      'gpt-5': { requestsPerMinute: 5_000, tokensPerMinute: 450_000 }, // unverified: assumed equal to gpt-4o
    },
  },
  tier3: {
    source: OPENAI_SOURCE,
    perFamily: {
      'gpt-4o': { requestsPerMinute: 5_000, tokensPerMinute: 800_000 },
      'gpt-4.1': { requestsPerMinute: 5_000, tokensPerMinute: 800_000 },
      'gpt-4o-mini': { requestsPerMinute: 5_000, tokensPerMinute: 4_000_000 },
      'gpt-5': { requestsPerMinute: 5_000, tokensPerMinute: 800_000 }, // unverified: assumed equal to gpt-4o
    },
  },
  tier4: {
    source: OPENAI_SOURCE,
    perFamily: {
      'gpt-4o': { requestsPerMinute: 10_000, tokensPerMinute: 2_000_000 },
      'gpt-4.1': { requestsPerMinute: 10_000, tokensPerMinute: 2_000_000 },
      'gpt-4o-mini': { requestsPerMinute: 10_000, tokensPerMinute: 10_000_000 },
      'gpt-5': { requestsPerMinute: 10_000, tokensPerMinute: 2_000_000 }, // unverified: assumed equal to gpt-4o
    },
  },
};

const ANTHROPIC_SOURCE = 'https://docs.claude.com/en/api/rate-limits (late 2025 / early 2026)';

const ANTHROPIC: ProviderTiers = {
  tier1: {
    source: ANTHROPIC_SOURCE,
    perFamily: {
      'claude-sonnet-4.x': rpmItpmOtpm(50, 30_000, 8_000),
      'claude-opus-4.x': rpmItpmOtpm(50, 30_000, 8_000),
      'claude-haiku-4.5': rpmItpmOtpm(50, 50_000, 10_000),
      'claude-haiku-3.5': rpmItpmOtpm(50, 50_000, 10_000),
    },
  },
  tier2: {
    source: ANTHROPIC_SOURCE,
    perFamily: {
      'claude-sonnet-4.x': rpmItpmOtpm(1_000, 450_000, 90_000),
      'claude-opus-4.x': rpmItpmOtpm(1_000, 450_000, 90_000),
      'claude-haiku-4.5': rpmItpmOtpm(1_000, 450_000, 90_000),
      'claude-haiku-3.5': rpmItpmOtpm(1_000, 100_000, 20_000),
    },
  },
  tier3: {
    source: ANTHROPIC_SOURCE,
    perFamily: {
      'claude-sonnet-4.x': rpmItpmOtpm(2_000, 800_000, 160_000),
      'claude-opus-4.x': rpmItpmOtpm(2_000, 800_000, 160_000),
      'claude-haiku-4.5': rpmItpmOtpm(2_000, 1_000_000, 200_000),
      'claude-haiku-3.5': rpmItpmOtpm(2_000, 200_000, 40_000),
    },
  },
  tier4: {
    source: ANTHROPIC_SOURCE,
    perFamily: {
      'claude-sonnet-4.x': rpmItpmOtpm(4_000, 2_000_000, 400_000),
      'claude-opus-4.x': rpmItpmOtpm(4_000, 2_000_000, 400_000),
      'claude-haiku-4.5': rpmItpmOtpm(4_000, 4_000_000, 800_000),
      'claude-haiku-3.5': rpmItpmOtpm(4_000, 400_000, 80_000),
    },
  },
};

const MOONSHOT_SOURCE = 'https://platform.moonshot.ai/docs/pricing/limits (2026 page)';

// Moonshot limits are per user and shared by all models ("we share rate limits across all models",
// same page), so the tiers have no per-family rows.
const MOONSHOT: ProviderTiers = {
  tier0: { source: MOONSHOT_SOURCE, perFamily: {}, perAccount: moonshot(1, 3, 500_000, 1_500_000) },
  tier1: { source: MOONSHOT_SOURCE, perFamily: {}, perAccount: moonshot(50, 200, 2_000_000, undefined) },
  tier2: { source: MOONSHOT_SOURCE, perFamily: {}, perAccount: moonshot(100, 500, 3_000_000, undefined) },
  tier3: { source: MOONSHOT_SOURCE, perFamily: {}, perAccount: moonshot(200, 5_000, 3_000_000, undefined) },
  tier4: { source: MOONSHOT_SOURCE, perFamily: {}, perAccount: moonshot(400, 5_000, 4_000_000, undefined) },
  tier5: { source: MOONSHOT_SOURCE, perFamily: {}, perAccount: moonshot(1_000, 10_000, 5_000_000, undefined) },
};

// xAI publishes per-model numbers only in the console; the one public data point, unverified, is
// grok-4 / grok-code-fast-1 at 480 RPM / 2,000,000 TPM (Sep 2025, angular/web-codegen-scorer#51).
const XAI: ProviderTiers = {
  default: {
    source: 'unverified: https://github.com/angular/web-codegen-scorer/issues/51 (Sep 2025); https://docs.x.ai/developers/rate-limits.md publishes no numbers',
    perFamily: {
      'grok-4': { requestsPerMinute: 480, tokensPerMinute: 2_000_000 },
      'grok-code-fast-1': { requestsPerMinute: 480, tokensPerMinute: 2_000_000 },
      // No public grok-3 numbers; unverified, assumed equal to grok-4.
      'grok-3': { requestsPerMinute: 480, tokensPerMinute: 2_000_000 },
    },
  },
};

// A user's own server (ollama native or OpenAI-compatible, vLLM, LM Studio, a LiteLLM proxy, …) has no
// published limits: unlimited unless the scenario sets mocks.limits for its models.
const COMPATIBLE: ProviderTiers = {
  unlimited: { source: 'assumed: no published limits for an OpenAI-compatible server; set mocks.limits to meter one', perFamily: {}, perAccount: {} },
};

// Vertex AI serves Gemini 2.x and later under dynamic shared quota: capacity shared by all customers of a region,
// no per-project table to meter against.
const VERTEX: ProviderTiers = {
  unlimited: {
    source:
      'assumed: Vertex AI publishes no per-project limits for Gemini (dynamic shared quota, https://cloud.google.com/vertex-ai/generative-ai/docs/dynamic-shared-quota); set mocks.limits to meter one',
    perFamily: {},
    perAccount: {},
  },
};

// Cloud Code Assist meters each signed-in user across models, per day; the per-minute figure is from the same
// page's earlier version ("60 model requests / user / minute", said of the individual tier; unverified for the
// paid ones). Antigravity's own limits are not published:
// unverified, assumed the individual tier's.
const CODE_ASSIST_SOURCE = 'https://github.com/google-gemini/gemini-cli/blob/main/docs/resources/quota-and-pricing.md';
const GEMINI_CLI: ProviderTiers = {
  individual: { source: `${CODE_ASSIST_SOURCE} (Gemini Code Assist for individuals)`, perFamily: {}, perAccount: { requestsPerMinute: 60, requestsPerDay: 1_000 } },
  'ai-pro': { source: `${CODE_ASSIST_SOURCE} (Google AI Pro)`, perFamily: {}, perAccount: { requestsPerMinute: 60, requestsPerDay: 1_500 } },
  'ai-ultra': { source: `${CODE_ASSIST_SOURCE} (Google AI Ultra)`, perFamily: {}, perAccount: { requestsPerMinute: 60, requestsPerDay: 2_000 } },
};

// Bedrock's on-demand quotas are per account, region and model in AWS Service Quotas, and new accounts get lower
// defaults than the console lists: none is taken here.
const BEDROCK: ProviderTiers = {
  unlimited: {
    source:
      'assumed: Amazon Bedrock on-demand quotas are per account × region × model in AWS Service Quotas (https://docs.aws.amazon.com/bedrock/latest/userguide/quotas.html), not taken here; set mocks.limits to meter one',
    perFamily: {},
    perAccount: {},
  },
};

export const TIERS: Readonly<Record<ProviderId, ProviderTiers>> = {
  gemini: GEMINI,
  openai: OPENAI,
  anthropic: ANTHROPIC,
  moonshot: MOONSHOT,
  xai: XAI,
  compatible: COMPATIBLE,
  ollama: COMPATIBLE,
  vertex: VERTEX,
  'gemini-cli': GEMINI_CLI,
  bedrock: BEDROCK,
};

/** The tier table, or a `RangeError` naming the valid tiers. */
export function tierTable(provider: ProviderId, tier: string): TierTable {
  const table = TIERS[provider][tier];
  if (!table) {
    const known = Object.keys(TIERS[provider]).join(', ');
    throw new RangeError(`unknown ${provider} tier "${tier}"; known tiers: ${known}`);
  }
  return table;
}

/**
 * The most restrictive value of each dimension across a tier's families:
 * what a user who believes in one shared bucket would meter against when the
 * provider publishes per-model numbers only.
 */
export function strictestLimits(table: TierTable): QuotaLimits {
  if (table.perAccount) return table.perAccount;
  const strictest: Partial<Record<QuotaDimension, number>> = {};
  for (const limits of Object.values(table.perFamily)) {
    for (const dimension of QUOTA_DIMENSIONS) {
      const value = limits[dimension];
      if (value === undefined) continue;
      strictest[dimension] = Math.min(strictest[dimension] ?? Infinity, value);
    }
  }
  return strictest;
}

function rpmTpmRpd(rpm: number, tpm: number, rpd: number | undefined): QuotaLimits {
  return rpd === undefined
    ? { requestsPerMinute: rpm, tokensPerMinute: tpm }
    : { requestsPerMinute: rpm, tokensPerMinute: tpm, requestsPerDay: rpd };
}

function rpmItpmOtpm(rpm: number, itpm: number, otpm: number): QuotaLimits {
  return { requestsPerMinute: rpm, inputTokensPerMinute: itpm, outputTokensPerMinute: otpm };
}

function moonshot(concurrency: number, rpm: number, tpm: number, tpd: number | undefined): QuotaLimits {
  const limits = { concurrentRequests: concurrency, requestsPerMinute: rpm, tokensPerMinute: tpm };
  return tpd === undefined ? limits : { ...limits, tokensPerDay: tpd };
}
