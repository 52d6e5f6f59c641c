import { agentConfigView, heartbeatAgentIds, normalizeAgentId } from './agents.ts';
import { effectiveSettings, type EffectiveSettings } from './effective.ts';
import { getConfigPath } from './get.ts';
import type { LoadedConfig } from './load.ts';
import type { ConfigVersion } from './config-version.ts';
import { configuredModel, configuredScope, modelKey, resolveModelRef, type ModelRefScope } from './model-ref.ts';

/**
 * Where a config stands on each setting behind the 2026-02-27 incident, read
 * statically: what the gateway would run with (effective settings, defaults
 * filled in for the version) and whether the file set it or a default did.
 * `risk` marks a root cause still present; `note` is context a reviewer needs.
 */
export type RootCauseFinding = {
  id: RootCauseId;
  setting: string;
  /** The effective value, rendered for people. */
  value: string;
  source: 'config' | 'default';
  status: 'ok' | 'risk' | 'note';
  why: string;
};

const ROOT_CAUSE_IDS = [
  'first-fallback-provider',
  'agent-model-chain',
  'heartbeat-model',
  'agent-heartbeat-model',
  'session-maintenance',
  'context-pruning',
  'telegram-skill-commands',
  'context-tokens',
  'max-concurrent',
] as const;
type RootCauseId = (typeof ROOT_CAUSE_IDS)[number];

export function auditRootCauses(loaded: LoadedConfig, version: ConfigVersion): RootCauseFinding[] {
  const settings = effectiveSettings(loaded.config, version.runtimeDefaults);
  const setInFile = (path: string) => (getConfigPath(loaded.raw, path).found ? 'config' : 'default');
  const scope = configuredScope(loaded.config, version.modelRefs);
  return [
    firstFallback(settings, scope, setInFile('agents.defaults.model')),
    ...agentChains(loaded, version),
    heartbeatModel(settings, scope, setInFile('agents.defaults.heartbeat.model')),
    ...agentHeartbeats(loaded, version),
    sessionMaintenance(settings, setInFile('session.maintenance.mode')),
    contextPruning(settings, setInFile('agents.defaults.contextPruning.mode')),
    telegramSkillCommands(settings, loaded, setInFile('commands.nativeSkills')),
    contextTokens(settings, loaded, scope, setInFile('agents.defaults.contextTokens')),
    maxConcurrent(settings, setInFile('agents.defaults.maxConcurrent')),
  ];
}

/**
 * One finding per agent with its own `model`: the first-fallback check on the chain that agent runs
 * (config/agents.ts `agentConfigView`, which applies the version's inherited-fallbacks rule), named
 * after the agent so a risk points at the `agents.list` entry to change.
 */
function agentChains(loaded: LoadedConfig, version: ConfigVersion): RootCauseFinding[] {
  return (loaded.config.agents?.list ?? []).flatMap((entry, index) => {
    if (entry.model === undefined) return [];
    const view = agentConfigView(loaded.config, entry.id, version);
    const finding = firstFallback(effectiveSettings(view, version.runtimeDefaults), configuredScope(view, version.modelRefs), 'config');
    const agent = normalizeAgentId(entry.id);
    return [{ ...finding, id: 'agent-model-chain', setting: `agents.list[${index}].model`, why: `Agent "${agent}": ${finding.why}` }];
  });
}

/**
 * One finding per listed agent that runs heartbeats (config/agents.ts `heartbeatAgentIds`) with a model
 * or heartbeat block of its own: the heartbeat check on what that agent's heartbeat runs on.
 */
function agentHeartbeats(loaded: LoadedConfig, version: ConfigVersion): RootCauseFinding[] {
  const running = new Set(heartbeatAgentIds(loaded.config, version.agents));
  return (loaded.config.agents?.list ?? []).flatMap((entry, index) => {
    const agent = normalizeAgentId(entry.id);
    if (!running.has(agent) || (entry.model === undefined && entry.heartbeat === undefined)) return [];
    const view = agentConfigView(loaded.config, entry.id, version);
    const finding = heartbeatModel(effectiveSettings(view, version.runtimeDefaults), configuredScope(view, version.modelRefs), 'config');
    return [{ ...finding, id: 'agent-heartbeat-model', setting: `agents.list[${index}].heartbeat.model`, why: `Agent "${agent}": ${finding.why}` }];
  });
}

/** The provider a configured ref runs on, resolved as the gateway resolves it; an unresolvable ref stands for itself. */
function providerIn(scope: ModelRefScope): (modelRef: string) => string {
  return (modelRef) => resolveModelRef(modelRef, scope)?.provider ?? modelRef.trim();
}

function firstFallback(settings: EffectiveSettings, scope: ModelRefScope, source: RootCauseFinding['source']): RootCauseFinding {
  const providerOf = providerIn(scope);
  const { primary, fallbacks } = settings.model;
  const first = fallbacks[0];
  const chain = [primary ?? '(none)', ...fallbacks].join(' → ');
  const base = { id: 'first-fallback-provider', setting: 'agents.defaults.model', value: chain, source } as const;
  if (primary === null || first === undefined) {
    return { ...base, status: 'risk', why: 'No fallback: one provider 429 reaches the user.' };
  }
  if (providerOf(first) === providerOf(primary)) {
    return {
      ...base,
      status: 'risk',
      why: `The first fallback, ${first}, is on the primary's provider (${providerOf(primary)}): a quota shared across the provider's models refuses both.`,
    };
  }
  const providers = new Set([primary, ...fallbacks].map(providerOf));
  return { ...base, status: 'ok', why: `The first fallback is on another provider; the chain spans ${providers.size} providers.` };
}

function heartbeatModel(settings: EffectiveSettings, scope: ModelRefScope, source: RootCauseFinding['source']): RootCauseFinding {
  const providerOf = providerIn(scope);
  const { heartbeat, model } = settings;
  const every = formatDurationMs(heartbeat.everyMs);
  const base = { id: 'heartbeat-model', setting: 'agents.defaults.heartbeat.model', source } as const;
  if (!heartbeat.enabled) return { ...base, value: 'disabled', status: 'ok', why: 'No heartbeat turns.' };
  const value = `${heartbeat.model ?? '(primary)'} every ${every}`;
  const onPrimaryProvider =
    heartbeat.model !== null && model.primary !== null && providerOf(heartbeat.model) === providerOf(model.primary);
  if (onPrimaryProvider) {
    return {
      ...base,
      value,
      status: 'risk',
      // openclaw/openclaw@2026.4.12 src/infra/heartbeat-runner.ts: a heartbeat replays the main session, and is skipped while HEARTBEAT.md has no tasks.
      why:
        `Heartbeats run on the primary's provider (${providerOf(model.primary!)}) and replay the main session's transcript, ` +
        'spending the quota user turns need (once HEARTBEAT.md has tasks; the default template skips them).',
    };
  }
  return { ...base, value, status: 'ok', why: "Heartbeats are metered against another provider's quota." };
}

/** More entries than this, each scanned on every store write, and maintenance bounds nothing a gateway needs (the fix used 15). */
const UNBOUNDED_MAX_ENTRIES = 500;

function sessionMaintenance(settings: EffectiveSettings, source: RootCauseFinding['source']): RootCauseFinding {
  const { mode, maxEntries, pruneAfterMs } = settings.maintenance;
  const value = `${mode}, maxEntries ${maxEntries}, pruneAfter ${formatDurationMs(pruneAfterMs)}`;
  const base = { id: 'session-maintenance', setting: 'session.maintenance', value, source } as const;
  if (mode === 'warn') {
    return { ...base, status: 'risk', why: 'warn mode evicts nothing: stale cron-run sessions stay in the store.' };
  }
  // Only where the cap scans the store on every write (2026.2); 2026.9 caps at a high-water mark above maxEntries.
  if (maxEntries > UNBOUNDED_MAX_ENTRIES && settings.maintenance.capTrigger === 'every-write') {
    return { ...base, status: 'risk', why: `Up to ${maxEntries} sessions are kept, and every one is scanned on every store write.` };
  }
  return { ...base, status: 'ok', why: 'Stale entries are pruned and the store is capped on every store write.' };
}

function contextPruning(settings: EffectiveSettings, source: RootCauseFinding['source']): RootCauseFinding {
  const { mode, ttlMs } = settings.contextPruning;
  const base = { id: 'context-pruning', setting: 'agents.defaults.contextPruning.mode', source } as const;
  if (mode === 'off') {
    return { ...base, value: 'off', status: 'risk', why: 'Old tool results are resent in full on every turn.' };
  }
  return {
    ...base,
    value: `cache-ttl, ttl ${formatDurationMs(ttlMs)}`,
    status: 'ok',
    // openclaw/openclaw@2026.4.12 src/agents/pi-embedded-runner/cache-ttl.ts: per-session TTL since the last model call, and only for eligible providers.
    why: 'Trims old tool results once the ttl has passed since the session last called a model (Anthropic-style and eligible Google models only).',
  };
}

function telegramSkillCommands(
  settings: EffectiveSettings,
  loaded: LoadedConfig,
  source: RootCauseFinding['source'],
): RootCauseFinding {
  const { enabled, nativeCommands, nativeSkills, maxCommands } = settings.telegram;
  const raw = loaded.config.commands?.nativeSkills;
  const value = nativeSkills ? `on${raw === 'auto' || raw === undefined ? ' (auto is on for Telegram)' : ''}` : 'off';
  const base = { id: 'telegram-skill-commands', setting: 'commands.nativeSkills', value, source } as const;
  if (!enabled || !nativeCommands) return { ...base, status: 'ok', why: 'No native command menu is registered.' };
  if (nativeSkills) {
    return {
      ...base,
      status: 'risk',
      // Golden traces test/golden/openclaw-2026.2.26/command-menu-native-skills-{on,off}.json: 43 commands with skills on, 39 off.
      why:
        `Every eligible skill joins the bot's command menu. Telegram refuses menus over ${maxCommands} commands or a text budget ` +
        `(BOT_COMMANDS_TOO_MUCH); OpenClaw trims to ${maxCommands} and retries at 80 %, so whether the menu overflows depends on the installed skills.`,
    };
  }
  return { ...base, status: 'ok', why: 'Only built-in commands are registered in the menu.' };
}

/**
 * The write-up's "user turns 256K → 170K". OpenClaw compacts a session against the model's own
 * contextWindow less the reserve, never against this cap (openclaw@2026.2.26, read and observed;
 * gateway.ts `chunkWindowOf`): it sizes summary chunks and the status %, and bounds no turn.
 */
function contextTokens(settings: EffectiveSettings, loaded: LoadedConfig, scope: ModelRefScope, source: RootCauseFinding['source']): RootCauseFinding {
  const chain = [settings.model.primary, ...settings.model.fallbacks].filter((ref): ref is string => ref !== null);
  const windows = chain.map((ref) => ({ ref, window: contextWindowOf(loaded, scope, ref) }));
  const value = settings.contextTokens === null ? "model's window" : `${settings.contextTokens.toLocaleString('en-US')} tokens`;
  const base = { id: 'context-tokens', setting: 'agents.defaults.contextTokens', value, source, status: 'note' } as const;
  const primaryWindow = windows[0]?.window;
  const smaller = primaryWindow === undefined ? [] : windows.slice(1).filter((w) => w.window !== undefined && w.window < primaryWindow);
  const bound = 'Does not bound what a turn sends: a session grows until it nears its model\'s own contextWindow (less the compaction reserve) before OpenClaw compacts it; this cap only sizes summary chunks and the status %.';
  if (smaller.length === 0) return { ...base, why: bound };
  const list = smaller.map((w) => `${w.ref} (${w.window!.toLocaleString('en-US')})`).join(', ');
  return { ...base, why: `${bound} A session grown on ${chain[0]} (${primaryWindow!.toLocaleString('en-US')}) overflows the window of ${list}: those fallbacks answer with a context-length error.` };
}

function maxConcurrent(settings: EffectiveSettings, source: RootCauseFinding['source']): RootCauseFinding {
  return {
    id: 'max-concurrent',
    setting: 'agents.defaults.maxConcurrent',
    value: String(settings.lanes.mainMaxConcurrent),
    source,
    status: 'note',
    why: 'Turns (user messages and heartbeats) running at once on the main lane.',
  };
}

function contextWindowOf(loaded: LoadedConfig, scope: ModelRefScope, modelRef: string): number | undefined {
  const ref = resolveModelRef(modelRef, scope);
  return ref === null ? undefined : configuredModel(loaded.config, modelKey(ref, scope.rules), scope.rules)?.contextWindow;
}

function formatDurationMs(ms: number): string {
  const units: Array<[number, string]> = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'm'],
    [1_000, 's'],
  ];
  for (const [size, unit] of units) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}
