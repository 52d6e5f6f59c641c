import { describe, expect, it } from 'vitest';
import { agentConfigView, heartbeatAgentIds, resolveDefaultAgentId } from '../../src/config/agents.ts';
import { effectiveSettings } from '../../src/config/effective.ts';
import { parseConfigText } from '../../src/config/load.ts';
import { modelKey, resolveModelChain } from '../../src/config/model-ref.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';

// Each expected value is what the pinned dist returns for the same config (src/config/agents.ts names
// the functions: 2026.2.26 agent-scope / resolveFallbackCandidates / health; 2026.9.6 agent-scope-config /
// agent-scope / model-fallback-candidates / heartbeat-config).

const V2 = PROFILES['2026.2'];
const V9 = PROFILES['2026.9'];

const configOf = (json5: string) => parseConfigText(json5, 'agents.json5').config;

const DEFAULTS = `defaults: { model: { primary: "google/gemini-2.5-flash", fallbacks: ["google/gemini-2.5-pro", "openai/gpt-5.2"] } }`;

function chainOf(json5: string, agentId: string, version: typeof V2): string[] {
  const view = agentConfigView(configOf(json5), agentId, version);
  return resolveModelChain(view, version.modelRefs).map((ref) => modelKey(ref, version.modelRefs));
}

describe('the default agent', () => {
  it('is main for a config without agents.list, in both versions', () => {
    const config = configOf(`{ agents: { ${DEFAULTS} } }`);
    expect([resolveDefaultAgentId(config, V2.agents), resolveDefaultAgentId(config, V9.agents)]).toEqual(['main', 'main']);
  });

  it('is the first entry marked default, over an earlier unmarked one, in both versions', () => {
    const config = configOf(`{ agents: { list: [{ id: "main" }, { id: "Coder", default: true }] } }`);
    expect([resolveDefaultAgentId(config, V2.agents), resolveDefaultAgentId(config, V9.agents)]).toEqual(['coder', 'coder']);
  });

  it('is the first entry when none is marked on 2026.2, and none on 2026.9 when several agents are listed', () => {
    const config = configOf(`{ agents: { list: [{ id: "ceo" }, { id: "coder" }] } }`);
    expect(resolveDefaultAgentId(config, V2.agents)).toBe('ceo');
    expect(resolveDefaultAgentId(config, V9.agents)).toBeNull();
  });

  it('is the sole agent on 2026.9 even when it is not marked', () => {
    expect(resolveDefaultAgentId(configOf(`{ agents: { list: [{ id: "solo" }] } }`), V9.agents)).toBe('solo');
  });
});

describe('an agent’s model chain', () => {
  it('is the defaults’ chain for an agent without a model', () => {
    const json5 = `{ agents: { ${DEFAULTS}, list: [{ id: "main" }] } }`;
    expect(chainOf(json5, 'main', V2)).toEqual(['google/gemini-2.5-flash', 'google/gemini-2.5-pro', 'openai/gpt-5.2']);
  });

  it('is the agent’s own primary and fallbacks when it lists fallbacks, in both versions', () => {
    const json5 = `{ agents: { ${DEFAULTS}, list: [{ id: "coder", model: { primary: "anthropic/claude-haiku-4-5", fallbacks: ["xai/grok-3"] } }] } }`;
    expect(chainOf(json5, 'coder', V2)).toEqual(['anthropic/claude-haiku-4-5', 'xai/grok-3']);
    expect(chainOf(json5, 'coder', V9)).toEqual(['anthropic/claude-haiku-4-5', 'xai/grok-3']);
  });

  it('keeps the defaults’ fallbacks, then the defaults’ primary, for a model string on the defaults’ provider (2026.2)', () => {
    const json5 = `{ agents: { ${DEFAULTS}, list: [{ id: "coder", model: "google/gemini-2.5-flash-lite" }] } }`;
    expect(chainOf(json5, 'coder', V2)).toEqual(['google/gemini-2.5-flash-lite', 'google/gemini-2.5-pro', 'openai/gpt-5.2', 'google/gemini-2.5-flash']);
  });

  it('drops the defaults’ fallbacks for a model string on another provider but still ends on the defaults’ primary (2026.2)', () => {
    const json5 = `{ agents: { ${DEFAULTS}, list: [{ id: "coder", model: "anthropic/claude-haiku-4-5" }] } }`;
    expect(chainOf(json5, 'coder', V2)).toEqual(['anthropic/claude-haiku-4-5', 'google/gemini-2.5-flash']);
  });

  it('runs a model string alone, with no fallbacks at all (2026.9)', () => {
    const json5 = `{ agents: { ${DEFAULTS}, list: [{ id: "coder", model: "google/gemini-2.5-flash-lite" }] } }`;
    expect(chainOf(json5, 'coder', V9)).toEqual(['google/gemini-2.5-flash-lite']);
  });
});

describe('heartbeats', () => {
  it('run for the default agent only when no agent has a heartbeat block (2026.2)', () => {
    const config = configOf(`{ agents: { defaults: { heartbeat: { every: "30m" } }, list: [{ id: "ceo" }, { id: "coder" }] } }`);
    expect(heartbeatAgentIds(config, V2.agents)).toEqual(['ceo']);
  });

  it('run for every agent once agents.defaults.heartbeat is set (2026.9)', () => {
    const config = configOf(`{ agents: { defaults: { heartbeat: { every: "30m" } }, list: [{ id: "ceo" }, { id: "coder" }] } }`);
    expect(heartbeatAgentIds(config, V9.agents)).toEqual(['ceo', 'coder']);
  });

  it('run only for the agents with a heartbeat block once one has it, in both versions', () => {
    const config = configOf(`{ agents: { list: [{ id: "ceo", default: true }, { id: "coder", heartbeat: { every: "1h" } }] } }`);
    expect([heartbeatAgentIds(config, V2.agents), heartbeatAgentIds(config, V9.agents)]).toEqual([['coder'], ['coder']]);
  });

  it('take the agent’s own heartbeat keys over the defaults’, key by key, and its primary as the default model', () => {
    const json5 = `{ agents: { defaults: { model: "google/gemini-2.5-flash", heartbeat: { every: "30m", lightContext: true } },
      list: [{ id: "coder", model: { primary: "anthropic/claude-haiku-4-5" }, heartbeat: { every: "2h" } }] } }`;
    const heartbeat = effectiveSettings(agentConfigView(configOf(json5), 'coder', V2), V2.runtimeDefaults).heartbeat;
    expect(heartbeat).toMatchObject({ everyMs: 2 * 3_600_000, lightContext: true, model: 'anthropic/claude-haiku-4-5' });
  });
});
