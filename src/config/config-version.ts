/**
 * What config/ needs to know of an OpenClaw version to read a config as that
 * version runs it: its runtime defaults and how it resolves model refs. A
 * version profile (src/gateway/profiles/) carries both.
 */
import type { AgentRules } from './agents.ts';
import type { ModelRefRules } from './model-ref.ts';
import type { RuntimeDefaults } from './runtime-defaults.ts';

export type ConfigVersion = {
  readonly runtimeDefaults: RuntimeDefaults;
  readonly modelRefs: ModelRefRules;
  /** How `agents.list` is read: the default agent, an agent model's inherited fallbacks, heartbeat agents. */
  readonly agents: AgentRules;
};
