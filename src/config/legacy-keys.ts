/**
 * Config keys from older OpenClaw layouts (`agent`, top-level `telegram`,
 * `routing.*`, …): openclaw@2026.2.26's LEGACY_CONFIG_RULES
 * (src/config/legacy.rules.ts, dist/auth-profiles-6WJHPoy1.js
 * `findLegacyConfigIssues`), the rules whose path alone decides. Neither pinned
 * gateway runs such a config: 2026.2.26's CLI config guard refuses it before
 * the gateway starts (`ensureConfigReady`, dist/config-guard-B1E1VZjw.js) and
 * 2026.9.6's schema no longer knows the keys (`Unrecognized key`).
 */
import { UserError } from '../errors.ts';

export type LegacyKeyIssue = { readonly path: string; readonly message: string };

type LegacyRule = { readonly path: readonly string[]; readonly message: string; readonly match?: (value: unknown) => boolean };

const LEGACY_CONFIG_RULES: readonly LegacyRule[] = [
  ...['whatsapp', 'telegram', 'discord', 'slack', 'signal', 'imessage', 'msteams'].map((channel) => ({
    path: [channel],
    message: `${channel} config moved to channels.${channel} (auto-migrated on load).`,
  })),
  { path: ['routing', 'allowFrom'], message: 'routing.allowFrom was removed; use channels.whatsapp.allowFrom instead (auto-migrated on load).' },
  { path: ['routing', 'bindings'], message: 'routing.bindings was moved; use top-level bindings instead (auto-migrated on load).' },
  { path: ['routing', 'agents'], message: 'routing.agents was moved; use agents.list instead (auto-migrated on load).' },
  { path: ['routing', 'defaultAgentId'], message: 'routing.defaultAgentId was moved; use agents.list[].default instead (auto-migrated on load).' },
  { path: ['routing', 'agentToAgent'], message: 'routing.agentToAgent was moved; use tools.agentToAgent instead (auto-migrated on load).' },
  { path: ['routing', 'queue'], message: 'routing.queue was moved; use messages.queue instead (auto-migrated on load).' },
  { path: ['routing', 'transcribeAudio'], message: 'routing.transcribeAudio was moved; use tools.media.audio.models instead (auto-migrated on load).' },
  { path: ['identity'], message: 'identity was moved; use agents.list[].identity instead (auto-migrated on load).' },
  { path: ['agent'], message: 'agent.* was moved; use agents.defaults (and tools.* for tool/elevated/exec settings) instead (auto-migrated on load).' },
  { path: ['memorySearch'], message: 'top-level memorySearch was moved; use agents.defaults.memorySearch instead (auto-migrated on load).' },
  { path: ['tools', 'bash'], message: 'tools.bash was removed; use tools.exec instead (auto-migrated on load).' },
  {
    path: ['agent', 'model'],
    message: 'agent.model string was replaced by agents.defaults.model.primary/fallbacks and agents.defaults.models (auto-migrated on load).',
    match: (value) => typeof value === 'string',
  },
  { path: ['agent', 'modelFallbacks'], message: 'agent.modelFallbacks was replaced by agents.defaults.model.fallbacks (auto-migrated on load).' },
  { path: ['gateway', 'token'], message: 'gateway.token is ignored; use gateway.auth.token instead (auto-migrated on load).' },
];

/** findLegacyConfigIssues: each rule whose path is set (and matches), in the rules' order. */
export function findLegacyConfigIssues(raw: unknown): LegacyKeyIssue[] {
  return LEGACY_CONFIG_RULES.flatMap((rule) => {
    let cursor: unknown = raw;
    for (const key of rule.path) cursor = cursor !== null && typeof cursor === 'object' ? (cursor as Record<string, unknown>)[key] : undefined;
    return cursor !== undefined && (rule.match === undefined || rule.match(cursor)) ? [{ path: rule.path.join('.'), message: rule.message }] : [];
  });
}

/** What a version prints when it refuses a config with legacy keys, for the config at `file`. */
export type LegacyRefusal = (file: string, issues: readonly LegacyKeyIssue[]) => string;

/**
 * The bad-input error for a config the version refuses to start with, or undefined when it has no
 * legacy keys: one paragraph, OpenClaw's own refusal quoted on one line.
 */
export function legacyKeysError(
  loaded: { readonly file: string; readonly raw: unknown },
  version: { readonly release: string; readonly legacyConfigRefusal: LegacyRefusal },
): UserError | undefined {
  const issues = findLegacyConfigIssues(loaded.raw);
  if (issues.length === 0) return undefined;
  const refusal = version.legacyConfigRefusal(loaded.file, issues).split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return new UserError(
    `Config ${loaded.file} uses keys of an older OpenClaw layout (${issues.map((issue) => issue.path).join(', ')}), and OpenClaw ${version.release} ` +
      `refuses to start with it: "${refusal.join(' / ')}". Move the keys where the messages say (\`openclaw doctor --fix\` does it) and run again.`,
  );
}

/** 2026.2.26 `ensureConfigReady`: the snapshot is invalid with the legacy issues as its problems; `gateway run` exits 1. */
export const LEGACY_REFUSAL_2026_2: LegacyRefusal = (file, issues) => {
  const lines = issues.map((issue) => `  - ${issue.path}: ${issue.message}`);
  return ['Config invalid', `File: ${file}`, 'Problem:', ...lines, 'Legacy config keys detected:', ...lines, '', 'Run: openclaw doctor --fix'].join('\n');
};

/**
 * 2026.9.6: the root schema is strict, so the keys fail validation and the gateway does not start
 * (`assertValidGatewayStartupConfigSnapshot`, dist/server-startup-config-D-miQBV3.mjs; observed with
 * `openclaw gateway run` on a config with a top-level `agent`).
 */
export const LEGACY_REFUSAL_2026_9: LegacyRefusal = (file, issues) => {
  // The strict root schema names the top-level key of each legacy path (`routing` for `routing.queue`).
  const keys = [...new Set(issues.map((issue) => `"${issue.path.split('.')[0]}"`))];
  const problem = keys.length === 1 ? `Unrecognized key: ${keys[0]}` : `Unrecognized keys: ${keys.join(', ')}`;
  return [
    `Gateway failed to start: Invalid config at ${file}:`,
    `<root>: ${problem}`,
    'Run "openclaw doctor --fix" to repair, then retry.',
    'If startup is still blocked, inspect the adjacent .bak backup before restoring it manually.',
  ].join('\n');
};
