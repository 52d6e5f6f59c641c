/**
 * New BOT_COMMANDS_TOO_MUCH errors: the write-up's `grep -c BOT_COMMANDS_TOO_MUCH gateway.err.log`,
 * backed by the Telegram mock's refusals; and, for a config with `channels.discord`, the slash
 * commands OpenClaw registers for Discord counted against Discord's limit of 100.
 *
 * Not applicable (with the reason) when the config has neither channel. Telegram precondition: the
 * gateway synced its command menu in the window; without a sync there is nothing to judge: error.
 * Discord registers its commands once, at start; there is no Discord mock, so its list is computed
 * from the version profile's catalog as OpenClaw builds it (gateway/channels/discord-commands.ts).
 */
import { z } from 'zod';
import { DISCORD_MAX_COMMANDS, type DiscordCommandRegistration } from '../../gateway/channels/discord-commands.ts';
import type { TelegramJournalEntry } from '../../../mocks/telegram/journal.ts';
import type { Check } from './context.ts';
import { inWindow, notApplicable, nothingTested, offset, type CheckContext, type CheckOutcome } from './context.ts';

type Params = { max: number };

const ParamsSchema = z
  .strictObject({
    max: z.number().int().min(0).default(0).describe('most BOT_COMMANDS_TOO_MUCH refusals allowed, counted both in gateway.err.log and as setMyCommands the Telegram mock refused (default 0)'),
  })
  .describe("Telegram's refusal of a command menu that is too long (BOT_COMMANDS_TOO_MUCH), and Discord's limit of 100 slash commands");

export const botCommandsTooMuch: Check<Params> = {
  layer: 'gateway',
  title: ({ max }) => `${max} new BOT_COMMANDS_TOO_MUCH`,
  params: ParamsSchema,
  parse: (raw) => ParamsSchema.parse(raw),
  run(context, { max }) {
    const discord = context.record.discordCommands;
    if (!context.record.telegramConfigured) {
      if (discord === undefined) return notApplicable('the config starts no Telegram or Discord bot (no enabled channels.telegram or channels.discord): there is no command menu to judge');
      return discordOutcome(discord);
    }
    const telegram = telegramOutcome(context, max);
    return discord === undefined ? telegram : combined(telegram, discordOutcome(discord));
  },
};

function telegramOutcome(context: CheckContext, max: number): CheckOutcome {
  const syncs = context.record.telegramJournal.filter((entry) => entry.method === 'setMyCommands' && inWindow(context, entry.atMs));
  if (syncs.length === 0) {
    return nothingTested('the gateway did not sync its command menu in this window: nothing was tested', { syncs: 0 });
  }
  const refused = syncs.filter((entry) => entry.description?.includes('BOT_COMMANDS_TOO_MUCH'));
  const lines = context.record.log.filter(
    (record) => record.level !== 'info' && inWindow(context, record.atMs) && record.message.includes('BOT_COMMANDS_TOO_MUCH'),
  );
  const worst = Math.max(lines.length, refused.length);
  return {
    status: worst <= max ? 'pass' : 'fail',
    summary: `${lines.length} BOT_COMMANDS_TOO_MUCH lines in gateway.err.log · ${refused.length} of ${syncs.length} setMyCommands refused (max ${max})${perBot(syncs, refused)}`,
    evidence: [
      ...syncs.map((entry) => `telegram #${entry.seq} ${offset(context, entry.atMs)}: setMyCommands${entry.bot === undefined ? '' : ` @${entry.bot}`} ${entry.commandCount ?? '?'} commands, ${entry.commandChars ?? '?'} chars → ${entry.status}${entry.description ? ` ${entry.description}` : ''}`),
      ...lines.slice(0, 3).map((record) => `gateway.err.log ${offset(context, record.atMs)}: [${record.subsystem}] ${record.message.slice(0, 160)}`),
    ],
    figures: { lines: lines.length, refused: refused.length, syncs: syncs.length, max },
  };
}

/** With several bots (one per Telegram account) each syncs its own menu: the refusals of each. */
function perBot(syncs: readonly TelegramJournalEntry[], refused: readonly TelegramJournalEntry[]): string {
  const bots = [...new Set(syncs.flatMap((entry) => (entry.bot === undefined ? [] : [entry.bot])))];
  if (bots.length < 2) return '';
  const count = (entries: readonly TelegramJournalEntry[], bot: string) => entries.filter((entry) => entry.bot === bot).length;
  return ` · per bot: ${bots.map((bot) => `@${bot} ${count(refused, bot)} of ${count(syncs, bot)}`).join(', ')}`;
}

/** Discord refuses more than 100 global commands: the registered list must fit. */
function discordOutcome(discord: DiscordCommandRegistration): CheckOutcome {
  const registered = discord.registered.length;
  const kinds = (['builtin', 'alias', 'plugin', 'skill'] as const)
    .map((kind) => ({ kind, count: discord.registered.filter((command) => command.kind === kind).length }))
    .filter(({ count }) => count > 0)
    .map(({ kind, count }) => `${count} ${kind === 'builtin' ? 'native' : kind}`);
  const evidence = discord.nativeCommands
    ? [
        `discord: ${discord.offered} commands offered; ${registered} registered (${kinds.join(' + ') || 'none'}), limit ${DISCORD_MAX_COMMANDS}`,
        ...(discord.skillsDropped > 0 ? [`discord: ${discord.offered} commands exceeds limit; removing per-skill commands and keeping /skill (${discord.skillsDropped} skill commands dropped)`] : []),
        ...(discord.nativeSkills ? [] : ['discord: native skill commands are off (channels.discord.commands.nativeSkills / commands.nativeSkills)']),
        "discord: computed from the version profile's command catalog as OpenClaw's Discord provider builds the list at start; no Discord server was mocked",
      ]
    : ['discord: native commands are off (channels.discord.commands.native / commands.native): no slash commands registered'];
  return {
    status: registered <= DISCORD_MAX_COMMANDS ? 'pass' : 'fail',
    summary: `Discord: ${registered} slash commands registered of ${discord.offered} offered (limit ${DISCORD_MAX_COMMANDS})`,
    evidence,
    figures: { discordCommands: registered, discordOffered: discord.offered, discordLimit: DISCORD_MAX_COMMANDS },
  };
}

/** Both channels judged: the worse status, both summaries, all evidence. */
function combined(telegram: CheckOutcome, discord: CheckOutcome): CheckOutcome {
  const status = telegram.status === 'pass' ? discord.status : telegram.status;
  return { status, summary: `${telegram.summary} · ${discord.summary}`, evidence: [...telegram.evidence, ...discord.evidence], figures: { ...telegram.figures, ...discord.figures } };
}
