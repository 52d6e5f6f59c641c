/**
 * Every command a pinned OpenClaw offers Telegram's menu, before any cap:
 * its built-in native commands, one command per eligible skill, plugin
 * commands and `channels.telegram.customCommands`, in the version's order
 * (reference/openclaw.md §5). The caps and the sync live in command-menu.ts.
 *
 * Names and descriptions are OpenClaw's own, read in the pinned versions'
 * shipped code (`commands-registry` data, plugin `registerCommand` calls),
 * because the menu's text size decides whether Telegram answers
 * BOT_COMMANDS_TOO_MUCH. Both lists match the menus in the golden traces
 * (test/golden/openclaw-<version>/), names and order.
 */
import type { GatewayProfile } from '../../config/runtime-defaults.ts';

export type CommandKind = 'builtin' | 'skill' | 'plugin' | 'custom' | 'alias';

/** A menu entry as Telegram takes it, plus where it came from (2026.9 treats skills and aliases apart). */
export type MenuCommand = { readonly command: string; readonly description: string; readonly kind: CommandKind };

/** An eligible skill on the simulated host: its SKILL.md `name` and `description`. */
export type SkillSpec = { readonly name: string; readonly description: string };

export type CustomCommandEntry = { readonly command?: unknown; readonly description?: unknown };

/** Telegram's rule for command names (core.telegram.org/bots/api#botcommand); OpenClaw's TELEGRAM_COMMAND_NAME_PATTERN. */
export const COMMAND_NAME_PATTERN = /^[a-z0-9_]{1,32}$/;

const SKILL_NAME_MAX_CHARS = 32; // SKILL_COMMAND_MAX_LENGTH [src]
const SKILL_DESCRIPTION_MAX_CHARS = 100; // SKILL_COMMAND_DESCRIPTION_MAX_LENGTH [src]

type Spec = readonly [name: string, description: string];

const dock = (id: string): Spec => [`dock_${id}`, `Switch to ${id} for replies.`];

/**
 * openclaw@2026.2.26 `buildChatCommands()`, native-scope entries enabled by default
 * (`config` and `debug` need `commands.config`/`commands.debug`), then the three
 * channel docks with native commands.
 */
const BUILTINS_2026_2: readonly Spec[] = [
  ['help', 'Show available commands.'],
  ['commands', 'List all slash commands.'],
  ['skill', 'Run a skill by name.'],
  ['status', 'Show current status.'],
  ['approve', 'Approve or deny exec requests.'],
  ['context', 'Explain how context is built and used.'],
  ['export_session', 'Export current session to HTML file with full system prompt.'],
  ['tts', 'Control text-to-speech (TTS).'],
  ['whoami', 'Show your sender id.'],
  ['session', 'Manage session-level settings (for example /session ttl).'],
  ['subagents', 'List, kill, log, spawn, or steer subagent runs for this session.'],
  ['acp', 'Manage ACP sessions and runtime options.'],
  ['focus', 'Bind this Discord thread (or a new one) to a session target.'],
  ['unfocus', 'Remove the current Discord thread binding.'],
  ['agents', 'List thread-bound agents for this session.'],
  ['kill', 'Kill a running subagent (or all).'],
  ['steer', 'Send guidance to a running subagent.'],
  ['usage', 'Usage footer or cost summary.'],
  ['stop', 'Stop the current run.'],
  ['restart', 'Restart OpenClaw.'],
  ['activation', 'Set group activation mode.'],
  ['send', 'Set send policy.'],
  ['reset', 'Reset the current session.'],
  ['new', 'Start a new session.'],
  ['compact', 'Compact the session context.'],
  ['think', 'Set thinking level.'],
  ['verbose', 'Toggle verbose mode.'],
  ['reasoning', 'Toggle reasoning visibility.'],
  ['elevated', 'Toggle elevated mode.'],
  ['exec', 'Set exec defaults for this session.'],
  ['model', 'Show or set the model.'],
  ['models', 'List model providers or provider models.'],
  ['queue', 'Adjust queue settings.'],
  dock('telegram'),
  dock('discord'),
  dock('slack'),
];

/**
 * openclaw@2026.9.6 `buildBuiltinChatCommands()`, native-scope entries for Telegram enabled by
 * default (`config`, `mcp`, `plugins`, `debug` need their `commands.*` flag; no channel docks).
 * `side` is /btw's native alias, which 2026.9 lists after everything else.
 */
const BUILTINS_2026_9: readonly Spec[] = [
  ['help', 'Show available commands.'],
  ['commands', 'List all slash commands.'],
  ['tools', 'List available runtime tools.'],
  ['skill', 'Run a skill by name.'],
  ['dashboard', "Create or update this session's dashboard."],
  ['learn', 'Draft a reusable skill from recent work or named sources.'],
  ['loop', 'Loop a prompt: /loop [interval] <prompt> | /loop status | /loop stop [name]'],
  ['status', 'Show current status.'],
  ['goal', 'Show or control the current goal.'],
  ['diagnostics', 'Explain Gateway diagnostics and Codex feedback upload options.'],
  ['login', 'Connect a model provider.'],
  ['tasks', 'List background tasks for this session.'],
  ['approve', 'Approve or deny exec requests.'],
  ['context', 'Explain how context is built and used.'],
  ['btw', 'Ask a side question without changing future session context.'],
  ['export_session', 'Export current session to an owner-only HTML file in the workspace.'],
  ['export_trajectory', 'Export a JSONL trajectory bundle for the active session.'],
  ['tts', 'Control text-to-speech (TTS).'],
  ['whoami', 'Show your sender id.'],
  ['session', 'Manage conversation bindings and session lifecycle settings.'],
  ['subagents', 'Inspect subagent runs for this session.'],
  ['acp', 'Manage ACP sessions and runtime options.'],
  ['agents', 'List thread-bound agents for this session.'],
  ['steer', 'Send guidance to the active run in this session.'],
  ['usage', 'Usage footer or cost summary.'],
  ['stop', 'Stop the current run.'],
  ['restart', 'Restart OpenClaw.'],
  ['update', 'Update OpenClaw and restart.'],
  ['activation', 'Set group activation mode.'],
  ['send', 'Set send policy.'],
  ['reset', 'Reset the current session.'],
  ['new', 'Start a new session.'],
  ['name', 'Name or rename the current session.'],
  ['compact', 'Compact the session context.'],
  ['think', 'Set thinking level.'],
  ['verbose', 'Toggle verbose mode.'],
  ['trace', 'Toggle plugin trace lines.'],
  ['fast', 'Toggle fast mode.'],
  ['reasoning', 'Toggle reasoning visibility.'],
  ['elevated', 'Toggle elevated mode.'],
  ['exec', 'Set exec defaults for this session.'],
  ['model', 'Show or set the model; use -s, -a, or -g to choose scope.'],
  ['models', 'List model providers/models.'],
  ['queue', 'Adjust queue settings.'],
];

const ALIASES_2026_9: readonly Spec[] = [['side', 'Ask a side question without changing future session context.']];

/** Native commands off by default (their `commands.*` flag): not in the menu, but their names stay reserved. */
const FLAGGED_OFF: Readonly<Record<GatewayProfile, readonly string[]>> = {
  '2026.2': ['config', 'debug'],
  '2026.9': ['config', 'mcp', 'plugins', 'debug'],
};

/**
 * Plugin commands of the plugins enabled by default, as the recorded menus show them.
 * 2026.2.26 [obs, golden]: device-pair, phone-control, talk-voice. 2026.9.6 [golden]: memory-core's
 * /dreaming, device-pair, talk-voice; the Telegram mini-app's /dashboard collides with the built-in
 * and is logged and dropped ("Plugin command "/dashboard" conflicts with an existing Telegram command.").
 */
const PLUGINS: Readonly<Record<GatewayProfile, readonly Spec[]>> = {
  '2026.2': [
    ['pair', 'Generate setup codes and approve device pairing requests.'],
    ['phone', 'Arm/disarm high-risk phone node commands (camera/screen/writes).'],
    ['voice', 'List/set ElevenLabs Talk voice (affects iOS Talk playback).'],
  ],
  '2026.9': [
    ['dashboard', 'Open the OpenClaw dashboard'],
    ['dreaming', 'Enable or disable memory dreaming.'],
    ['pair', 'Generate setup codes and approve device pairing requests.'],
    ['voice', 'List/set Talk provider voices (affects iOS Talk playback).'],
  ],
};

/** The bundled skills eligible on the observed host, in load order (openclaw-2026-2-run.md §6; SKILL.md texts of 2026.2.26). */
export const DEFAULT_ELIGIBLE_SKILLS: readonly SkillSpec[] = [
  {
    name: 'coding-agent',
    description:
      'Delegate coding tasks to Codex, Claude Code, or Pi agents via background process. Use when: (1) building/creating new features or apps, (2) reviewing PRs (spawn in temp dir), (3) refactoring large codebases, (4) iterative coding that needs file exploration.',
  },
  {
    name: 'healthcheck',
    description:
      'Host security hardening and risk-tolerance configuration for OpenClaw deployments. Use when a user asks for security audits, firewall/SSH/update hardening, risk posture, exposure review, OpenClaw cron scheduling for periodic checks, or version status checks on a machine running OpenClaw (laptop, workstation, Pi, VPS).',
  },
  {
    name: 'skill-creator',
    description: 'Create or update AgentSkills. Use when designing, structuring, or packaging skills with scripts, references, and assets.',
  },
  { name: 'tmux', description: 'Remote-control tmux sessions for interactive CLIs by sending keystrokes and scraping pane output.' },
  {
    name: 'weather',
    description:
      'Get current weather and forecasts via wttr.in or Open-Meteo. Use when: user asks about weather, temperature, or forecasts for any location. NOT for: historical weather data, severe weather alerts, or detailed meteorological analysis. No API key needed.',
  },
];

export type CatalogInput = {
  readonly profile: GatewayProfile;
  readonly nativeCommands: boolean;
  readonly nativeSkills: boolean;
  readonly skills: readonly SkillSpec[];
  readonly customCommands: readonly CustomCommandEntry[];
};

/** The full menu before caps, in the profile's order, and the config problems OpenClaw logs as errors. */
export function buildCommandCatalog(input: CatalogInput): { commands: MenuCommand[]; issues: string[] } {
  const builtins = input.nativeCommands ? specs(builtinSpecs(input.profile), 'builtin') : [];
  const aliasSpecs = input.profile === '2026.9' ? ALIASES_2026_9 : [];
  const reserved = new Set([...[...builtinSpecs(input.profile), ...aliasSpecs].map(([name]) => name), ...FLAGGED_OFF[input.profile]]);
  const skills = input.nativeCommands && input.nativeSkills ? skillCommands(input.skills, reserved) : [];
  for (const skill of skills) reserved.add(skill.command);
  const custom = customCommands(input.customCommands, reserved);
  const existing = new Set([...reserved, ...custom.commands.map((command) => command.command)]);
  const plugins = input.nativeCommands ? pluginCommands(PLUGINS[input.profile], existing, input.profile) : { commands: [], issues: [] };
  const aliases = input.nativeCommands ? specs(aliasSpecs, 'alias') : [];
  const issues = [...custom.issues, ...plugins.issues];
  if (input.profile === '2026.2') return { commands: [...builtins, ...skills, ...plugins.commands, ...custom.commands], issues };
  return { commands: [...custom.commands, ...builtins, ...skills, ...plugins.commands, ...aliases], issues };
}

/** OpenClaw's normalizeTelegramCommandName: trim, drop a leading "/", lowercase, "-" → "_". */
export function normalizeCommandName(raw: string): string {
  const trimmed = raw.trim();
  return (trimmed.startsWith('/') ? trimmed.slice(1) : trimmed).trim().toLowerCase().replace(/-/g, '_');
}

/**
 * One command per skill (buildWorkspaceSkillCommandSpecs): the name sanitized to a-z0-9_ and 32
 * characters, made unique against built-ins and earlier skills with `_2`, `_3`…; the description
 * cut to 100 characters with "…".
 */
export function skillCommands(skills: readonly SkillSpec[], reserved: ReadonlySet<string>): MenuCommand[] {
  const used = new Set(reserved);
  return skills.map((skill) => {
    const command = uniqueName(sanitizeSkillName(skill.name), used);
    used.add(command);
    const raw = skill.description.trim() || skill.name;
    const description = raw.length > SKILL_DESCRIPTION_MAX_CHARS ? `${raw.slice(0, SKILL_DESCRIPTION_MAX_CHARS - 1)}…` : raw;
    return { command, description, kind: 'skill' };
  });
}

/** `channels.telegram.customCommands` as resolveTelegramCustomCommands takes them, with its issue texts. */
export function customCommands(entries: readonly CustomCommandEntry[], reserved: ReadonlySet<string>): { commands: MenuCommand[]; issues: string[] } {
  const commands: MenuCommand[] = [];
  const issues: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const command = normalizeCommandName(String(entry.command ?? ''));
    const description = String(entry.description ?? '').trim();
    if (command === '') issues.push('Telegram custom command is missing a command name.');
    else if (!COMMAND_NAME_PATTERN.test(command)) issues.push(`Telegram custom command "/${command}" is invalid (use a-z, 0-9, underscore; max 32 chars).`);
    else if (reserved.has(command)) issues.push(`Telegram custom command "/${command}" conflicts with a native command.`);
    else if (seen.has(command)) issues.push(`Telegram custom command "/${command}" is duplicated.`);
    else if (description === '') issues.push(`Telegram custom command "/${command}" is missing a description.`);
    else {
      seen.add(command);
      commands.push({ command, description, kind: 'custom' });
    }
  }
  return { commands, issues };
}

function pluginCommands(plugins: readonly Spec[], existing: Set<string>, profile: GatewayProfile): { commands: MenuCommand[]; issues: string[] } {
  const commands: MenuCommand[] = [];
  const issues: string[] = [];
  // 2026.9.6 sorts plugin commands by name; 2026.2.26 keeps registration order [src].
  const ordered = profile === '2026.9' ? [...plugins].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : plugins;
  for (const [name, description] of ordered) {
    const command = normalizeCommandName(name);
    if (existing.has(command)) {
      issues.push(`Plugin command "/${command}" conflicts with an existing Telegram command.`);
      continue;
    }
    existing.add(command);
    commands.push({ command, description, kind: 'plugin' });
  }
  return { commands, issues };
}

function builtinSpecs(profile: GatewayProfile): readonly Spec[] {
  return profile === '2026.2' ? BUILTINS_2026_2 : BUILTINS_2026_9;
}

function specs(list: readonly Spec[], kind: CommandKind): MenuCommand[] {
  return list.map(([command, description]) => ({ command, description, kind }));
}

function sanitizeSkillName(raw: string): string {
  const name = raw.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/_+/g, '_').replace(/^_+|_+$/g, '');
  return name.slice(0, SKILL_NAME_MAX_CHARS) || 'skill';
}

function uniqueName(base: string, used: ReadonlySet<string>): string {
  if (!used.has(base)) return base;
  for (let index = 2; index < 1_000; index++) {
    const suffix = `_${index}`;
    const candidate = `${base.slice(0, Math.max(1, SKILL_NAME_MAX_CHARS - suffix.length))}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
  return `${base.slice(0, SKILL_NAME_MAX_CHARS - 2)}_x`;
}
