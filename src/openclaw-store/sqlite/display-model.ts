/**
 * Which model a session row shows in openclaw@2026.9.6
 * (`src/commands/sessions-display-model.ts`, `resolvePersistedSelectedModelRef`):
 * an explicit override first, else the model the session last ran, else the
 * agent's default. A runtime model that ran through a CLI backend
 * (claude-cli, google-gemini-cli) is shown under the default provider.
 */
import type { OpenClawConfig } from '../../config/index.ts';
import { BUILT_IN_DEFAULT_MODEL, isCliProvider, parseModelRef, type ModelRef } from './model-ref.ts';

/** What rows without a model of their own fall back to. */
export type DisplayDefaults = {
  /** The agent's primary model: `agents.defaults.model`, else OpenClaw's built-in default. */
  readonly model: ModelRef;
  /** The window shown for rows without one: the default model's configured window, else 200k. */
  readonly contextTokens: number;
};

const FALLBACK_CONTEXT_TOKENS = 200_000;

/**
 * From `agents.defaults.model`. Per-agent models (`agents.list`) and the
 * context windows of `models.providers` are not read: the command warns
 * when a config sets them.
 */
export function displayDefaultsOf(config: OpenClawConfig | null): DisplayDefaults {
  const configured = config?.agents?.defaults?.model;
  const primary = (typeof configured === 'string' ? configured : configured?.primary)?.trim();
  const model = primary ? (parseModelRef(primary, BUILT_IN_DEFAULT_MODEL.provider) ?? BUILT_IN_DEFAULT_MODEL) : BUILT_IN_DEFAULT_MODEL;
  return { model, contextTokens: FALLBACK_CONTEXT_TOKENS };
}

/** The fields of an entry the model column reads. */
export type ModelFields = {
  readonly [field: string]: unknown;
  readonly model?: unknown;
  readonly modelProvider?: unknown;
  readonly providerOverride?: unknown;
  readonly modelOverride?: unknown;
};

/** resolveSessionDisplayModelRef: provider and model a row shows. */
export function displayModelRef(entry: ModelFields, defaults: DisplayDefaults): ModelRef {
  const defaultRef = defaults.model;
  const providerOverride = optionalString(entry.providerOverride);
  const modelOverride = stripOverridePrefix(providerOverride, optionalString(entry.modelOverride));
  if (modelOverride !== undefined) {
    const encoded = providerOverride ? `${providerOverride}/${modelOverride}` : modelOverride;
    return parseModelRef(encoded, defaultRef.provider) ?? { provider: providerOverride || defaultRef.provider, model: modelOverride };
  }
  const runtimeModel = optionalString(entry.model);
  if (runtimeModel === undefined) return defaultRef;
  const runtimeProvider = optionalString(entry.modelProvider);
  const ran = runtimeProvider ? { provider: runtimeProvider, model: runtimeModel } : (parseModelRef(runtimeModel, defaultRef.provider) ?? { provider: defaultRef.provider, model: runtimeModel });
  return isCliProvider(ran.provider) ? cliRuntimeRef(ran, defaultRef) : ran;
}

// normalizeCliRuntimeDisplayRef, less the config's unique-provider inference (no configured models are read).
function cliRuntimeRef(ran: ModelRef, defaultRef: ModelRef): ModelRef {
  const parsed = parseModelRef(ran.model, defaultRef.provider);
  if (parsed && !isCliProvider(parsed.provider)) return parsed;
  return { provider: defaultRef.provider || ran.provider, model: parsed?.model || ran.model };
}

// normalizeStoredOverrideModel: `google` + `google/gemini-3-flash` is `gemini-3-flash` under `google`.
function stripOverridePrefix(provider: string | undefined, model: string | undefined): string | undefined {
  if (!provider || !model) return model;
  return model.toLowerCase().startsWith(`${provider.toLowerCase()}/`) ? model.slice(provider.length + 1).trim() || model : model;
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
