import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCESS, decideAccess, type AccessConfig } from '../../../src/gateway/channels/telegram-access.ts';

const EVE = { id: 777, username: 'eve' };
const dm = (access: Partial<AccessConfig>) =>
  decideAccess({ ...DEFAULT_ACCESS, ...access }, { chatId: EVE.id, isGroup: false, sender: EVE, text: 'hi', isCommand: false, botUsername: 'bot' });
const inGroup = (access: Partial<AccessConfig>, text = '@bot hi') =>
  decideAccess({ ...DEFAULT_ACCESS, ...access }, { chatId: -1001, isGroup: true, sender: EVE, text, isCommand: false, botUsername: 'bot' });

describe('the pairing store in access decisions (mergeDmAllowFromSources)', () => {
  it('admits a DM from a sender the owner approved under dmPolicy "pairing"', () => {
    expect(dm({ dmPolicy: 'pairing', pairedSenders: ['777'] })).toEqual({ kind: 'admit' });
  });

  it('answers an unapproved sender under "pairing" with a pairing request', () => {
    expect(dm({ dmPolicy: 'pairing', pairedSenders: ['778'] })).toEqual({ kind: 'pair' });
  });

  it('ignores the store under "allowlist": only allowFrom admits', () => {
    expect(dm({ dmPolicy: 'allowlist', pairedSenders: ['777'] })).toEqual({ kind: 'drop', reason: 'dm-not-allowed' });
  });

  it('never lets the store admit a group sender: the group allowlist is groupAllowFrom or allowFrom alone', () => {
    expect(inGroup({ dmPolicy: 'pairing', pairedSenders: ['777'], groupPolicy: 'allowlist' })).toEqual({ kind: 'drop', reason: 'sender-not-allowed' });
  });
});

describe('group settings', () => {
  it("lets a group's own allowFrom override groupAllowFrom, even under groupPolicy open", () => {
    expect(inGroup({ groupPolicy: 'open', groups: { '-1001': { allowFrom: ['778'] } } })).toEqual({ kind: 'drop', reason: 'sender-not-allowed' });
    expect(inGroup({ groupPolicy: 'allowlist', groupAllowFrom: ['778'], groups: { '-1001': { allowFrom: ['777'] } } })).toEqual({ kind: 'admit' });
  });

  it('drops a group its entry disables', () => {
    expect(inGroup({ groupPolicy: 'open', groups: { '-1001': { enabled: false } } })).toEqual({ kind: 'drop', reason: 'group-disabled' });
  });

  it('takes requireMention from "*" when the chat entry does not set it', () => {
    expect(inGroup({ groupPolicy: 'open', groups: { '-1001': {}, '*': { requireMention: false } } }, 'no mention here')).toEqual({ kind: 'admit' });
    expect(inGroup({ groupPolicy: 'open', groups: { '-1001': {} } }, 'no mention here')).toEqual({ kind: 'drop', reason: 'no-mention' });
  });
});
