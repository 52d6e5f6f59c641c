/**
 * What a version rewrites in memory before it validates a config: keys it moved, read in their
 * new place so the schema does not refuse them. 2026.9.6 `prepareConfigObjectWithPlugins`
 * (dist/io.snapshot-preparation-B6fMdY05.mjs) runs `migrateLegacyContextBudgetConfig` and then
 * `migratePersistedImplicitMainRoster` (dist/legacy.roster-zIYbDm7V.mjs) before
 * `validateConfigObjectRaw`; 2026.2.26 validates the file as written (its legacy keys are refused,
 * legacy-keys.ts). Only the moves that decide whether the schema accepts the config are modelled:
 * the roster migration's workspace pin and default-agent roles insert keys the schema declares.
 */
type Migration = (raw: unknown) => unknown;

/** The migrations each release runs before its schema, in its order; a release not listed runs none. */
const PRE_VALIDATION_MIGRATIONS: Readonly<Record<string, readonly Migration[]>> = {
  '2026.9.6': [migrateLegacyContextBudget, migrateAgentListToEntries],
};

/** The object the release's schema sees. */
export function migrateForValidation(raw: unknown, release: string): unknown {
  return (PRE_VALIDATION_MIGRATIONS[release] ?? []).reduce((value, migrate) => migrate(value), raw);
}

/**
 * `migrateLegacyContextBudgetConfig`: a provider-level `contextTokens`/`contextWindow` moves onto
 * each of its models that lacks one (or is dropped with a warning when it has none), and an
 * agent's `contextTokens` is dropped.
 */
function migrateLegacyContextBudget(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const next = structuredClone(raw);
  const providers = isRecord(next['models']) ? next['models']['providers'] : undefined;
  if (isRecord(providers)) {
    for (const provider of Object.values(providers)) {
      if (!isRecord(provider)) continue;
      for (const key of ['contextTokens', 'contextWindow']) {
        if (!Object.hasOwn(provider, key)) continue;
        const models = provider['models'];
        if (Array.isArray(models)) for (const model of models) if (isRecord(model) && model[key] === undefined) model[key] = provider[key];
        delete provider[key];
      }
    }
  }
  const agents = next['agents'];
  if (isRecord(agents)) {
    if (isRecord(agents['defaults'])) delete agents['defaults']['contextTokens'];
    const entries = agents['entries'];
    if (isRecord(entries)) for (const entry of Object.values(entries)) if (isRecord(entry)) delete entry['contextTokens'];
    const list = agents['list'];
    if (Array.isArray(list)) for (const entry of list) if (isRecord(entry)) delete entry['contextTokens'];
  }
  return next;
}

/**
 * `migratePersistedImplicitMainRoster`: `agents.list` becomes `agents.entries` keyed by id, when
 * every item is an object whose `id` is already a normalized agent id (`parseLegacyAgentRoster`);
 * otherwise the list stays, and the schema refuses it.
 */
function migrateAgentListToEntries(raw: unknown): unknown {
  if (!isRecord(raw) || !isRecord(raw['agents'])) return raw;
  const { list, ...agents } = raw['agents'];
  const entries = rosterOf(list);
  return entries === undefined ? raw : { ...raw, agents: { ...agents, entries } };
}

// A normalized agent id as written (`normalizeAgentId(id) === id`, dist/agent-id-GA8mwdTG.mjs): lowercase [a-z0-9_-], at most 64 characters.
const AGENT_ID = /^[a-z0-9_][a-z0-9_-]{0,63}$/;

function rosterOf(list: unknown): Record<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined;
  const entries: Record<string, unknown> = {};
  for (const item of list) {
    if (!isRecord(item)) return undefined;
    const { id, ...config } = item;
    if (typeof id !== 'string' || !AGENT_ID.test(id) || Object.hasOwn(entries, id)) return undefined;
    entries[id] = config;
  }
  return entries;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
