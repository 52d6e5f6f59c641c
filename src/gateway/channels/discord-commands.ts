/**
 * The global slash commands OpenClaw registers for a Discord bot, computed the
 * way its Discord provider builds the list at start — there is no Discord mock:
 * the list is the version profile's command catalog, filtered as OpenClaw does.
 *
 * 2026.2.26 (`monitorDiscordProvider`, dist/pi-embedded-*.js): with native
 * commands on (`channels.discord.commands.native` ?? `commands.native`, "auto" =
 * on for Discord: `resolveAutoDefault`), `listNativeCommandSpecsForConfig(cfg,
 * { skillCommands, provider: "discord" })` — the native built-ins plus one
 * command per skill when native skills are on (`…commands.nativeSkills` ??
 * `commands.nativeSkills`), skills deduplicated by name. Past
 * `maxDiscordCommands = 100` the skill commands are dropped ("removing per-skill
 * commands and keeping /skill"); if the built-ins alone pass 100 OpenClaw warns
 * "some commands may fail to deploy". Later versions (openclaw/openclaw
 * extensions/discord/src/monitor/provider.ts; the 2026.9.6 npm package leaves
 * the Discord extension out) also append plugin commands (`appendPluginCommandSpecs`)
 * and native aliases (`nativeAliases`): the catalog's `discord` field says which.
 * Discord refuses more than 100 global chat-input commands
 * (https://discord.com/developers/docs/interactions/application-commands, "Registering a command").
 */
import type { OpenClawConfig } from '../../config/schema.ts';
import { skillCommands, type CommandCatalogSpec, type MenuCommand, type SkillSpec } from './commands-catalog.ts';

/** Discord's cap on global application commands, which OpenClaw's `maxDiscordCommands` mirrors. */
export const DISCORD_MAX_COMMANDS = 100;

export type DiscordCommandRegistration = {
  /** The list before OpenClaw's cap, and the one it registers. */
  readonly offered: number;
  readonly registered: readonly MenuCommand[];
  /** Skill commands dropped because the list passed the cap. */
  readonly skillsDropped: number;
  readonly nativeCommands: boolean;
  readonly nativeSkills: boolean;
};

type DiscordSection = { readonly enabled?: boolean; readonly commands?: { readonly native?: boolean | 'auto'; readonly nativeSkills?: boolean | 'auto' } };

/** Undefined when the config starts no Discord bot: no enabled `channels.discord`. */
export function discordCommandRegistration(config: OpenClawConfig, catalog: CommandCatalogSpec, skills: readonly SkillSpec[]): DiscordCommandRegistration | undefined {
  const discord = config.channels?.discord as DiscordSection | undefined;
  if (discord === undefined || discord.enabled === false) return undefined;
  const nativeCommands = resolveNative(discord.commands?.native, config.commands.native);
  const nativeSkills = resolveNative(discord.commands?.nativeSkills, config.commands.nativeSkills);
  if (!nativeCommands) return { offered: 0, registered: [], skillsDropped: 0, nativeCommands, nativeSkills };
  const own = nativeList(catalog);
  const reserved = new Set([...own.map((command) => command.command), ...catalog.flaggedOff]);
  const perSkill = nativeSkills ? dedupeByName(skillCommands(skills, reserved)) : [];
  const offered = [...own, ...perSkill];
  if (nativeSkills && offered.length > DISCORD_MAX_COMMANDS) {
    return { offered: offered.length, registered: own, skillsDropped: perSkill.length, nativeCommands, nativeSkills };
  }
  return { offered: offered.length, registered: offered, skillsDropped: 0, nativeCommands, nativeSkills };
}

/** Built-ins, then what the version adds for Discord: plugin commands and native aliases. */
function nativeList(catalog: CommandCatalogSpec): MenuCommand[] {
  const builtins = catalog.builtins.map(([command, description]) => ({ command, description, kind: 'builtin' as const }));
  const aliases = catalog.discord.aliases ? catalog.aliases.map(([command, description]) => ({ command, description, kind: 'alias' as const })) : [];
  const plugins = catalog.discord.plugins ? catalog.plugins.map(([command, description]) => ({ command, description, kind: 'plugin' as const })) : [];
  return [...builtins, ...aliases, ...plugins];
}

/** resolveNativeCommandSetting: the channel's setting, else the global one; "auto" is on for Discord (resolveAutoDefault). */
function resolveNative(channel: boolean | 'auto' | undefined, global: boolean | 'auto'): boolean {
  const setting = channel ?? global;
  return setting === 'auto' ? true : setting;
}

/** dedupeSkillCommandsForDiscord: one command per skill name, the first kept. */
function dedupeByName(commands: readonly MenuCommand[]): MenuCommand[] {
  const seen = new Set<string>();
  return commands.filter((command) => !seen.has(command.command) && seen.add(command.command));
}
