import { describe, expect, it } from 'vitest';
import { BUNDLED_SKILLS_2026_2 } from '../../../src/gateway/profiles/bundled-skills-2026.2.ts';
import { capMenu, hashMenu, menuTextChars } from '../../../src/gateway/channels/command-menu.ts';
import { buildCommandCatalog, type MenuCommand, type SkillSpec } from '../../../src/gateway/channels/commands-catalog.ts';
import { harness, started } from './support.ts';
import { PROFILES } from '../../../src/gateway/profiles/index.ts';

const TOO_MUCH_REJECTION = "[telegram] setMyCommands failed: Call to 'setMyCommands' failed! (400: Bad Request: BOT_COMMANDS_TOO_MUCH)";
const setCalls = (h: ReturnType<typeof harness>) => h.world.telegram.journal.where((e) => e.method === 'setMyCommands');
const extraSkills = (count: number): SkillSpec[] =>
  Array.from({ length: count }, (_, i) => ({ name: `workspace-tool-${i}`, description: `Workspace tool number ${i} for the team.` }));

describe('command menu sync', () => {
  it('2026.2 with nativeSkills auto and every bundled skill eligible: BOT_COMMANDS_TOO_MUCH, then 80 %, accepted', async () => {
    const h = harness({ profile: '2026.2', overrides: { skills: BUNDLED_SKILLS_2026_2 } });
    await started(h);
    // 36 built-ins + 51 skills + 3 plugin commands, 6,093 characters: over Telegram's text limit (the mock's 5,700).
    expect(setCalls(h)).toMatchObject([
      { status: 400, commandCount: 90, description: 'Bad Request: BOT_COMMANDS_TOO_MUCH' },
      { status: 200, commandCount: 72 },
    ]);
    expect(h.log.allText()).toContain('[telegram] Telegram rejected 90 commands (BOT_COMMANDS_TOO_MUCH); retrying with 72.');
    expect(h.log.errorText()).toContain(TOO_MUCH_REJECTION);
    expect(h.log.errorText().match(/BOT_COMMANDS_TOO_MUCH/g)).toHaveLength(1);
    expect(h.channel.menu).toHaveLength(72);
    expect(await h.channel.menuSync()).toMatchObject({ kind: 'accepted' });
    await h.channel.stop();
  });

  it('caps more than 100 commands at 100 with OpenClaw’s line, then shrinks to 80 when Telegram refuses', async () => {
    const h = harness({ profile: '2026.2', overrides: { skills: [...BUNDLED_SKILLS_2026_2, ...extraSkills(20)] } });
    await started(h);
    expect(h.log.allText()).toContain(
      '[telegram] Telegram limits bots to 100 commands. 110 configured; registering first 100. ' +
        'Use channels.telegram.commands.native: false to disable, or reduce plugin/skill/custom commands.',
    );
    expect(setCalls(h).map((e) => [e.commandCount, e.status])).toEqual([[100, 400], [80, 200]]);
    expect(h.log.allText()).toContain('Telegram rejected 100 commands (BOT_COMMANDS_TOO_MUCH); retrying with 80.');
    expect(h.log.errorText()).toContain(TOO_MUCH_REJECTION);
    expect(h.channel.menu).toHaveLength(80);
    await h.channel.stop();
  });

  it('with nativeSkills false the same host registers 39 commands without any error', async () => {
    const h = harness({ profile: '2026.2', config: { commands: { nativeSkills: false } }, overrides: { skills: BUNDLED_SKILLS_2026_2 } });
    await started(h);
    expect(setCalls(h)).toMatchObject([{ status: 200, commandCount: 39 }]);
    expect(h.log.errorText()).toBe('');
    await h.channel.stop();
  });

  it('2026.9 keeps the menu under its 5,700-character budget by shortening descriptions', async () => {
    const h = harness({ profile: '2026.9', overrides: { skills: BUNDLED_SKILLS_2026_2 } });
    await started(h);
    expect(h.log.allText()).toContain(
      '[telegram] Telegram menu text exceeded the conservative 5700-character payload budget; shortening descriptions to keep 99 commands visible.',
    );
    expect(setCalls(h)).toMatchObject([{ status: 200, commandCount: 99 }, { status: 200, commandCount: 99 }]);
    expect(setCalls(h)[0]!.commandChars).toBeLessThanOrEqual(5_700);
    await h.channel.stop();
  });

  it('2026.9 retries at 80 % when Telegram refuses a budgeted menu, and says what it omitted', async () => {
    const h = harness({ profile: '2026.9', telegram: { commandLimits: { maxCommands: 100, textBudgetChars: 2_000 } } });
    await started(h);
    // 53 commands, about 2,540 characters: under OpenClaw's budget, over this Telegram's.
    expect(setCalls(h).map((e) => [e.commandCount, e.status])).toEqual([[53, 400], [42, 200], [42, 200]]);
    const log = h.log.allText();
    expect(log).toContain('Telegram rejected 53 commands (BOT_COMMANDS_TOO_MUCH); retrying with 42.');
    expect(log).toContain(
      'Telegram accepted 42 commands after BOT_COMMANDS_TOO_MUCH (started with 53; omitted 11). Reduce plugin/skill/custom commands to expose more menu entries.',
    );
    // 2026.9.6 does not log each rejection as an API error.
    expect(h.log.errorText()).not.toContain('BOT_COMMANDS_TOO_MUCH');
    await h.channel.stop();
  });

  it('2026.9 drops per-skill commands, keeping /skill, when a retry would cut skills', async () => {
    const h = harness({ profile: '2026.9', telegram: { commandLimits: { maxCommands: 100, textBudgetChars: 1_500 } } });
    await started(h);
    const accepted = h.channel.menu.map((c) => c.command);
    expect(accepted[0]).toBe('skill');
    expect(accepted).not.toContain('weather');
    await h.channel.stop();
  });

  it('leaves the menu empty, with OpenClaw’s error line, when Telegram refuses every size', async () => {
    const h = harness({ profile: '2026.2', telegram: { commandLimits: { maxCommands: 100, textBudgetChars: 5 } } });
    await started(h);
    expect(setCalls(h).map((e) => e.commandCount)).toEqual([44, 35, 28, 22, 17, 13, 10, 8, 6, 4, 3, 2, 1]);
    expect(h.log.errorText()).toContain(
      '[telegram] Telegram rejected native command registration (BOT_COMMANDS_TOO_MUCH); leaving menu empty. ' +
        'Reduce commands or disable channels.telegram.commands.native.',
    );
    expect(h.channel.menu).toEqual([]);
    expect(await h.channel.menuSync()).toEqual({ kind: 'left-empty' });
    await h.channel.stop();
  });

  it('logs any other refusal as `Telegram command sync failed: …` and keeps polling', async () => {
    const h = harness({ profile: '2026.2', config: { channels: { telegram: { customCommands: [{ command: 'essay', description: 'x'.repeat(300) }] } } } });
    await started(h);
    expect(h.log.errorText()).toContain(
      "[telegram] Telegram command sync failed: GrammyError: Call to 'setMyCommands' failed! (400: Bad Request: BOT_COMMAND_DESCRIPTION_INVALID)",
    );
    const polls = h.requests.filter((r) => r.method === 'getUpdates').length;
    await h.clock.advanceBy(30_000);
    expect(h.requests.filter((r) => r.method === 'getUpdates')).toHaveLength(polls + 1);
    await h.channel.stop();
  });

  it('2026.9 skips an unchanged menu when the channel restarts in the same process; 2026.2 syncs every time', async () => {
    for (const [profile, syncsOnRestart] of [['2026.9', 0], ['2026.2', 2]] as const) {
      const h = harness({ profile });
      await started(h);
      await h.channel.stop();
      const before = h.world.telegram.journal.entries.length;
      await started(h);
      const menuCalls = h.world.telegram.journal.entries.slice(before).filter((e) => e.method.endsWith('MyCommands'));
      expect(menuCalls).toHaveLength(syncsOnRestart);
      expect(await h.channel.menuSync()).toMatchObject({ kind: syncsOnRestart === 0 ? 'unchanged' : 'accepted' });
      await h.channel.stop();
    }
  });

  it('2026.9 syncs again in a new process (a fresh hash cache), as 2026.9.6 keeps the hash in memory', async () => {
    const first = harness({ profile: '2026.9' });
    await started(first);
    await first.channel.stop();
    const second = harness({ profile: '2026.9', clock: first.clock, world: first.world });
    await started(second);
    expect(second.requests.filter((r) => r.method === 'setMyCommands')).toHaveLength(2);
    await second.channel.stop();
  });
});

describe('menu caps', () => {
  const command = (name: string, description: string, kind: MenuCommand['kind'] = 'builtin'): MenuCommand => ({ command: name, description, kind });

  it('trims descriptions evenly to the budget, then drops trailing commands', () => {
    const commands = Array.from({ length: 10 }, (_, i) => command(`c${i}`, 'd'.repeat(100)));
    const trimmed = capMenu(commands, { maxCommands: 100, textBudgetChars: 520 }, PROFILES['2026.9'].telegram);
    expect(trimmed).toMatchObject({ descriptionTrimmed: true, textBudgetDropCount: 0 });
    expect(trimmed.commands[0]!.description).toBe(`${'d'.repeat(49)}…`);
    expect(menuTextChars(trimmed.commands)).toBeLessThanOrEqual(520);
    const dropped = capMenu(commands, { maxCommands: 100, textBudgetChars: 25 }, PROFILES['2026.9'].telegram);
    expect(dropped.commands).toHaveLength(8);
    expect(dropped.textBudgetDropCount).toBe(2);
  });

  it('has no text budget where the profile has none (2026.2)', () => {
    const commands = Array.from({ length: 10 }, (_, i) => command(`c${i}`, 'd'.repeat(100)));
    expect(capMenu(commands, { maxCommands: 100, textBudgetChars: null }, PROFILES['2026.2'].telegram).commands).toEqual(commands);
  });

  it('hashes the menu by names and descriptions, not by kind', () => {
    const menu = buildCommandCatalog({ catalog: PROFILES['2026.9'].commands, nativeCommands: true, nativeSkills: true, skills: [], customCommands: [] }).commands;
    expect(hashMenu(menu)).toMatch(/^[0-9a-f]{16}$/);
    expect(hashMenu(menu.map((c) => ({ ...c, kind: 'custom' as const })))).toBe(hashMenu(menu));
    expect(hashMenu(menu.slice(1))).not.toBe(hashMenu(menu));
  });
});
