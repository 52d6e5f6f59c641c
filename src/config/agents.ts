/**
 * Multi-agent configs as OpenClaw reads them: which agent is the default,
 * which agents run heartbeats, and each agent's own view of the config —
 * `agents.defaults` with the agent's `model` and `heartbeat` laid over it —
 * so the model chain, the heartbeat settings and the audit read an agent the
 * way they read a single-agent config.
 *
 * Rests on the pinned dists:
 * - openclaw@2026.2.26 dist/agent-scope-DZ5jocOf.js `resolveDefaultAgentId`,
 *   `resolveAgentConfig`, `resolveAgentEffectiveModelPrimary`,
 *   `resolveAgentModelFallbacksOverride`; dist/pi-embedded-CQnl8oWA.js
 *   `resolveFallbackCandidates`; dist/health-96TiBcbt.js
 *   `resolveHeartbeatAgents`, `resolveHeartbeatConfig`.
 * - openclaw@2026.9.6 dist/agent-scope-config-IQKOEtZ4.mjs
 *   `resolveDefaultAgentId` (`tryResolveRawLegacyDefaultAgentId`,
 *   `tryResolveSoleAgentId`); dist/agent-scope-CTuYDtny.mjs
 *   `resolveSelectedModelFallbacksOverride`, `resolveModelFallbackAvailability`;
 *   dist/model-fallback-candidates-tdYaxPT6.mjs `resolveFallbackCandidatesUncached`;
 *   dist/heartbeat-config-BvP-hlUW.mjs `resolveHeartbeatAgentIds`, `resolveHeartbeatConfig`.
 *
 * Not modelled: 2026.9's keyed `agents.entries`, `agents.ownership: "explicit"`
 * and `defaults.systemAgent`, per-agent `models` allowlists and aliases, and
 * a session's own model override.
 */
import { configuredScope, modelKey, resolveModelRef, resolvePrimaryModelRef, type ModelRefRules } from './model-ref.ts';
import type { OpenClawConfig } from './schema.ts';

/** What one OpenClaw version does differently with `agents.list` (a field of its profile). */
export type AgentRules = {
  /**
   * The default agent: 2026.2 takes the first `default: true` entry, else the first entry;
   * 2026.9 takes the one `default: true` entry (none when several are marked), else the
   * only agent, else none — and a message that needs it is refused (AgentSelectionRequiredError).
   */
  readonly defaultAgent: 'first-marked-else-first' | 'one-marked-else-sole';
  /**
   * An agent `model` without its own `fallbacks` list. 2026.2 keeps the defaults' fallbacks when
   * the agent's primary is on the defaults' primary's provider (or among those fallbacks), then
   * appends the defaults' primary; 2026.9 runs a set primary with no fallbacks at all.
   */
  readonly inheritedFallbacks: 'same-provider-then-defaults-primary' | 'none-when-primary-set';
  /**
   * Who runs heartbeats when no agent has a `heartbeat` block: 2026.2 the default agent;
   * 2026.9 every agent once `agents.defaults.heartbeat` is set, else the default agent if any.
   */
  readonly heartbeatAgents: 'listed-else-default' | 'listed-else-all-when-defaults-set';
};

/** What agent resolution takes from a version profile. */
export type AgentVersion = { readonly agents: AgentRules; readonly modelRefs: ModelRefRules };

/** DEFAULT_AGENT_ID: the agent of a config without `agents.list`. */
const DEFAULT_AGENT_ID = 'main';

type AgentEntry = NonNullable<NonNullable<OpenClawConfig['agents']>['list']>[number];
type AgentModel = NonNullable<AgentEntry['model']>;

/** The default agent's id, or null when the version finds none (2026.9, several agents, no single default). */
export function resolveDefaultAgentId(config: OpenClawConfig, rules: AgentRules): string | null {
  const entries = agentEntries(config);
  if (entries.length === 0) return DEFAULT_AGENT_ID;
  if (rules.defaultAgent === 'first-marked-else-first') {
    return normalizeAgentId((entries.find((entry) => entry.default === true) ?? entries[0])?.id);
  }
  const marked = entries.filter((entry) => entry.default === true);
  if (marked.length === 1) return normalizeAgentId(marked[0]?.id);
  return entries.length === 1 ? normalizeAgentId(entries[0]?.id) : null;
}

/** listAgentIds: each configured agent once, in file order; `main` for a config without a list. */
export function listAgentIds(config: OpenClawConfig): string[] {
  const ids = [...new Set(agentEntries(config).map((entry) => normalizeAgentId(entry.id)))];
  return ids.length > 0 ? ids : [DEFAULT_AGENT_ID];
}

/** The agents whose heartbeats run (resolveHeartbeatAgents / resolveHeartbeatAgentIds). */
export function heartbeatAgentIds(config: OpenClawConfig, rules: AgentRules): string[] {
  const listed = agentEntries(config).filter((entry) => entry.heartbeat !== undefined);
  if (listed.length > 0) return [...new Set(listed.map((entry) => normalizeAgentId(entry.id)))];
  if (rules.heartbeatAgents === 'listed-else-all-when-defaults-set') {
    const owner = config.agents?.defaults?.heartbeat?.agentId?.trim();
    if (owner !== undefined && owner !== '') return [normalizeAgentId(owner)];
    if (config.agents?.defaults?.heartbeat !== undefined) return listAgentIds(config);
  }
  const fallback = resolveDefaultAgentId(config, rules);
  return fallback === null ? [] : [fallback];
}

/** Whether the config declares the agent (normalizeAgentId on both sides). */
export function isListedAgent(config: OpenClawConfig, agentId: string): boolean {
  return agentEntryOf(config, agentId) !== undefined;
}

/**
 * The config as one agent runs it: `agents.defaults.model` is the agent's own chain (primary and
 * fallbacks as its version resolves them) and `agents.defaults.heartbeat` the defaults merged with
 * the agent's block, key by key. An agent the config does not declare sees the config unchanged.
 */
export function agentConfigView(config: OpenClawConfig, agentId: string, version: AgentVersion): OpenClawConfig {
  const entry = agentEntryOf(config, agentId);
  if (entry === undefined) return config;
  const defaults = config.agents?.defaults ?? {};
  const model = entry.model === undefined ? undefined : agentModel(config, entry.model, version);
  const heartbeat = entry.heartbeat === undefined ? undefined : { ...defaults.heartbeat, ...entry.heartbeat };
  if (model === undefined && heartbeat === undefined) return config;
  const agentDefaults = { ...defaults, ...(model === undefined ? {} : { model }), ...(heartbeat === undefined ? {} : { heartbeat }) };
  return { ...config, agents: { ...config.agents, defaults: agentDefaults } };
}

/** normalizeAgentId (src/routing/session-key.ts): lower case, invalid runs to `-`, at most 64 chars, `main` when empty. */
export function normalizeAgentId(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim();
  if (trimmed === '') return DEFAULT_AGENT_ID;
  if (/^[a-z0-9][a-z0-9_-]{0,63}$/i.test(trimmed)) return trimmed.toLowerCase();
  const cleaned = trimmed.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+/, '').replace(/-+$/, '').slice(0, 64);
  return cleaned === '' ? DEFAULT_AGENT_ID : cleaned;
}

function agentEntries(config: OpenClawConfig): AgentEntry[] {
  return config.agents?.list ?? [];
}

function agentEntryOf(config: OpenClawConfig, agentId: string): AgentEntry | undefined {
  const id = normalizeAgentId(agentId);
  return agentEntries(config).find((entry) => normalizeAgentId(entry.id) === id);
}

/**
 * The agent's `{ primary, fallbacks }` as its version runs it, or undefined where it runs the defaults'
 * chain. Fallbacks are written as resolved `provider/model` keys where the version resolves them against
 * the defaults' primary provider (2026.2), so the agent's own primary cannot change what they name.
 */
function agentModel(config: OpenClawConfig, own: AgentModel, version: AgentVersion): { primary?: string; fallbacks: string[] } | undefined {
  const rules = version.modelRefs;
  const ownPrimary = primaryOf(own);
  const ownFallbacks = typeof own === 'object' && Object.hasOwn(own, 'fallbacks') ? own.fallbacks : undefined;
  const defaults = config.agents?.defaults?.model;
  const primary = ownPrimary ?? primaryOf(defaults);
  const withPrimary = (fallbacks: string[]) => ({ ...(primary === undefined ? {} : { primary }), fallbacks });
  const defaultsScope = configuredScope(config, rules);
  const qualified = (raws: readonly string[]) =>
    raws.flatMap((raw) => {
      const ref = resolveModelRef(raw, defaultsScope);
      return ref === null ? [] : [modelKey(ref, rules)];
    });
  if (version.agents.inheritedFallbacks === 'none-when-primary-set') {
    // resolveSelectedModelFallbacksOverride: own fallbacks, else none once a primary is set, else inherited.
    if (ownFallbacks !== undefined) return withPrimary([...ownFallbacks]);
    return ownPrimary === undefined ? undefined : withPrimary([]);
  }
  if (ownFallbacks !== undefined) return withPrimary(qualified(ownFallbacks));
  if (ownPrimary === undefined) return undefined;
  // resolveFallbackCandidates without a fallbacks override: the defaults' fallbacks only on the defaults'
  // primary's provider (or when they list the agent's primary), then the defaults' primary.
  const configured = resolvePrimaryModelRef(config, rules);
  const agentPrimary = resolvePrimaryModelRef({ ...config, agents: { ...config.agents, defaults: { ...config.agents?.defaults, model: ownPrimary } } }, rules);
  const defaultsFallbacks = typeof defaults === 'object' ? qualified(defaults.fallbacks ?? []) : [];
  const agentKey = modelKey(agentPrimary, rules);
  const inherited = agentPrimary.provider === configured.provider || defaultsFallbacks.includes(agentKey) ? defaultsFallbacks : [];
  return withPrimary([...inherited, modelKey(configured, rules)]);
}

function primaryOf(model: AgentModel | undefined): string | undefined {
  const raw = typeof model === 'string' ? model : model?.primary;
  const trimmed = raw?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
