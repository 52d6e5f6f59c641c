/**
 * Everything that differs between pinned OpenClaw versions, as one typed
 * value per version (one file each beside this one). Every field is data, or
 * a small function where data cannot say it; no code branches on a version's
 * name. A version file that leaves a field out does not compile.
 *
 * Each value cites what it rests on: the pinned version's shipped code (its
 * `dist/`, installed by `quotastorm gateway install`), its golden traces
 * (test/golden/openclaw-<version>/), or the public docs of that release.
 */
import type { AgentRules } from '../../config/agents.ts';
import type { ProviderCatalog } from '../../config/catalog/index.ts';
import type { ModelRegistryRules } from '../../config/catalog/model-registry.ts';
import type { ModelRefRules } from '../../config/model-ref.ts';
import type { RuntimeDefaults } from '../../config/runtime-defaults.ts';
import type { AgentRouteRules } from '../agent-route.ts';
import type { CommandCatalogSpec, SkillSpec } from '../channels/commands-catalog.ts';
import type { TelegramBehaviour } from '../channels/telegram-behaviour.ts';
import type { ActivityRecapBehaviour } from '../activity-recap.ts';
import type { CompactionBehaviour } from '../compaction.ts';
import type { MemoryFlushBehaviour } from '../memory-flush.ts';
import type { ReplyTrim } from '../reply-text.ts';
import type { DecisionLines } from '../router/decision-log.ts';
import type { RoutingBehaviour } from '../router/routing-behaviour.ts';
import type { EnvRules } from '../../config/env-substitution.ts';
import type { LegacyRefusal } from '../../config/legacy-keys.ts';
import type { MaintenanceOrder } from '../sessions/maintenance-plan.ts';

export type VersionProfile = {
  /** What scenarios and `--profile` call it: the version's year.month. */
  readonly name: string;
  /** The release it was calibrated on, as `quotastorm gateway install` and the golden traces name it. */
  readonly release: string;
  /** Defaults applied at runtime that `config get` does not print. */
  readonly runtimeDefaults: RuntimeDefaults;
  /** How a `provider/model` ref, a bare id or an alias resolves: default provider, normalization, aliases. */
  readonly modelRefs: ModelRefRules;
  /** What a `${VAR}` in the config whose variable is unset does: refuse the config or keep it as written. */
  readonly configEnv: EnvRules;
  /** The text it refuses a config with keys of an older layout (`agent`, top-level `telegram`, …) with. */
  readonly legacyConfigRefusal: LegacyRefusal;
  /** The built-in providers and models a config may name without declaring them (src/config/catalog/). */
  readonly catalog: ProviderCatalog;
  /** `agents.list`: the default agent, an agent model's inherited fallbacks, who runs heartbeats. */
  readonly agents: AgentRules;
  /** `bindings`: which binding tiers exist and what a binding to an undeclared agent does. */
  readonly agentRouting: AgentRouteRules;
  /** What resolves beyond the catalog (declared providers, OpenRouter, forward-compat ids) and the `Unknown model` text. */
  readonly modelRegistry: ModelRegistryRules;
  /** Retries, failover, cooldown scope and the texts of a failed turn. */
  readonly routing: RoutingBehaviour;
  /** The gateway log lines for each routing and compaction decision. */
  readonly decisionLines: DecisionLines;
  /** What compaction does when its summary calls fail, and how large a summary may be. */
  readonly compaction: CompactionBehaviour;
  /** The pre-compaction memory flush after a delivered reply, or none. */
  readonly memoryFlush: MemoryFlushBehaviour | null;
  /** The utility model's recap of each session as its transcript grows (2026.9), or none. */
  readonly activityRecap: ActivityRecapBehaviour | null;
  /** How a reply's text is trimmed before delivery; the transcript keeps it untrimmed. */
  readonly replyTrim: ReplyTrim;
  /** Whether cache-ttl context pruning applies to OpenAI's models too. */
  readonly cacheTtlPruningForOpenAI: boolean;
  /** Which sessions maintenance may evict, and how. */
  readonly maintenanceOrder: MaintenanceOrder;
  /** Where `openclaw sessions` reads the store from: sessions.json or the agent's SQLite database. */
  readonly sessionStore: 'sessions-json' | 'sqlite';
  /** Startup calls, menu sync, typing, send paths and log lines of the Telegram channel. */
  readonly telegram: TelegramBehaviour;
  /** The version's native, alias and plugin commands, and the menu's order. */
  readonly commands: CommandCatalogSpec;
  /** The skills its package bundles, for scenarios whose host has them all eligible. */
  readonly bundledSkills: readonly SkillSpec[];
};
