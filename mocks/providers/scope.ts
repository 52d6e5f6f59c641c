/**
 * Which requests share a quota bucket.
 *
 * Two independent choices, because real providers and users' beliefs differ:
 * - `models`: `per-model` gives each quota family its own bucket (Gemini
 *   "per project per model", https://ai.google.dev/gemini-api/docs/rate-limits);
 *   `shared` puts all of a provider's models in one (Moonshot "we share rate
 *   limits across all models", https://platform.moonshot.ai/docs/pricing/limits).
 * - `keys`: `per-account` lets all keys of one project/org/team/user share
 *   (every provider documents this: "per project, not per API key"); `per-key`
 *   gives each API key its own bucket (a common belief, and what key rotation
 *   in a gateway silently relies on).
 *
 * The scope key is journal-safe: API keys appear only as a short hash.
 */
import type { ModelInfo, ProviderId } from './models.ts';

export type QuotaScope = {
  readonly models: 'per-model' | 'shared';
  readonly keys: 'per-account' | 'per-key';
};

export type ScopeInput = {
  readonly provider: ProviderId;
  readonly model: ModelInfo;
  /** The credential the request carried, if any. */
  readonly apiKey: string | undefined;
};

/** e.g. `gemini/account:default/gemini-2.5-flash`, `moonshot/key:5f3c09a1/*`. */
export function scopeKeyFor(
  scope: QuotaScope,
  input: ScopeInput,
  accounts: Readonly<Record<string, string>> = {},
): string {
  return `${input.provider}/${holderOf(scope, input.apiKey, accounts)}/${scope.models === 'shared' ? '*' : input.model.quotaFamily}`;
}

/** A short, stable, non-reversible label for an API key (FNV-1a, 32 bits). */
export function keyLabel(apiKey: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < apiKey.length; i++) {
    hash ^= apiKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function holderOf(scope: QuotaScope, apiKey: string | undefined, accounts: Readonly<Record<string, string>>): string {
  if (scope.keys === 'per-key') return apiKey === undefined ? 'key:none' : `key:${keyLabel(apiKey)}`;
  return `account:${(apiKey !== undefined ? accounts[apiKey] : undefined) ?? 'default'}`;
}
