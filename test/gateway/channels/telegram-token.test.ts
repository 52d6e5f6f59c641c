import { describe, expect, it } from 'vitest';
import { SIMULATION_BOT_TOKEN, simulationBotToken } from '../../../src/gateway/channels/telegram-token.ts';

describe('the bot token the simulated gateway presents', () => {
  it('keeps a token shaped like a Bot API token, so a mock pinned to it still answers', () => {
    expect(simulationBotToken('123456:QUOTASTORM-FAKE-TOKEN')).toBe('123456:QUOTASTORM-FAKE-TOKEN');
  });

  it.each([
    ['a placeholder word', 'REDACTED'],
    ['an unresolved env reference', '${TELEGRAM_BOT_TOKEN}'],
    ['a secret-reference object', { source: 'env', provider: 'default', id: 'TELEGRAM_BOT_TOKEN' }],
    ['no token at all (tokenFile or env)', undefined],
  ])('replaces %s with quotastorm’s own token', (_what, configured) => {
    expect(simulationBotToken(configured)).toBe(SIMULATION_BOT_TOKEN);
  });
});
