/**
 * The scenario's Telegram users come from whom the config lets write, so
 * test messages are not silently refused; users the scenario asks for beyond
 * the allowlist are refused by the gateway and accounted as dropped, with why.
 */
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/clock/prng.ts';
import { parseConfigText } from '../../src/config/load.ts';
import { renderRunReport } from '../../src/report/markdown.ts';
import { runScenario } from '../../src/scenario/runner.ts';
import { scenarioUsers } from '../../src/scenario/users.ts';
import { AFTER, configVariant, inlineScenario } from './support.ts';

const twoAllowed = () => configVariant(AFTER, (config) => (config['channels'].telegram.allowFrom = ['tg:5550001', '5550002']));

const everyUserOnce = (count: number) =>
  inlineScenario(
    `{ name: "allowlist", host: { heartbeatHasTasks: false }, users: { count: ${count} }, steps: [{ name: "one each", send: [${Array.from(
      { length: count },
      (_, user) => `{ kind: "message", at: "${user * 10}s", user: ${user}, tokens: 200 }`,
    ).join(', ')}], run: "3m", checks: [{ check: "session-count", max: 20 }] }] }`,
  );

describe('users drawn from channels.telegram.allowFrom', () => {
  it('sends every message from an allowed user when the scenario asks for no more users than the config allows, and all are answered', async () => {
    const { result, record } = await runScenario({ loaded: everyUserOnce(2), configFile: await twoAllowed(), version: 'test' });
    expect(record.messageFates.map((fate) => fate.senderId)).toEqual([5550001, 5550002]);
    expect(result.messages).toMatchObject({ sent: 2, replied: 2, dropped: 0, pending: 0 });
  });

  it('with one user more than allowed, reports that user’s message as dropped by the allowlist', async () => {
    const { result } = await runScenario({ loaded: everyUserOnce(3), configFile: await twoAllowed(), version: 'test' });
    expect(result.messages).toMatchObject({ sent: 3, replied: 2, dropped: 1, pending: 0 });
    // A list item's wrapped continuation is indented two spaces; read it as the one line it is.
    expect(renderRunReport(result).replaceAll('\n  ', ' ')).toContain('1 of 3 messages dropped: sender 700002 is not in channels.telegram.allowFrom (dmPolicy "allowlist")');
  });

  it('takes an allow-listed @username as the user’s username, and ignores the wildcard', () => {
    const loaded = parseConfigText('{ channels: { telegram: { allowFrom: ["*", "@Alice_Bot", "telegram:42"] } } }', 'c.json5', { env: {} });
    const users = scenarioUsers(loaded, 3, createPrng(1));
    expect(users.map(({ id, username }) => ({ id, username })).slice(0, 2)).toEqual([
      { id: 700_000, username: 'alice_bot' },
      { id: 42, username: users[1]!.username },
    ]);
    expect(users[2]!.id).toBe(700_002);
  });
});
