import { parseConfigPath } from './path.ts';

/**
 * What `config get <path>` found. A missing path is an ordinary outcome, not a `UserError`:
 * OpenClaw prints `Config path not found: <path>` to stderr and exits 1
 * (openclaw/openclaw@2026.4.12 src/cli/config-cli.ts runConfigGet), and so should we.
 */
export type ConfigPathResult =
  | { found: true; path: string; value: unknown }
  | { found: false; path: string; message: string };

/**
 * Looks up a dot/bracket path (`agents.list[0].id`, `models.providers.google.models[1].id`,
 * `models.providers["my.proxy"].baseUrl`) in a config. Only own keys count, so `toString` or
 * `constructor` are "not found" rather than a function. A syntactically bad path throws a
 * `UserError` (parseConfigPath).
 *
 * Pass `redact(config)` when the value will be printed.
 */
export function getConfigPath(config: unknown, path: string): ConfigPathResult {
  let current: unknown = config;
  for (const segment of parseConfigPath(path)) {
    const next = child(current, segment);
    if (next === undefined) return { found: false, path, message: `Config path not found: ${path}` };
    current = next;
  }
  return { found: true, path, value: current };
}

/**
 * Formats a value like `openclaw config get`: scalars raw (`4`, `enforce`, `true`), objects and
 * arrays as 2-space JSON. No trailing newline; the CLI adds it.
 */
export function formatConfigValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  return JSON.stringify(value, null, 2);
}

// Arrays take numbers (`fallbacks[0]`) and numeric keys (`fallbacks.0`); objects take any own key.
function child(value: unknown, segment: string | number): unknown {
  if (Array.isArray(value)) {
    const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
    return index >= 0 && index < value.length ? value[index] : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const key = String(segment);
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}
