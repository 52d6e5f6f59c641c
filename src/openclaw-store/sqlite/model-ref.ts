/**
 * `provider/model` references as openclaw@2026.9.6 parses them for display:
 * config/model-ref.ts's parser with MODEL_REF_RULES_2026_9_STATIC, since
 * `sessions-display-model.ts` turns manifest and plugin normalization off.
 */
import { parseModelRef as parseWithRules, type ModelRef } from '../../config/model-ref.ts';
import { MODEL_REF_RULES_2026_9_STATIC as RULES } from '../../config/model-ref-rules-2026-9.ts';

export type { ModelRef };

/** The model every agent runs when the config names none (sessions-display-model.ts). */
export const BUILT_IN_DEFAULT_MODEL: ModelRef = { provider: RULES.defaultProvider, model: RULES.defaultModel };

/**
 * Providers that are CLI backends rather than APIs (`prepareCliProviderClassifier`):
 * the bundled plugins enabled by default declare these two (`cliBackends` in
 * the anthropic and google plugin manifests).
 */
const CLI_PROVIDERS: ReadonlySet<string> = new Set(['claude-cli', 'google-gemini-cli']);

export function isCliProvider(provider: string | undefined): boolean {
  return provider !== undefined && CLI_PROVIDERS.has(normalizeProviderId(provider));
}

export function normalizeProviderId(provider: string): string {
  return RULES.normalizeProviderId(provider);
}

/** `provider/model`, or a bare model under `defaultProvider`; null when either half is empty. */
export function parseModelRef(raw: string, defaultProvider: string): ModelRef | null {
  return parseWithRules(raw, RULES, defaultProvider);
}
