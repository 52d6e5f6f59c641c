/**
 * The agent runtime a session row reports in openclaw@2026.9.6, and the
 * Runtime column's label (`resolveModelAgentRuntimeMetadata`,
 * `resolvePersistedSessionRuntimeId`, `resolveAgentRuntimeLabel`).
 *
 * A runtime the session pinned or recorded wins (`source: "session"`);
 * otherwise the harness policy decides, which with OpenClaw's defaults means
 * the Codex harness for the `openai` provider's routes and `auto` for every
 * other provider (`resolveOpenAIImplicitAgentRuntime`). A config can route
 * OpenAI elsewhere (`agentRuntime`, provider baseUrl overrides): that is not
 * modelled, and the command warns when a config sets them.
 */
import { optionalString } from './display-model.ts';
import { isCliProvider, normalizeProviderId, type ModelRef } from './model-ref.ts';
import { sanitizeText } from './terminal-text.ts';

export type AgentRuntime = { readonly id: string; readonly source: 'session' | 'implicit' | 'session-key' };

/** The entry fields runtimes are recorded in. */
export type RuntimeFields = {
  readonly [field: string]: unknown;
  readonly modelSelectionLocked?: unknown;
  readonly pluginOwnerId?: unknown;
  readonly agentHarnessId?: unknown;
  readonly agentRuntimeOverride?: unknown;
  readonly modelProvider?: unknown;
  readonly providerOverride?: unknown;
  readonly acp?: unknown;
};

const RUNTIME_LABELS: Readonly<Record<string, string>> = {
  openclaw: 'OpenClaw Default',
  codex: 'OpenAI Codex',
  'codex-cli': 'OpenAI Codex',
  'claude-cli': 'Claude CLI',
  'google-gemini-cli': 'Gemini CLI',
};

export function agentRuntimeOf(key: string, entry: RuntimeFields, ref: ModelRef): AgentRuntime {
  const persisted = persistedRuntimeId(entry);
  const runtime: AgentRuntime =
    persisted !== undefined && !isDefaultRuntimeId(persisted)
      ? { id: persisted, source: 'session' }
      : { id: normalizeProviderId(ref.provider) === 'openai' ? 'codex' : 'auto', source: 'implicit' };
  return acpOverlay(key, entry, runtime);
}

/** The Runtime column: the harness's name, a CLI backend's, or OpenClaw's own; plus the runtime the session last recorded when it differs. */
export function runtimeLabelOf(entry: RuntimeFields, runtime: AgentRuntime, fallbackProvider: string): string {
  const acp = isRecord(entry.acp) ? entry.acp : undefined;
  const acpAgent = optionalString(acp?.['agent']);
  if (acpAgent !== undefined) {
    const backend = optionalString(acp?.['backend']);
    return backend ? `${sanitizeText(acpAgent)} (acp/${sanitizeText(backend)})` : `${sanitizeText(acpAgent)} (acp)`;
  }
  const label = currentRuntimeLabel(entry, runtime, fallbackProvider);
  const recorded = normalizeRuntimeId(entry.agentHarnessId);
  const recordedLabel = recorded === undefined ? undefined : (RUNTIME_LABELS[recorded] ?? sanitizeText(recorded));
  if (recorded === undefined || isDefaultRuntimeId(recorded) || recordedLabel === label) return label;
  return `${label} (${pinnedHarnessId(entry) ? 'session pin' : 'previous runtime'}: ${recordedLabel})`;
}

function currentRuntimeLabel(entry: RuntimeFields, runtime: AgentRuntime, fallbackProvider: string): string {
  const id = runtime.id.trim().toLowerCase();
  if (id !== '' && id !== 'openclaw' && id !== 'auto' && id !== 'default') return RUNTIME_LABELS[id] ?? sanitizeText(runtime.id.trim());
  const provider = optionalString(entry.modelProvider) ?? optionalString(entry.providerOverride) ?? optionalString(fallbackProvider);
  if (provider !== undefined && isCliProvider(provider)) return RUNTIME_LABELS[provider.toLowerCase()] ?? `${sanitizeText(provider)} (cli)`;
  return RUNTIME_LABELS['openclaw']!;
}

// resolvePersistedSessionRuntimeId: a pinned harness, else an explicit override, else the last recorded one.
function persistedRuntimeId(entry: RuntimeFields): string | undefined {
  const pinned = pinnedHarnessId(entry);
  if (pinned !== undefined && !isDefaultRuntimeId(pinned)) return pinned;
  const override = normalizeRuntimeId(entry.agentRuntimeOverride);
  if (override !== undefined && !isDefaultRuntimeId(override)) return override;
  return normalizeRuntimeId(entry.agentHarnessId);
}

function pinnedHarnessId(entry: RuntimeFields): string | undefined {
  return entry.modelSelectionLocked === true && optionalString(entry.pluginOwnerId) === undefined ? normalizeRuntimeId(entry.agentHarnessId) : undefined;
}

// applyAcpRuntimeOverlay: only an ACP key whose entry carries ACP metadata runs the ACP backend.
function acpOverlay(key: string, entry: RuntimeFields, runtime: AgentRuntime): AgentRuntime {
  if (!isRecord(entry.acp) || !isAcpSessionKey(key)) return runtime;
  const backend = typeof entry.acp['backend'] === 'string' && entry.acp['backend'].length > 0 ? entry.acp['backend'] : 'acpx';
  return { id: backend, source: 'session-key' };
}

/** `acp:…` or `agent:<id>:acp:…` (isAcpSessionKey). */
export function isAcpSessionKey(key: string): boolean {
  const raw = key.trim().toLowerCase();
  if (raw.startsWith('acp:')) return true;
  const agentEnd = raw.startsWith('agent:') ? raw.indexOf(':', 6) : -1;
  return agentEnd > 6 && raw.slice(agentEnd + 1).startsWith('acp:');
}

// normalizeOptionalAgentRuntimeId: lowercase, `pi` is the embedded runtime, `codex-app-server` is Codex.
function normalizeRuntimeId(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const value = raw.trim().toLowerCase();
  if (value === '') return undefined;
  if (value === 'openclaw' || value === 'pi') return 'openclaw';
  if (value === 'codex-app-server') return 'codex';
  return value;
}

function isDefaultRuntimeId(id: string | undefined): boolean {
  return id === undefined || id === 'auto' || id === 'default';
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
