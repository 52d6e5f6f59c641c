/**
 * What each agent of a config runs with: its model chain and its heartbeat
 * settings, read from the agent's view of the config (src/config/agents.ts
 * `agentConfigView`: `agents.defaults` with the agent's `model` and
 * `heartbeat` over it). An agent whose view is the config itself runs the
 * gateway's own chain and heartbeat settings, so single-agent configs are
 * untouched.
 */
import { agentConfigView, type AgentVersion } from '../config/agents.ts';
import { effectiveSettings, type EffectiveSettings } from '../config/effective.ts';
import { configuredScope, modelKey, resolveModelChain, resolveModelRef } from '../config/model-ref.ts';
import type { RuntimeDefaults } from '../config/runtime-defaults.ts';
import type { OpenClawConfig } from '../config/schema.ts';

export type AgentRuntime = {
  readonly id: string;
  /** The candidates a turn of this agent runs through, as `provider/model` keys (primary first). */
  readonly chain: readonly string[];
  readonly heartbeat: EffectiveSettings['heartbeat'];
  /** `heartbeat.model` resolved as the agent's fallbacks are (its primary's provider and aliases), or null. */
  readonly heartbeatModel: string | null;
};

/** The gateway's lookup of agents by id, each resolved once. */
export function createAgentRuntimes(
  config: OpenClawConfig,
  version: AgentVersion & { readonly runtimeDefaults: RuntimeDefaults },
  gateway: { readonly chain: readonly string[]; readonly heartbeat: EffectiveSettings['heartbeat'] },
): (agentId: string) => AgentRuntime {
  const runtimes = new Map<string, AgentRuntime>();
  return (agentId) => {
    let runtime = runtimes.get(agentId);
    if (runtime === undefined) runtimes.set(agentId, (runtime = resolveRuntime(agentId)));
    return runtime;
  };

  function resolveRuntime(agentId: string): AgentRuntime {
    const view = agentConfigView(config, agentId, version);
    const rules = version.modelRefs;
    const own = view !== config;
    const chain = own ? resolveModelChain(view, rules).map((ref) => modelKey(ref, rules)) : gateway.chain;
    const heartbeat = own ? effectiveSettings(view, version.runtimeDefaults).heartbeat : gateway.heartbeat;
    const ref = heartbeat.model === null ? null : resolveModelRef(heartbeat.model, configuredScope(view, rules));
    return { id: agentId, chain, heartbeat, heartbeatModel: ref === null ? null : modelKey(ref, rules) };
  }
}
