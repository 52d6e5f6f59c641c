/**
 * The context window a session row shows in openclaw@2026.9.6
 * (`resolveProjectedSessionContextTokens`, `resolveModelContextTokenProjection`
 * with no asynchronous catalog load, as `openclaw sessions` asks).
 *
 * A window stored in the entry is only trusted when it belongs to the
 * current selection: the session pinned its model, or the runtime recorded
 * it (`contextTokensSource: "runtime"`, or `"resolved-v1"` when nothing else
 * is known) for the same provider, model and harness. Otherwise the window
 * is what OpenClaw knows without a catalog: Anthropic's fixed 1M windows;
 * everything else is unknown and the listing shows the default (200k). A
 * legacy entry's `contextTokens` (2026.2.26 wrote the model's window there)
 * is therefore not shown.
 */
import type { AgentRuntime } from './agent-runtime.ts';
import { isCliProvider, normalizeProviderId, type ModelRef } from './model-ref.ts';

export type ContextFields = {
  readonly [field: string]: unknown;
  readonly contextTokens?: unknown;
  readonly contextTokensSource?: unknown;
  readonly modelSelectionLocked?: unknown;
  readonly modelProvider?: unknown;
  readonly model?: unknown;
  readonly agentHarnessId?: unknown;
};

/** The row's window, or undefined for the listing's default. */
export function contextTokensOf(entry: ContextFields, ref: ModelRef, runtime: AgentRuntime): number | undefined {
  const cliRuntime = positive(entry.contextTokens) === undefined && isCliProvider(runtime.id);
  // A CLI runtime looks the bare model up in the configured windows, which quotastorm does not read.
  const resolved = cliRuntime ? undefined : anthropicFixedWindow(normalizeProviderId(ref.provider), ref.model.trim());
  const trusted = trustedContextTokens(entry, ref, runtime);
  const persisted = resolved === undefined && entry.contextTokensSource === 'resolved-v1' && isExactProducer(entry, ref, runtime) ? positive(entry.contextTokens) : undefined;
  const current = trusted !== undefined && resolved !== undefined ? Math.min(trusted, resolved) : (trusted ?? resolved ?? persisted);
  return entry.modelSelectionLocked === true ? (trusted ?? current) : current;
}

function trustedContextTokens(entry: ContextFields, ref: ModelRef, runtime: AgentRuntime): number | undefined {
  const contextTokens = positive(entry.contextTokens);
  if (contextTokens === undefined) return undefined;
  if (entry.modelSelectionLocked === true) {
    const [entryProvider, entryModel] = [lower(entry.modelProvider), lower(entry.model)];
    const [provider, model] = [lower(ref.provider), lower(ref.model)];
    const differs = (entryProvider !== '' && provider !== '' && entryProvider !== provider) || (entryModel !== '' && model !== '' && entryModel !== model);
    return differs ? undefined : contextTokens;
  }
  return entry.contextTokensSource === 'runtime' && isExactProducer(entry, ref, runtime) ? contextTokens : undefined;
}

// isExactProducerSelection: the stored window came from this provider, model and harness.
function isExactProducer(entry: ContextFields, ref: ModelRef, runtime: AgentRuntime): boolean {
  const stored = [lower(entry.modelProvider), lower(entry.model), lower(entry.agentHarnessId)];
  const current = [lower(ref.provider), lower(ref.model), lower(runtime.id)];
  return stored.every((value, index) => value !== '' && value === current[index]);
}

const ONE_MILLION = 1_000_000;

/** resolveAnthropicFixedContextWindow: Claude models with a 1M window whatever the catalog says. */
function anthropicFixedWindow(provider: string, model: string): number | undefined {
  if (provider !== 'anthropic' && provider !== 'anthropic-vertex' && provider !== 'claude-cli') return undefined;
  const family = model.toLowerCase().includes('/') ? (model.toLowerCase().split('/').at(-1) ?? '') : model.toLowerCase();
  const id = claudeIdentity(family);
  if (/^claude-fable-5(?=$|[^a-z0-9])/.test(family)) return ONE_MILLION;
  if (provider !== 'claude-cli' && /^claude-mythos-5(?=$|[^a-z0-9])/.test(family)) return ONE_MILLION;
  if (isOpus5(id) || /(?:^|-)claude-sonnet-5(?=$|[^a-z0-9])/.test(id)) return ONE_MILLION;
  if (!/(?:^|-)claude-(?:fable-5|mythos-(?:5|preview)|opus-4-(?:6|7|8)|sonnet-(?:5|4-6))(?=$|[^a-z0-9])/.test(id)) return undefined;
  // claude-cli gets 1M only for `[1m]` models or the context1m param, which lives in the config.
  if (provider === 'claude-cli' && !family.endsWith('[1m]')) return undefined;
  return ONE_MILLION;
}

// resolveClaudeModelIdentity: lowercase, no `anthropic/`, `.`/`_`/space as `-`, the trailing `claude-…` part.
function claudeIdentity(modelId: string): string {
  const normalized = modelId.trim().toLowerCase().replace(/^anthropic\//, '').replace(/[._\s]+/g, '-');
  return /(?:^|[-/])(claude-[^/]+)$/.exec(normalized)?.[1] ?? normalized;
}

function isOpus5(id: string): boolean {
  return id === 'opus-5-5' || id === 'opus' || id === 'opus-5' || /^claude-opus-5-5(?=$|[^a-z0-9])/.test(id) || /(?:^|-)claude-opus-5(?=$|[^a-z0-9])/.test(id);
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function lower(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}
