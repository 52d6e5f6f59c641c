/**
 * What each model was sent, from the mock journal: requests, outcomes,
 * tokens (refused requests included, which is what "1.42M TPM" measures on
 * the gateway's side), the busiest 60-second window, and a per-minute
 * series for charts.
 */
import type { JournalEntry } from '../../mocks/providers/journal.ts';
import type { Ledger } from '../../mocks/providers/ledger.ts';
import { findModel, type ProviderId } from '../../mocks/providers/models.ts';
import { limitsFor } from '../../mocks/providers/policy.ts';
import type { ModelUsage } from './result.ts';

const MINUTE_MS = 60_000;

/** OpenClaw configs call Google's provider `google`; the mocks call it `gemini`. */
export function configProviderOf(mockProvider: string): string {
  return mockProvider === 'gemini' ? 'google' : mockProvider;
}

/** The `provider/model` a journal entry is for, as the gateway config names it. */
export function modelRefOf(entry: Pick<JournalEntry, 'provider' | 'model'>): string {
  return `${configProviderOf(entry.provider)}/${entry.model}`;
}

/** `limitsOf` names the limits a model was metered against: the ledger's during a run (`ledgerLimits`), the run record's after it. */
export function modelUsage(entries: readonly JournalEntry[], limitsOf: LimitsOf, runStartMs: number): ModelUsage[] {
  const byModel = new Map<string, JournalEntry[]>();
  for (const entry of entries) {
    const ref = modelRefOf(entry);
    const list = byModel.get(ref);
    if (list === undefined) byModel.set(ref, [entry]);
    else list.push(entry);
  }
  return [...byModel].sort(([a], [b]) => a.localeCompare(b)).map(([modelRef, list]) => usageOf(modelRef, list, limitsOf, runStartMs));
}

export type LimitsOf = (modelRef: string) => ModelUsage['limits'];

function usageOf(modelRef: string, entries: readonly JournalEntry[], limitsOf: LimitsOf, runStartMs: number): ModelUsage {
  const perMinute = new Map<number, { tokens: number; requests: number }>();
  for (const entry of entries) {
    // Calendar minutes, numbered from the run's first: the same buckets as the peak.
    const minute = Math.floor(entry.atMs / MINUTE_MS) - Math.floor(runStartMs / MINUTE_MS);
    const bucket = perMinute.get(minute) ?? { tokens: 0, requests: 0 };
    bucket.tokens += entry.inputTokens;
    bucket.requests += 1;
    perMinute.set(minute, bucket);
  }
  return {
    modelRef,
    requests: entries.length,
    ok: entries.filter((entry) => entry.status === 200).length,
    rateLimited: entries.filter((entry) => entry.status === 429).length,
    otherErrors: entries.filter((entry) => entry.status !== 200 && entry.status !== 429).length,
    inputTokensSent: entries.reduce((sum, entry) => sum + entry.inputTokens, 0),
    outputTokens: entries.reduce((sum, entry) => sum + entry.outputTokens, 0),
    peakTokensPerMinute: peakMinute(entries, (entry) => entry.inputTokens, runStartMs),
    peakRequestsPerMinute: peakMinute(entries, () => 1, runStartMs),
    largestRequestTokens: entries.reduce((largest, entry) => Math.max(largest, entry.inputTokens), 0),
    limits: limitsOf(modelRef),
    perMinute: [...perMinute].sort(([a], [b]) => a - b).map(([minute, bucket]) => ({ minute, ...bucket })),
  };
}

/**
 * The busiest calendar minute (epoch-aligned, as Gemini meters and as providers' usage dashboards
 * count — the write-up's "1.42M TPM" is such a minute): its sum and when it began.
 */
function peakMinute(entries: readonly JournalEntry[], weight: (entry: JournalEntry) => number, runStartMs: number): { value: number; atMs: number } {
  const minutes = new Map<number, number>();
  for (const entry of entries) {
    const minute = Math.floor(entry.atMs / MINUTE_MS);
    minutes.set(minute, (minutes.get(minute) ?? 0) + weight(entry));
  }
  let best = { value: 0, atMs: 0 };
  for (const [minute, value] of minutes) if (value > best.value) best = { value, atMs: minute * MINUTE_MS - runStartMs };
  return best;
}

export function ledgerLimits(ledger: Ledger): LimitsOf {
  return (modelRef) => limitsOf(modelRef, ledger);
}

/** `modelRef` is a journal key (`modelRefOf`): the provider before the first slash, as the config names it. */
function limitsOf(modelRef: string, ledger: Ledger): ModelUsage['limits'] {
  const slash = modelRef.indexOf('/');
  const configProvider = modelRef.slice(0, slash);
  const provider = (configProvider === 'google' ? 'gemini' : configProvider) as ProviderId;
  const model = findModel(ledger.models, provider, modelRef.slice(slash + 1));
  const policy = ledger.policies[provider];
  if (model === undefined || policy === undefined) return {};
  const limits = limitsFor(policy, { provider, model });
  return {
    ...(limits.tokensPerMinute === undefined && limits.inputTokensPerMinute === undefined ? {} : { tokensPerMinute: limits.tokensPerMinute ?? limits.inputTokensPerMinute! }),
    ...(limits.requestsPerMinute === undefined ? {} : { requestsPerMinute: limits.requestsPerMinute }),
    ...(limits.requestsPerDay === undefined ? {} : { requestsPerDay: limits.requestsPerDay }),
  };
}
