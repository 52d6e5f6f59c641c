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
