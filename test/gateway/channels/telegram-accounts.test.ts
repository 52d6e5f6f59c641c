/**
 * Which Telegram accounts start, as listTelegramAccountIds / resolveTelegramAccount /
 * isConfigured decide it in openclaw@2026.2.26 and openclaw@2026.9.6.
 */
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/index.ts';
import { planTelegramAccounts } from '../../../src/gateway/channels/telegram-accounts.ts';
import { accountBotToken } from '../../../src/gateway/channels/telegram-token.ts';
import { PROFILES } from '../../../src/gateway/profiles/index.ts';

const V2 = PROFILES['2026.2'].telegram.accounts;
const V9 = PROFILES['2026.9'].telegram.accounts;

function plan(raw: object, rules = V2) {
  return planTelegramAccounts(parseConfigText(JSON.stringify(raw), 'accounts.json5').config, rules);
}
const startedIds = (raw: object, rules = V2) => plan(raw, rules).started.map((account) => account.accountId);

describe('the Telegram accounts a gateway starts', () => {
  it('starts the one `default` account of a config without accounts', () => {
    expect(startedIds({ channels: { telegram: { botToken: '111:aaa' } } })).toEqual(['default']);
  });

  it('starts every account with a token of its own, in sorted order', () => {
    const accounts = { wave: { botToken: '3:c' }, default: { botToken: '1:a' }, serve: { botToken: '2:b' } };
    expect(startedIds({ channels: { telegram: { accounts } } })).toEqual(['default', 'serve', 'wave']);
  });

  it('does not start an account with `enabled: false`, and says so', () => {
    const accounts = { main: { botToken: '1:a' }, spare: { botToken: '2:b', enabled: false } };
    expect(plan({ channels: { telegram: { accounts } } })).toMatchObject({ started: [{ accountId: 'main' }], skipped: [{ accountId: 'spare', reason: 'disabled' }] });
  });

  it('starts the first of two accounts sharing a token and refuses the second with OpenClaw’s reason', () => {
    const accounts = { alerts: { botToken: 'token-shared' }, work: { botToken: 'token-shared' }, ops: { botToken: 'token-ops' } };
    const result = plan({ channels: { telegram: { accounts } } });
    expect(result.started.map((account) => account.accountId)).toEqual(['alerts', 'ops']);
    expect(result.skipped).toEqual([{ accountId: 'work', reason: expect.stringContaining('account "work" shares a token with account "alerts"') }]);
  });

  it('lists an account a binding names, which starts only with a token', () => {
    const config = { channels: { telegram: { accounts: { main: { botToken: '1:a' } } } }, bindings: [{ agentId: 'main', match: { channel: 'telegram', accountId: 'ghost' } }] };
    expect(plan(config).skipped).toEqual([{ accountId: 'ghost', reason: 'not configured' }]);
  });

  it('merges the account’s settings over the channel’s', () => {
    const config = { channels: { telegram: { dmPolicy: 'allowlist', allowFrom: ['1'], accounts: { open: { botToken: '1:a', dmPolicy: 'open' } } } } };
    expect(plan(config).started[0]!.config).toMatchObject({ dmPolicy: 'open', allowFrom: ['1'] });
  });

  describe('an account allowing `*` under a channel allowFrom that names its senders', () => {
    const config = { channels: { telegram: { dmPolicy: 'allowlist', allowFrom: ['424242'], accounts: { main: { botToken: '1:a', allowFrom: ['*', '777'] } } } } };

    it('opens the account to everyone on 2026.2 (a plain spread)', () => {
      expect(plan(config, V2).started[0]!.config.allowFrom).toEqual(['*', '777']);
    });

    it('keeps only the account’s named senders on 2026.9 (preserveRootAllowFrom)', () => {
      expect(plan(config, V9).started[0]!.config.allowFrom).toEqual(['777']);
    });
  });

  describe('an account with empty `groups: {}`', () => {
    const groups = { '-100123': { requireMention: false } };
    const one = { channels: { telegram: { groups, accounts: { main: { botToken: '1:a', groups: {} } } } } };
    const two = { channels: { telegram: { groups, accounts: { main: { botToken: '1:a', groups: {} }, side: { botToken: '2:b' } } } } };

    it('keeps them empty on 2026.2', () => {
      expect(plan(one, V2).started[0]!.config.groups).toEqual({});
    });

    it('takes the channel’s on 2026.9 when it is the only account, and keeps them empty beside another', () => {
      expect(plan(one, V9).started[0]!.config.groups).toEqual(groups);
      expect(plan(two, V9).started[0]!.config.groups).toEqual({});
    });
  });

  describe('the channel-level token beside accounts', () => {
    const config = { channels: { telegram: { botToken: '9:channel', accounts: { alerts: {}, ops: { botToken: '2:ops' } } } } };

    it('belongs to `default` alone on 2026.2, which accounts do not list: an account without its own token does not start', () => {
      expect(plan(config, V2)).toMatchObject({ started: [{ accountId: 'ops' }], skipped: [{ accountId: 'alerts', reason: 'not configured' }] });
    });

    it('serves every listed account on 2026.9, and lists `default`: the first owner starts, `default` shares its token', () => {
      const result = plan(config, V9);
      expect(result.started.map((account) => account.accountId)).toEqual(['alerts', 'ops']);
      expect(result.skipped).toEqual([{ accountId: 'default', reason: expect.stringContaining('shares a token with account "alerts"') }]);
    });
  });

  it('starts no account when the channel is disabled', () => {
    expect(startedIds({ channels: { telegram: { enabled: false, accounts: { main: { botToken: '1:a' } } } } })).toEqual([]);
  });
});

describe('the token each started account presents to the mock', () => {
  it('gives a placeholder of a later account a bot of its own', () => {
    expect([accountBotToken('REDACTED', 0), accountBotToken('REDACTED', 1), accountBotToken('REDACTED', 2)]).toEqual(['123456:quotastorm', '123457:quotastorm', '123458:quotastorm']);
  });

  it('keeps a token shaped like a Bot API token', () => {
    expect(accountBotToken('42:secret', 3)).toBe('42:secret');
  });
});
