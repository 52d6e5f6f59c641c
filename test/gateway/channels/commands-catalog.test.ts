import { describe, expect, it } from 'vitest';
import { buildCommandCatalog, customCommands, DEFAULT_ELIGIBLE_SKILLS, normalizeCommandName, skillCommands, type CatalogInput } from '../../../src/gateway/channels/commands-catalog.ts';
import { PROFILES, type ProfileName } from '../../../src/gateway/profiles/index.ts';
import { BUNDLED_SKILLS_2026_2 } from '../../../src/gateway/profiles/bundled-skills-2026.2.ts';

// The 39 commands openclaw@2026.2.26 registered with nativeSkills off
// (test/golden/openclaw-2026.2.26/command-menu-native-skills-off.json).
const OBSERVED_39 =
  'help, commands, skill, status, approve, context, export_session, tts, whoami, session, subagents, acp, focus, ' +
  'unfocus, agents, kill, steer, usage, stop, restart, activation, send, reset, new, compact, think, verbose, reasoning, elevated, ' +
  'exec, model, models, queue, dock_telegram, dock_discord, dock_slack, pair, phone, voice';
const OBSERVED_SKILLS = ['coding_agent', 'healthcheck', 'skill_creator', 'tmux', 'weather'];

const catalog = ({ profile = '2026.2', ...overrides }: Partial<Omit<CatalogInput, 'catalog'>> & { profile?: ProfileName } = {}) =>
  buildCommandCatalog({ catalog: PROFILES[profile].commands, nativeCommands: true, nativeSkills: true, skills: DEFAULT_ELIGIBLE_SKILLS, customCommands: [], ...overrides });

describe('command catalogue', () => {
  it('lists the 39 commands 2026.2.26 registered with nativeSkills off, in its order', () => {
    expect(catalog({ nativeSkills: false }).commands.map((c) => c.command).join(', ')).toBe(OBSERVED_39);
  });

  it('puts one command per eligible skill after the built-ins and before plugin commands (44 on the observed host)', () => {
    const names = catalog().commands.map((c) => c.command);
    expect(names).toHaveLength(44);
    expect(names.slice(36, 41)).toEqual(OBSERVED_SKILLS);
    expect(names.slice(41)).toEqual(['pair', 'phone', 'voice']);
  });

  it('keeps only custom commands when native commands are off', () => {
    const { commands } = catalog({ nativeCommands: false, customCommands: [{ command: '/Daily-Report', description: ' Daily report ' }] });
    expect(commands).toEqual([{ command: 'daily_report', description: 'Daily report', kind: 'custom' }]);
  });

  it('puts custom commands first and native aliases last on 2026.9', () => {
    const { commands } = catalog({ profile: '2026.9', customCommands: [{ command: 'standup', description: 'Daily standup' }] });
    expect(commands[0]).toMatchObject({ command: 'standup', kind: 'custom' });
    expect(commands.at(-1)).toMatchObject({ command: 'side', kind: 'alias' });
    expect(commands.filter((c) => c.kind === 'plugin').map((c) => c.command)).toEqual(['dreaming', 'pair', 'voice']);
  });

  it('drops a plugin command that collides with a built-in, with OpenClaw’s line (2026.9: /dashboard)', () => {
    expect(catalog({ profile: '2026.9' }).issues).toEqual(['Plugin command "/dashboard" conflicts with an existing Telegram command.']);
  });

  it('names every command by Telegram’s rule: a-z, 0-9 and _, at most 32 characters', () => {
    for (const profile of ['2026.2', '2026.9'] as const) {
      for (const command of catalog({ profile, skills: BUNDLED_SKILLS_2026_2 }).commands) {
        expect(command.command).toMatch(/^[a-z0-9_]{1,32}$/);
        expect(command.description.length).toBeGreaterThan(0);
      }
    }
  });

  it('sanitizes skill names, makes them unique against built-ins, and cuts descriptions at 100 characters', () => {
    const skills = skillCommands(
      [
        { name: 'Status', description: 'clashes with /status' },
        { name: 'a.very-long skill name that keeps going and going', description: 'x'.repeat(150) },
        { name: '***', description: '' },
      ],
      new Set(['status']),
    );
    expect(skills.map((s) => s.command)).toEqual(['status_2', 'a_very_long_skill_name_that_keep', 'skill']);
    expect(skills[1]!.description).toHaveLength(100);
    expect(skills[1]!.description.endsWith('…')).toBe(true);
    expect(skills[2]!.description).toBe('***');
  });

  it('reports custom commands OpenClaw refuses, with its texts', () => {
    const { commands, issues } = customCommands(
      [{ command: 'status', description: 'mine' }, { command: 'ok', description: 'fine' }, { command: 'ok', description: 'again' }, { command: 'bad name!', description: 'x' }, { command: 'nodesc' }, {}],
      new Set(['status']),
    );
    expect(commands.map((c) => c.command)).toEqual(['ok']);
    expect(issues).toEqual([
      'Telegram custom command "/status" conflicts with a native command.',
      'Telegram custom command "/ok" is duplicated.',
      'Telegram custom command "/bad name!" is invalid (use a-z, 0-9, underscore; max 32 chars).',
      'Telegram custom command "/nodesc" is missing a description.',
      'Telegram custom command is missing a command name.',
    ]);
  });

  it('normalizes command names as OpenClaw does', () => {
    expect(normalizeCommandName('  /Export-Session ')).toBe('export_session');
  });
});
