/**
 * The bot token the simulated gateway presents to the Telegram mock.
 *
 * Users bring configs whose `botToken` is a placeholder (`REDACTED`, `YOUR_TOKEN`), an
 * unresolved `${VAR}`, a secret-reference object or absent (`tokenFile`, env): none of these can
 * be presented to a Bot API, and none needs to be, since the mock is quotastorm's own. A token
 * shaped like a real one (`<bot id>:<secret>`) is kept, so a run that pins the mock to one token
 * (the conformance harness) still matches; anything else gets quotastorm's own token. The value
 * never leaves the process: the mock is served in-process.
 */
export const SIMULATION_BOT_TOKEN = '123456:quotastorm';

export function simulationBotToken(configured: unknown): string {
  return typeof configured === 'string' && BOT_TOKEN_SHAPE.test(configured) ? configured : SIMULATION_BOT_TOKEN;
}

/**
 * The token of the account started `index`-th (0 first): the configured one when it is shaped like a
 * real token, else quotastorm's own, one bot id further per account so that each bot is a distinct one.
 */
export function accountBotToken(configured: unknown, index: number): string {
  if (index === 0) return simulationBotToken(configured);
  return typeof configured === 'string' && BOT_TOKEN_SHAPE.test(configured) ? configured : `${123_456 + index}:quotastorm`;
}

// The shape the Bot API (and its mock) accepts: numeric bot id, colon, secret.
const BOT_TOKEN_SHAPE = /^\d+:[\w-]+$/;
