/**
 * `quotastorm lint`: the static rules behind config verification, each
 * finding with the JSON path to change, a suggested fix and the layer where
 * it would show (layers.ts). This is the one definition of a static risk:
 * every root-cause setting the audit (src/config/root-causes.ts) marks `risk`
 * is a finding here, and `config report` counts these same findings, so a
 * config cannot be "all addressed" there and exit 1 here. Rules:
 *   - the first fallback is on the primary's provider (the defaults' chain, and each agent's own);
 *   - the heartbeat runs on the primary's provider (the defaults', and each heartbeat agent's own);
 *   - session maintenance evicts nothing (warn) or is unbounded;
 *   - context pruning is off;
 *   - skill commands join the Telegram menu (with the menu predicted for every bundled skill);
 *   - token budget: concurrent turns × tokens per turn, plus a heartbeat on
 *     the primary, against the primary's tokens-per-minute limit;
 *   - a model the version's registry cannot resolve (its turns fail with
 *     `Unknown model: …` before any request).
 */
import { buildCommandCatalog } from '../gateway/channels/commands-catalog.ts';
import { compactionSettings, compactionWindow, type ModelWindowEntry } from '../gateway/compaction.ts';
import type { VersionProfile } from '../gateway/profiles/profile.ts';
import { DEFAULT_MODELS, findModel, type ModelInfo, type ProviderId } from '../../mocks/providers/models.ts';
import { limitsFor, resolvePolicy } from '../../mocks/providers/policy.ts';
import { effectiveSettings, type EffectiveSettings } from '../config/effective.ts';
import type { LoadedConfig } from '../config/load.ts';
import { unknownChainModels } from '../config/catalog/model-registry.ts';
import { auditRootCauses, type RootCauseFinding } from '../config/root-causes.ts';
import type { Layer } from './layers.ts';
import { configuredProvider, configuredScope, resolveModelRef, resolvePrimaryModelRef } from '../config/model-ref.ts';

export type LintFinding = {
  readonly rule: string;
  readonly path: string;
  readonly message: string;
  readonly fix: string;
  /** Where the risk would show: users see errors, the gateway absorbs or keeps, the providers see over-limit traffic. */
  readonly layer: Layer;
  /** The config report's row it belongs to: a root-cause setting, or the path itself for a risk beyond them. */
  readonly setting: string;
};

const TELEGRAM_MAX_COMMANDS = 100;

/** The config report's row for the token budget: several settings make it, none alone. */
const TOKEN_BUDGET_SETTING = 'token budget';

export function lintConfig(loaded: LoadedConfig, profile: VersionProfile): LintFinding[] {
  const settings = effectiveSettings(loaded.config, profile.runtimeDefaults);
  const audit = auditRootCauses(loaded, profile).filter((finding) => finding.status === 'risk');
  const risks = new Map(audit.map((finding) => [finding.id, finding]));
  const findings: LintFinding[] = [];
  const first = risks.get('first-fallback-provider');
  if (first !== undefined) {
    findings.push({
      rule: 'first-fallback-same-provider',
      path: 'agents.defaults.model.fallbacks[0]',
      message: first.why,
      fix: 'put a model of another provider first in agents.defaults.model.fallbacks',
      layer: 'gateway',
      setting: first.setting,
    });
  }
  // One per agent whose own chain has the same risk; the finding's setting is its `agents.list[i].model`.
  for (const agent of audit.filter((finding) => finding.id === 'agent-model-chain')) {
    findings.push({
      rule: 'agent-first-fallback-same-provider',
      path: `${agent.setting}.fallbacks[0]`,
      message: agent.why,
      fix: `give this agent a first fallback on another provider in ${agent.setting}.fallbacks`,
      layer: 'gateway',
      setting: agent.setting,
    });
  }
  const heartbeat = risks.get('heartbeat-model');
  if (heartbeat !== undefined) {
    findings.push({
      rule: 'heartbeat-on-primary-provider',
      path: 'agents.defaults.heartbeat.model',
      message: heartbeat.why,
      fix: 'set agents.defaults.heartbeat.model to a model of another provider (or isolatedSession + lightContext)',
      layer: 'providers',
      setting: heartbeat.setting,
    });
  }
  for (const agent of audit.filter((finding) => finding.id === 'agent-heartbeat-model')) {
    findings.push({
      rule: 'agent-heartbeat-on-primary-provider',
      path: agent.setting,
      message: agent.why,
      fix: `set ${agent.setting} to a model of another provider than this agent's primary`,
      layer: 'providers',
      setting: agent.setting,
    });
  }
  findings.push(...maintenanceFindings(settings, risks.get('session-maintenance')));
  const pruning = risks.get('context-pruning');
  if (pruning !== undefined) {
    findings.push({
      rule: 'context-pruning-off',
      path: pruning.setting,
      message: pruning.why,
      fix: 'set agents.defaults.contextPruning to { mode: "cache-ttl", ttl: "5m" }',
      layer: 'providers',
      setting: pruning.setting,
    });
  }
  findings.push(...menuFindings(settings, profile, risks.get('telegram-skill-commands')));
  findings.push(...budgetFindings(loaded, settings, profile));
  findings.push(...unknownModelFindings(loaded, profile));
  return findings;
}

function unknownModelFindings(loaded: LoadedConfig, profile: VersionProfile): LintFinding[] {
  return unknownChainModels(loaded.config, { rules: profile.modelRegistry, catalog: profile.catalog, modelRefs: profile.modelRefs }).map(({ path, modelRef, error }) => ({
    rule: 'unknown-model',
    path,
    message: `OpenClaw ${profile.release} cannot resolve ${modelRef}: neither its built-in catalog nor models.providers has it, so the candidate fails before any request ("${error}").`,
    fix: 'write the model as provider/model with a provider and id the version knows, or declare it under models.providers.<provider>.models',
    // Its turns fail before any request: the user gets the error text.
    layer: 'users' as const,
    setting: path,
  }));
}

/** The audit's maintenance risk (warn mode, or a cap scanned on every write over 500 entries), with the key to change. */
function maintenanceFindings(settings: EffectiveSettings, risk: RootCauseFinding | undefined): LintFinding[] {
  if (risk === undefined) return [];
  const { mode, maxEntries } = settings.maintenance;
  if (mode === 'warn') {
    return [{
      rule: 'maintenance-off',
      path: 'session.maintenance.mode',
      message: `session maintenance is "warn": it evicts nothing, so stale sessions stay (cap ${maxEntries}).`,
      fix: 'set session.maintenance to { mode: "enforce", maxEntries: 15, pruneAfter: "6h" } or similar',
      layer: 'gateway',
      setting: risk.setting,
    }];
  }
  return [{
    rule: 'maintenance-unbounded',
    path: 'session.maintenance.maxEntries',
    message: `session maintenance keeps up to ${maxEntries} sessions: every one of them is scanned on every store write.`,
    fix: 'set session.maintenance.maxEntries to what the gateway really needs (the fix used 15)',
    layer: 'gateway',
    setting: risk.setting,
  }];
}

/**
 * Skill commands in the Telegram menu, a risk when the audit says so (skills join the menu): the
 * message adds the menu predicted with every skill the version bundles eligible (the worst case),
 * since whether Telegram refuses it depends on the skills a host has.
 */
function menuFindings(settings: EffectiveSettings, profile: VersionProfile, risk: RootCauseFinding | undefined): LintFinding[] {
  const { telegram } = settings;
  if (risk === undefined || !telegram.enabled || !telegram.nativeCommands) return [];
  const catalog = buildCommandCatalog({
    catalog: profile.commands,
    nativeCommands: telegram.nativeCommands,
    nativeSkills: telegram.nativeSkills,
    skills: profile.bundledSkills,
    customCommands: [],
  });
  const count = catalog.commands.length;
  const chars = catalog.commands.reduce((sum, command) => sum + command.command.length + command.description.length, 0);
  const overCount = count > TELEGRAM_MAX_COMMANDS;
  const overBudget = telegram.commandTextBudgetChars === null && chars > 5_700;
  const predicted = overCount || overBudget
    ? `with every bundled skill eligible the Telegram menu would hold ${count} commands (${chars} characters); ` +
      `Telegram refuses menus over ${TELEGRAM_MAX_COMMANDS} commands or too much text with BOT_COMMANDS_TOO_MUCH.`
    : `with every bundled skill eligible the menu would hold ${count} commands (${chars} characters), which ${profile.release} fits; a host with more skills can still overflow it.`;
  return [{
    rule: 'telegram-menu-too-big',
    path: 'commands.nativeSkills',
    message: `${risk.why} Predicted: ${predicted}`,
    fix: 'set commands.nativeSkills to false (skills stay reachable through /skill)',
    layer: 'gateway',
    setting: risk.setting,
  }];
}

/**
 * Worst minute: every main-lane slot sends a full context, plus a heartbeat on the primary. A full
 * context is what a session reaches before OpenClaw compacts it: the primary's own contextWindow
 * less the compaction reserve. pi checks that window, never `agents.defaults.contextTokens`
 * (read in openclaw@2026.2.26 and observed; gateway.ts `chunkWindowOf`), so the cap bounds nothing here.
 */
function budgetFindings(loaded: LoadedConfig, settings: EffectiveSettings, profile: VersionProfile): LintFinding[] {
  const primary = settings.model.primary;
  if (primary === null) return [];
  const rules = profile.modelRefs;
  const { provider, model: modelId } = resolvePrimaryModelRef(loaded.config, rules);
  const known = knownPrimary(loaded, profile);
  if (known === undefined) return [];
  const { mockProvider, model } = known;
  const tokensPerMinute = limitsFor(resolvePolicy(mockProvider, {}), { provider: mockProvider, model }).tokensPerMinute;
  if (tokensPerMinute === undefined) return [];
  const configured = configuredProvider(loaded.config, provider, rules)?.models ?? [];
  const index = configured.findIndex((entry) => entry.id === modelId);
  const window = compactionWindow(configured[index], model.contextWindowTokens, profile.compaction);
  const perModelCap = profile.compaction.thresholdWindow === 'model-capped-per-model';
  const reserveTokens = compactionSettings(loaded.config, profile.compaction).reserveTokens;
  const perTurn = Math.max(0, window - reserveTokens);
  const turns = settings.lanes.mainMaxConcurrent * perTurn;
  const heartbeatOnPrimary = settings.heartbeat.enabled && settings.heartbeat.model !== null && resolveModelRef(settings.heartbeat.model, configuredScope(loaded.config, rules))?.provider === provider;
  const total = turns + (heartbeatOnPrimary ? perTurn : 0);
  if (total <= tokensPerMinute) return [];
  const slots = settings.lanes.mainMaxConcurrent + (heartbeatOnPrimary ? 1 : 0);
  return [{
    rule: 'token-budget',
    path: index >= 0 ? windowPath(configured[index]!, `models.providers.${provider}.models[${index}]`, profile) : 'agents.defaults.compaction.reserveTokens',
    message:
      `${settings.lanes.mainMaxConcurrent} concurrent turns × ${perTurn.toLocaleString('en-US')} tokens` +
      `${heartbeatOnPrimary ? ` + a ${perTurn.toLocaleString('en-US')}-token heartbeat` : ''} = ${total.toLocaleString('en-US')} tokens in a minute, ` +
      `over ${primary}'s ${tokensPerMinute.toLocaleString('en-US')} TPM (published Tier 1; retries of a refused turn resend it). ` +
      `${perTurn.toLocaleString('en-US')} is the size a session reaches before OpenClaw compacts it: the model's ${perModelCap ? 'window' : 'contextWindow'} ` +
      `${window.toLocaleString('en-US')} less the ${reserveTokens.toLocaleString('en-US')}-token reserve; agents.defaults.contextTokens does not lower it. ` +
      'The provider refuses the overrun with 429s; the gateway retries and fails over, so users see slower replies, and errors once the chain is spent.',
    fix: budgetFix(primary, Math.floor(tokensPerMinute / slots / 1000) * 1000 + reserveTokens, perModelCap),
    // The gateway retries and fails over, so users may see only slow replies; the provider sees the overrun.
    layer: 'providers',
    setting: TOKEN_BUDGET_SETTING,
  }];
}

/**
 * What lint could not judge, one sentence each, for the user to read beside the findings (they do
 * not change the exit code): a primary on a provider or model without published limits in the
 * mocks' tables has no token budget to check against.
 */
export function lintNotes(loaded: LoadedConfig, profile: VersionProfile): string[] {
  const primary = effectiveSettings(loaded.config, profile.runtimeDefaults).model.primary;
  if (primary === null || knownPrimary(loaded, profile) !== undefined) return [];
  return [
    `token budget not judged: the primary ${primary.length > 100 ? `${primary.slice(0, 97)}...` : primary} is not a model quotastorm has published limits for ` +
      `(known providers: ${Object.keys(DEFAULT_MODELS).map((provider) => (provider === 'gemini' ? 'google' : provider)).join(', ')}).`,
  ];
}

/** The primary as the mocks know it, or undefined for a provider or model they do not serve. */
function knownPrimary(loaded: LoadedConfig, profile: VersionProfile): { mockProvider: ProviderId; model: ModelInfo } | undefined {
  const { provider, model: modelId } = resolvePrimaryModelRef(loaded.config, profile.modelRefs);
  const mockProvider = provider === 'google' ? 'gemini' : provider;
  if (!Object.hasOwn(DEFAULT_MODELS, mockProvider)) return undefined;
  const model = findModel(DEFAULT_MODELS, mockProvider as ProviderId, modelId);
  return model === undefined ? undefined : { mockProvider: mockProvider as ProviderId, model };
}

/** The key that sets that window: the entry's contextTokens where 2026.9 reads one, else its contextWindow. */
function windowPath(entry: ModelWindowEntry, base: string, profile: VersionProfile): string {
  if (profile.compaction.thresholdWindow === 'model-capped-per-model' && entry.contextTokens !== undefined) return `${base}.contextTokens`;
  return entry.contextWindow !== undefined ? `${base}.contextWindow` : 'agents.defaults.compaction.reserveTokens';
}

function budgetFix(primary: string, windowTokens: number, perModelCap: boolean): string {
  const to = `(to ${windowTokens.toLocaleString('en-US')} or less)`;
  return perModelCap
    ? `set contextTokens on ${primary}'s entry in models.providers ${to}, lower agents.defaults.maxConcurrent, or move the heartbeat`
    : `lower ${primary}'s contextWindow in models.providers ${to} or raise agents.defaults.compaction.reserveTokens, lower agents.defaults.maxConcurrent, or move the heartbeat`;
}
