/**
 * The scenario's Telegram users, drawn from whom the config lets write.
 *
 * OpenClaw admits a direct message when `dmPolicy` is `open` or the sender matches an entry of
 * `channels.telegram.allowFrom` (gateway/channels/telegram-access.ts). So the users are the
 * allow-listed senders first, in the order the config lists them — an id becomes the user's id,
 * a `@username` the user's username — then made-up users (ids from 700000) when the scenario asks
 * for more. Those extra users are refused by the gateway like any stranger, and the message
 * accounting names the reason: a scenario can ask for them on purpose to test the allowlist.
 * A `*` entry admits everyone and constrains nothing.
 */
import { Faker, en } from '@faker-js/faker';
import type { Prng } from '../clock/prng.ts';
import type { LoadedConfig } from '../config/load.ts';

export type ScenarioUser = { readonly id: number; readonly firstName: string; readonly username: string };

const FIRST_SYNTHETIC_ID = 700_000;

export function scenarioUsers(loaded: LoadedConfig, count: number, rng: Prng): ScenarioUser[] {
  const faker = new Faker({ locale: [en] });
  faker.seed(rng.uint32());
  const allowed = allowedSenders(loaded.config.channels?.telegram?.allowFrom ?? []);
  return Array.from({ length: count }, (_, index) => {
    // Drawn for every user, allowed or not, so the allowlist never shifts the names of the others.
    const firstName = faker.person.firstName();
    const drawnUsername = faker.internet.username({ firstName }).toLowerCase().replace(/[^a-z0-9_]/g, '_');
    const sender = allowed[index];
    return { id: sender?.id ?? FIRST_SYNTHETIC_ID + index, firstName, username: sender?.username ?? drawnUsername };
  });
}

type AllowedSender = { readonly id?: number; readonly username?: string };

// The entries OpenClaw matches (a numeric id or a username, with an optional `telegram:`/`tg:` prefix and `@`); `*` names no one.
function allowedSenders(entries: readonly (string | number)[]): AllowedSender[] {
  return entries.flatMap((entry): AllowedSender[] => {
    const normalized = String(entry).trim().replace(/^(telegram|tg):/i, '');
    if (/^\d+$/.test(normalized) && Number(normalized) > 0) return [{ id: Number(normalized) }];
    const username = normalized.replace(/^@/, '');
    return /^[A-Za-z0-9_]+$/.test(username) ? [{ username: username.toLowerCase() }] : [];
  });
}
