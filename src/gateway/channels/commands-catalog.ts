/**
 * Every command a pinned OpenClaw offers Telegram's menu, before any cap:
 * its built-in native commands, one command per eligible skill, plugin
 * commands and `channels.telegram.customCommands`, in the version's order
 * (`extensions/telegram/src/bot-native-commands.ts`). The caps and the sync live in command-menu.ts.
 *
 * Names and descriptions are OpenClaw's own, read in the pinned versions'
 * shipped code (`commands-registry` data, plugin `registerCommand` calls),
 * because the menu's text size decides whether Telegram answers
 * BOT_COMMANDS_TOO_MUCH. Both lists match the menus in the golden traces
 * (test/golden/openclaw-<version>/), names and order. Each version's own
 * commands are the `commands` field of its profile (src/gateway/profiles/).
 */
type CommandKind = 'builtin' | 'skill' | 'plugin' | 'custom' | 'alias';

/** A menu entry as Telegram takes it, plus where it came from (2026.9 treats skills and aliases apart). */
export type MenuCommand = { readonly command: string; readonly description: string; readonly kind: CommandKind };

/** An eligible skill on the simulated host: its SKILL.md `name` and `description`. */
export type SkillSpec = { readonly name: string; readonly description: string };

export type CustomCommandEntry = { readonly command?: unknown; readonly description?: unknown };

/** Telegram's rule for command names (core.telegram.org/bots/api#botcommand); OpenClaw's TELEGRAM_COMMAND_NAME_PATTERN. */
const COMMAND_NAME_PATTERN = /^[a-z0-9_]{1,32}$/;

// SKILL_COMMAND_MAX_LENGTH and SKILL_COMMAND_DESCRIPTION_MAX_LENGTH, read in the pinned versions' dist.
const SKILL_NAME_MAX_CHARS = 32;
const SKILL_DESCRIPTION_MAX_CHARS = 100;

/** A native command as the version registers it: name and menu description. */
export type CommandSpec = readonly [name: string, description: string];

/** The version's own commands and the order its menu lists them in (a field of its profile). */
export type CommandCatalogSpec = {
  /** Native-scope built-ins enabled by default, in registration order. */
  readonly builtins: readonly CommandSpec[];
  /** Native aliases, listed after everything else. */
  readonly aliases: readonly CommandSpec[];
  /** Native commands off by default (their `commands.*` flag): not in the menu, but their names stay reserved. */
  readonly flaggedOff: readonly string[];
  /** Commands of the plugins enabled by default. */
  readonly plugins: readonly CommandSpec[];
  /** Plugin commands in registration order, or sorted by name. */
  readonly pluginOrder: 'registration' | 'by-name';
  /** Where `channels.telegram.customCommands` go: after the version's own commands, or before them. */
  readonly customCommands: 'last' | 'first';
  /** What Discord's slash-command list holds besides built-ins and skills (discord-commands.ts). */
  readonly discord: { readonly aliases: boolean; readonly plugins: boolean };
};

/**
 * The bundled skills eligible on the host openclaw@2026.2.26 was first observed on, in load order (its menu
 * had these five skill commands). Descriptions are the SKILL.md texts of 2026.2.26.
 */
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
  readonly catalog: CommandCatalogSpec;
  readonly nativeCommands: boolean;
  readonly nativeSkills: boolean;
  readonly skills: readonly SkillSpec[];
  readonly customCommands: readonly CustomCommandEntry[];
};

/** The full menu before caps, in the version's order, and the config problems OpenClaw logs as errors. */
export function buildCommandCatalog(input: CatalogInput): { commands: MenuCommand[]; issues: string[] } {
  const { catalog } = input;
  const builtins = input.nativeCommands ? specs(catalog.builtins, 'builtin') : [];
  const reserved = new Set([...[...catalog.builtins, ...catalog.aliases].map(([name]) => name), ...catalog.flaggedOff]);
  const skills = input.nativeCommands && input.nativeSkills ? skillCommands(input.skills, reserved) : [];
  for (const skill of skills) reserved.add(skill.command);
  const custom = customCommands(input.customCommands, reserved);
  const existing = new Set([...reserved, ...custom.commands.map((command) => command.command)]);
  const plugins = input.nativeCommands ? pluginCommands(catalog, existing) : { commands: [], issues: [] };
  const aliases = input.nativeCommands ? specs(catalog.aliases, 'alias') : [];
  const issues = [...custom.issues, ...plugins.issues];
  const own = [...builtins, ...skills, ...plugins.commands];
  const commands = catalog.customCommands === 'first' ? [...custom.commands, ...own, ...aliases] : [...own, ...custom.commands, ...aliases];
  return { commands, issues };
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

function pluginCommands(catalog: CommandCatalogSpec, existing: Set<string>): { commands: MenuCommand[]; issues: string[] } {
  const commands: MenuCommand[] = [];
  const issues: string[] = [];
  const ordered = catalog.pluginOrder === 'by-name' ? [...catalog.plugins].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : catalog.plugins;
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

function specs(list: readonly CommandSpec[], kind: CommandKind): MenuCommand[] {
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
