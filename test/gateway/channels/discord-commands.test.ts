import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/load.ts';
import { DEFAULT_ELIGIBLE_SKILLS, type SkillSpec } from '../../../src/gateway/channels/commands-catalog.ts';
import { DISCORD_MAX_COMMANDS, discordCommandRegistration } from '../../../src/gateway/channels/discord-commands.ts';
import { PROFILES } from '../../../src/gateway/profiles/index.ts';

const config = (json5: string) => parseConfigText(json5, 'openclaw.json').config;
const catalog26 = PROFILES['2026.2'].commands;
const catalog29 = PROFILES['2026.9'].commands;
const manySkills = (count: number): SkillSpec[] => Array.from({ length: count }, (_, index) => ({ name: `skill-${index}`, description: `Skill number ${index}.` }));

describe("Discord's slash commands as OpenClaw registers them", () => {
  it('registers nothing for a config without channels.discord, or with it disabled', () => {
    expect(discordCommandRegistration(config('{}'), catalog26, DEFAULT_ELIGIBLE_SKILLS)).toBeUndefined();
    expect(discordCommandRegistration(config('{ channels: { discord: { enabled: false } } }'), catalog26, DEFAULT_ELIGIBLE_SKILLS)).toBeUndefined();
  });

  it('registers the native built-ins and one command per skill on 2026.2 ("auto" is on for Discord)', () => {
    const registration = discordCommandRegistration(config('{ channels: { discord: {} } }'), catalog26, DEFAULT_ELIGIBLE_SKILLS)!;
    expect(registration.registered).toHaveLength(catalog26.builtins.length + DEFAULT_ELIGIBLE_SKILLS.length);
    expect(registration.registered.some((command) => command.kind === 'plugin')).toBe(false);
    expect(registration.skillsDropped).toBe(0);
  });

  it('adds plugin commands and native aliases on 2026.9', () => {
    const registration = discordCommandRegistration(config('{ channels: { discord: {} } }'), catalog29, [])!;
    expect(registration.registered).toHaveLength(catalog29.builtins.length + catalog29.aliases.length + catalog29.plugins.length);
  });

  it('drops every skill command when the list would pass 100, keeping the built-ins', () => {
    const registration = discordCommandRegistration(config('{ channels: { discord: {} } }'), catalog26, manySkills(DISCORD_MAX_COMMANDS))!;
    expect(registration.offered).toBe(catalog26.builtins.length + DISCORD_MAX_COMMANDS);
    expect(registration.registered).toHaveLength(catalog26.builtins.length);
    expect(registration.skillsDropped).toBe(DISCORD_MAX_COMMANDS);
  });

  it('follows channels.discord.commands over the global commands settings', () => {
    const skillsOff = discordCommandRegistration(config('{ commands: { nativeSkills: true }, channels: { discord: { commands: { nativeSkills: false } } } }'), catalog26, DEFAULT_ELIGIBLE_SKILLS)!;
    expect(skillsOff.registered).toHaveLength(catalog26.builtins.length);
    const nativeOff = discordCommandRegistration(config('{ commands: { native: false }, channels: { discord: {} } }'), catalog26, DEFAULT_ELIGIBLE_SKILLS)!;
    expect(nativeOff.registered).toEqual([]);
  });
});
