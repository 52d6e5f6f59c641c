import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.ts';
import { defaultAgentRoute, resolveAgentRoute } from '../../src/gateway/agent-route.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';

// Expected values are what resolveAgentRoute returns in the pinned dists for the same config and
// message (2026.2.26 dist/resolve-route-CRfTFFRh.js; 2026.9.6 dist/resolve-route-6ukGCxYl.mjs).

const V2 = PROFILES['2026.2'];
const V9 = PROFILES['2026.9'];
const AGENTS = `agents: { list: [{ id: "main", default: true }, { id: "ceo" }, { id: "coder" }] }`;
const configOf = (bindings: string) => parseConfigText(`{ ${AGENTS}, bindings: ${bindings} }`, 'route.json5').config;
const dm = (id: string) => ({ channel: 'telegram', peer: { kind: 'direct' as const, id } });

describe('resolveAgentRoute', () => {
  it('sends a message no binding matches to the default agent', () => {
    const route = resolveAgentRoute(configOf(`[{ agentId: "ceo", match: { channel: "slack" } }]`), V2, dm('42'));
    expect(route).toEqual({ kind: 'agent', agentId: 'main', matchedBy: 'default' });
  });

  it('binds a whole channel with a binding that names only the channel (its account is `default`)', () => {
    const route = resolveAgentRoute(configOf(`[{ agentId: "ceo", match: { channel: "Telegram" } }]`), V2, dm('42'));
    expect(route).toEqual({ kind: 'agent', agentId: 'ceo', matchedBy: 'binding.account' });
  });

  it('skips a binding for another account of the channel', () => {
    const route = resolveAgentRoute(configOf(`[{ agentId: "ceo", match: { channel: "telegram", accountId: "emba" } }]`), V2, dm('42'));
    expect(route).toMatchObject({ agentId: 'main', matchedBy: 'default' });
  });

  it('lets a peer binding beat a channel binding listed before it', () => {
    const config = configOf(`[{ agentId: "ceo", match: { channel: "telegram" } }, { agentId: "coder", match: { channel: "telegram", peer: { kind: "dm", id: "42" } } }]`);
    expect(resolveAgentRoute(config, V2, dm('42'))).toEqual({ kind: 'agent', agentId: 'coder', matchedBy: 'binding.peer' });
    expect(resolveAgentRoute(config, V2, dm('43'))).toEqual({ kind: 'agent', agentId: 'ceo', matchedBy: 'binding.account' });
  });

  it('matches `accountId: "*"` only after every binding of the account itself', () => {
    const config = configOf(`[{ agentId: "ceo", match: { channel: "telegram", accountId: "*" } }, { agentId: "coder", match: { channel: "telegram", accountId: "default" } }]`);
    expect(resolveAgentRoute(config, V9, dm('42'))).toMatchObject({ agentId: 'coder', matchedBy: 'binding.account' });
  });

  it('treats `peer.id: "*"` as every peer of its kind on 2026.9 and as a peer named `*` on 2026.2', () => {
    const config = configOf(`[{ agentId: "coder", match: { channel: "telegram", peer: { kind: "direct", id: "*" } } }]`);
    expect(resolveAgentRoute(config, V9, dm('42'))).toMatchObject({ agentId: 'coder', matchedBy: 'binding.peer.wildcard' });
    expect(resolveAgentRoute(config, V2, dm('42'))).toMatchObject({ agentId: 'main', matchedBy: 'default' });
  });

  it('sends a binding to an undeclared agent to the default agent on 2026.2 and refuses it on 2026.9', () => {
    const config = configOf(`[{ agentId: "ghost", match: { channel: "telegram" } }]`);
    expect(resolveAgentRoute(config, V2, dm('42'))).toMatchObject({ kind: 'agent', agentId: 'main' });
    expect(resolveAgentRoute(config, V9, dm('42'))).toMatchObject({ kind: 'refused', reason: expect.stringContaining('Update the binding agentId "ghost"') });
  });
});

describe('defaultAgentRoute (openclaw agent --message)', () => {
  it('runs on the default agent', () => {
    expect(defaultAgentRoute(configOf('[]'), V9.agents)).toEqual({ kind: 'agent', agentId: 'main', matchedBy: 'default' });
  });

  it('is refused on 2026.9 when several agents are listed and none is the default', () => {
    const config = parseConfigText(`{ agents: { list: [{ id: "ceo" }, { id: "coder" }] } }`, 'route.json5').config;
    expect(defaultAgentRoute(config, V9.agents)).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/^Multiple agents are configured \(ceo, coder\)/) });
  });
});
