/**
 * Published rate limits of providers served by the OpenAI-compatible mock
 * (compatible.ts), by the config's provider id and model id: the rows are
 * data, each table with its public source. A model a table does not list is
 * unlimited there, as a user's own server is (tiers.ts `COMPATIBLE`).
 *
 * The ledger meters minutes and days; a limit on another window is turned
 * into the nearest it supports, and says so. A row's `quotaFamily` names the
 * bucket of a provider that meters its account as a whole.
 */
/** The dimensions these APIs publish; a subset of tiers.ts `QuotaLimits` (declared apart, as models.ts holds it). */
type QuotaLimits = {
  readonly requestsPerMinute?: number;
  readonly requestsPerDay?: number;
  readonly tokensPerMinute?: number;
  readonly tokensPerDay?: number;
};

export type PublishedLimits = {
  /** The config's provider id the numbers are for (`groq`, `openrouter`, …). */
  readonly provider: string;
  readonly limits: QuotaLimits;
  /** The bucket the model meters in: its own id, or one shared by the account. */
  readonly quotaFamily: string;
  readonly source: string;
};

/** `quotaFamily`: a bucket the row's models share (the account's); else each model meters alone. `source` overrides the table's. */
type Row = { readonly model: RegExp; readonly limits: QuotaLimits; readonly quotaFamily?: string; readonly source?: string };
type Table = { readonly source: string; readonly rows: readonly Row[] };

const exact = (id: string) => new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
const groq = (id: string, rpm: number, rpd: number, tpm: number, tpd: number | undefined): Row => ({
  model: exact(id),
  limits: { requestsPerMinute: rpm, requestsPerDay: rpd, tokensPerMinute: tpm, ...(tpd === undefined ? {} : { tokensPerDay: tpd }) },
});

const TABLES: Readonly<Record<string, Table>> = {
  // Free plan, per model and organization: https://console.groq.com/docs/rate-limits (table read 2026; "there may be exceptions").
  groq: {
    source: 'https://console.groq.com/docs/rate-limits (free plan, per model per organization)',
    rows: [
      groq('allam-2-7b', 30, 7_000, 6_000, 500_000),
      groq('groq/compound', 30, 250, 70_000, undefined),
      groq('groq/compound-mini', 30, 250, 70_000, undefined),
      groq('llama-3.1-8b-instant', 30, 14_400, 6_000, 500_000),
      groq('llama-3.3-70b-versatile', 30, 1_000, 12_000, 100_000),
      groq('meta-llama/llama-4-maverick-17b-128e-instruct', 30, 1_000, 6_000, 500_000),
      groq('meta-llama/llama-4-scout-17b-16e-instruct', 30, 1_000, 30_000, 500_000),
      groq('meta-llama/llama-guard-4-12b', 30, 14_400, 15_000, 500_000),
      groq('moonshotai/kimi-k2-instruct', 60, 1_000, 10_000, 300_000),
      groq('moonshotai/kimi-k2-instruct-0905', 60, 1_000, 10_000, 300_000),
      groq('openai/gpt-oss-120b', 30, 1_000, 8_000, 200_000),
      groq('openai/gpt-oss-20b', 30, 1_000, 8_000, 200_000),
      groq('qwen/qwen3-32b', 60, 1_000, 6_000, 500_000),
    ],
  },
  // `:free` variants only, account-wide across all of them, fewer than 10 credits ever purchased (1000 per day with 10):
  // https://openrouter.ai/docs/guides/routing/model-variants/free.md. Paid models publish no fixed limit.
  openrouter: {
    source: 'https://openrouter.ai/docs/guides/routing/model-variants/free.md (:free models, account-wide, under 10 credits purchased)',
    rows: [
      { model: /:free$/, limits: { requestsPerMinute: 20, requestsPerDay: 50 }, quotaFamily: 'openrouter-free-models' },
      {
        model: /./,
        limits: {},
        source: 'assumed unlimited: OpenRouter publishes fixed limits only for :free models; paid ones are bounded by credits and the upstream provider (https://openrouter.ai/docs/api/reference/limits)',
      },
    ],
  },
  // Free (Experiment) tier, per workspace for all models: 1 request per second (metered here as 60 per minute, so a
  // burst inside one second is not refused), 500,000 tokens per minute; the 1 billion tokens per month is not metered.
  mistral: {
    source: 'https://help.mistral.ai/en/articles/225174-what-are-the-limits-of-the-free-tier (free tier; 1 RPS metered as 60 RPM, monthly cap not metered)',
    rows: [{ model: /./, limits: { requestsPerMinute: 60, tokensPerMinute: 500_000 }, quotaFamily: 'mistral-workspace' }],
  },
  // No numbers to publish: "DeepSeek API does NOT constrain user's rate limit"; under load it holds the request open
  // and sends keep-alives instead (https://api-docs.deepseek.com/quick_start/rate_limit). Unlimited, and said so.
  deepseek: {
    source:
      'assumed unlimited: DeepSeek publishes no rate limits ("DeepSeek API does NOT constrain user\'s rate limit"; under load it keeps the request open instead, https://api-docs.deepseek.com/quick_start/rate_limit)',
    rows: [{ model: /./, limits: {} }],
  },
};

/** The published limits for a model of a provider the config names, if its table lists it. */
export function publishedLimitsOf(provider: string, modelId: string): PublishedLimits | undefined {
  const table = TABLES[provider];
  const row = table?.rows.find((entry) => entry.model.test(modelId));
  if (table === undefined || row === undefined) return undefined;
  return { provider, limits: row.limits, quotaFamily: row.quotaFamily ?? modelId, source: row.source ?? table.source };
}
