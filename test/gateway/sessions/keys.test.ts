import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../src/clock/prng.ts';
import {
  cronRunSessionKey, cronSessionKey, directSessionKey, groupSessionKey, heartbeatSessionKey, isCronRunSessionKey, isProtectedSessionKey,
  isSyntheticSessionKey, mainSessionKey, parseAgentSessionKey, seededSessionId, sessionKindOf, threadSessionKey,
} from '../../../src/gateway/sessions/index.ts';

describe('session keys (openclaw/openclaw src/routing/session-key.ts)', () => {
  it('maps a Telegram DM to a key per session.dmScope', () => {
    const peer = { channel: 'telegram', peerId: 424242, accountId: 'default' } as const;
    expect(directSessionKey({ ...peer, dmScope: 'main' })).toBe('agent:main:main');
    expect(directSessionKey({ ...peer, dmScope: 'per-peer' })).toBe('agent:main:direct:424242');
    expect(directSessionKey({ ...peer, dmScope: 'per-channel-peer' })).toBe('agent:main:telegram:direct:424242');
    expect(directSessionKey({ ...peer, dmScope: 'per-account-channel-peer' })).toBe('agent:main:telegram:default:direct:424242');
    expect(directSessionKey({ channel: 'Telegram', peerId: 'ABC', dmScope: 'per-account-channel-peer' })).toBe('agent:main:telegram:default:direct:abc');
  });

  it('keys groups, forum topics and threads apart from the main session', () => {
    expect(groupSessionKey({ channel: 'telegram', groupId: -1001234567890 })).toBe('agent:main:telegram:group:-1001234567890');
    expect(groupSessionKey({ channel: 'telegram', groupId: -1001234567890, topicId: 7 })).toBe('agent:main:telegram:group:-1001234567890:topic:7');
    expect(threadSessionKey('agent:main:main', 'T1')).toBe('agent:main:main:thread:t1');
  });

  it('writes a cron job base key and one run key per run, and one heartbeat key', () => {
    expect(cronSessionKey('Nightly')).toBe('agent:main:cron:nightly');
    const runKey = cronRunSessionKey('nightly', '4774d612-0b1c-4c1e-8e5a-2f1b7d0c9a33');
    expect(runKey).toBe('agent:main:cron:nightly:run:4774d612-0b1c-4c1e-8e5a-2f1b7d0c9a33');
    expect(isCronRunSessionKey(runKey)).toBe(true);
    expect(isCronRunSessionKey(cronSessionKey('nightly'))).toBe(false);
    expect(isCronRunSessionKey('cron:nightly:run:x')).toBe(false); // not agent-scoped
    expect(heartbeatSessionKey()).toBe('agent:main:main:heartbeat');
    expect(mainSessionKey('Work')).toBe('agent:work:main');
  });

  it('parses agent-scoped keys, lowercased', () => {
    expect(parseAgentSessionKey('agent:Main:telegram:direct:1')).toEqual({ agentId: 'main', rest: 'telegram:direct:1' });
    expect(parseAgentSessionKey('global')).toBeNull();
    expect(parseAgentSessionKey('agent:main')).toBeNull();
  });

  it('prints cron, heartbeat and main keys as direct, groups as group (classifySessionKey)', () => {
    expect(sessionKindOf('agent:main:main')).toBe('direct');
    expect(sessionKindOf(cronRunSessionKey('job0', 'x'))).toBe('direct');
    expect(sessionKindOf('agent:main:telegram:group:-100')).toBe('group');
    expect(sessionKindOf('agent:main:slack:channel:c1')).toBe('group');
    expect(sessionKindOf('agent:main:custom', { chatType: 'group' })).toBe('group');
    expect(sessionKindOf('global')).toBe('global');
    expect(sessionKindOf('unknown')).toBe('unknown');
  });

  it('tells 2026.9 maintenance which keys are synthetic (removed first) and which are protected (never evicted)', () => {
    for (const key of ['agent:main:cron:job0', cronRunSessionKey('job0', 'x'), 'agent:main:main:heartbeat', 'agent:main:subagent:1', 'agent:main:hook:1', 'agent:main:acp:1']) {
      expect(isSyntheticSessionKey(key), key).toBe(true);
      expect(isProtectedSessionKey(key), key).toBe(false);
    }
    const protectedKeys = [
      'agent:main:main',
      'global',
      'agent:main:direct:424242',
      'agent:main:telegram:direct:424242',
      'agent:main:telegram:default:direct:424242',
      'agent:main:telegram:group:-100123',
      'agent:main:telegram:group:-100123:topic:7',
      'agent:main:main:thread:t1',
    ];
    for (const key of protectedKeys) expect(isProtectedSessionKey(key), key).toBe(true);
    expect(isProtectedSessionKey('agent:main:openai-user:bob')).toBe(false);
    expect(isProtectedSessionKey('agent:main:openai-user:bob', { chatType: 'group' })).toBe(true);
  });

  it('draws UUID-v4-shaped session ids from the seeded stream, the same for the same seed', () => {
    const first = seededSessionId(createPrng(1).fork('sessions'));
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(seededSessionId(createPrng(1).fork('sessions'))).toBe(first);
    expect(seededSessionId(createPrng(2).fork('sessions'))).not.toBe(first);
  });
});
