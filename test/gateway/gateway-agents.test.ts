/**
 * A multi-agent config in the embedded gateway: a message runs on the agent its binding names
 * (or the default agent), with that agent's model chain, in that agent's session; heartbeats run
 * for the agents OpenClaw runs them for, on their own heartbeat model.
 */
import { describe, expect, it } from 'vitest';
import { createPrng, createVirtualClock, type VirtualClock } from '../../src/clock/index.ts';
import { loadConfig, parseConfigText } from '../../src/config/index.ts';
import { createGateway, type Gateway } from '../../src/gateway/gateway.ts';
import { PROFILES, type ProfileName } from '../../src/gateway/profiles/index.ts';
import { injectMessage } from '../../mocks/telegram/state.ts';
import { createMockWorld, type MockWorld } from '../../mocks/world.ts';

type Rig = { clock: VirtualClock; world: MockWorld; gateway: Gateway };

/** feb27-after.json5 (Gemini Flash first, heartbeat on Kimi) with `agents.list` and `bindings` added. */
async function rig(agents: { list: unknown[]; bindings?: unknown[] }, options: { profile?: ProfileName; heartbeatHasTasks?: boolean } = {}): Promise<Rig> {
  const clock = createVirtualClock();
  const world = createMockWorld({ clock, seed: 5 });
  const raw = structuredClone((await loadConfig('scenarios/configs/feb27-after.json5')).raw) as any;
  raw.agents.list = agents.list;
  if (agents.bindings !== undefined) raw.bindings = agents.bindings;
  const config = parseConfigText(JSON.stringify(raw), 'agents.json5').config;
  const host = { heartbeatHasTasks: options.heartbeatHasTasks ?? false };
  const gateway = createGateway({ config, profile: PROFILES[options.profile ?? '2026.2'], clock, fetch: world.fetch, rng: createPrng(5), host });
  const started = gateway.start();
  await clock.advanceBy(1_000);
  await started;
  return { clock, world, gateway };
}

const write = (r: Rig, text: string, userId = 424242) => injectMessage(r.world.telegram.state, r.clock, { from: { id: userId, firstName: `User ${userId}` }, text });
const modelsCalled = (r: Rig) => [...new Set(r.world.journal.where(() => true).map((entry) => entry.model))];
const CODER = { id: 'coder', model: { primary: 'openai/gpt-5.2', fallbacks: ['moonshot/kimi-k2-thinking'] } };

describe('a multi-agent config in the gateway', () => {
  it('runs a Telegram message bound to an agent on that agent’s model, in that agent’s session', async () => {
    const r = await rig({ list: [{ id: 'main', default: true }, CODER], bindings: [{ agentId: 'coder', match: { channel: 'telegram' } }] });
    write(r, 'Review this diff, please.');
    await r.clock.advanceBy(30_000);
    expect(modelsCalled(r)).toEqual(['gpt-5.2']);
    expect(r.gateway.deliveries).toMatchObject([{ kind: 'reply', modelRef: 'openai/gpt-5.2' }]);
    expect(r.gateway.store.get('agent:coder:main')).toMatchObject({ modelProvider: 'openai', model: 'gpt-5.2' });
    expect(r.gateway.store.get('agent:main:main')).toBeUndefined();
    await r.gateway.stop();
  });

  it('runs a sender without a binding of its own on the default agent’s chain', async () => {
    const peerBinding = { agentId: 'coder', match: { channel: 'telegram', peer: { kind: 'direct', id: '424242' } } };
    const r = await rig({ list: [{ id: 'main', default: true }, CODER], bindings: [peerBinding] });
    write(r, 'Hello from someone else', 424243);
    await r.clock.advanceBy(30_000);
    expect(modelsCalled(r)).toEqual(['gemini-2.5-flash']);
    expect(r.gateway.store.get('agent:main:main')).toBeDefined();
    await r.gateway.stop();
  });

  it('sends the direct entry to the default agent’s main session, on its chain', async () => {
    const r = await rig({ list: [{ id: 'main' }, { id: 'ops', default: true, model: { primary: 'xai/grok-3', fallbacks: [] } }] });
    r.gateway.sendDirect({ id: 1, senderId: 1, text: 'status report' });
    await r.clock.advanceBy(30_000);
    expect(modelsCalled(r)).toEqual(['grok-3']);
    expect(r.gateway.store.get('agent:ops:main')).toMatchObject({ model: 'grok-3' });
    expect(r.gateway.messageFates).toMatchObject([{ updateId: 1, fate: 'replied' }]);
    await r.gateway.stop();
  });

  it('refuses the direct entry on 2026.9 when several agents are listed and none is the default: no model is called', async () => {
    const r = await rig({ list: [{ id: 'ceo' }, CODER] }, { profile: '2026.9' });
    r.gateway.sendDirect({ id: 1, senderId: 1, text: 'status report' });
    await r.clock.advanceBy(30_000);
    expect(modelsCalled(r)).toEqual([]);
    expect(r.gateway.messageFates).toMatchObject([{ updateId: 1, fate: 'dropped', reason: 'turn-failed', detail: expect.stringContaining('no explicit owner') }]);
    await r.gateway.stop();
  });

  it('runs the heartbeat only for the agent with a heartbeat block, on that block’s model', async () => {
    const coder = { ...CODER, heartbeat: { every: '30m', model: 'xai/grok-3' } };
    const r = await rig({ list: [{ id: 'main', default: true }, coder] }, { heartbeatHasTasks: true });
    await r.clock.advanceBy(31 * 60_000);
    expect(modelsCalled(r)).toEqual(['grok-3']);
    expect(r.gateway.stats.heartbeatTurns).toBe(1);
    await r.gateway.stop();
  });
});
