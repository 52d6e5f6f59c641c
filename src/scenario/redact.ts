/**
 * Secrets out of everything a run writes or prints. The config's own secret
 * values (API keys, bot tokens) are known exactly, so they are replaced
 * wherever they were echoed — a Telegram URL carries the bot token, an SDK
 * error may quote a key — and anything key-shaped goes too (config/redact.ts).
 */
import type { LoadedConfig } from '../config/load.ts';
import { collectSecrets, redactText } from '../config/redact.ts';

/** The config's secrets, as written and as loaded (an `${ENV}` reference is only a secret once substituted). */
export function secretsOf(loaded: LoadedConfig): string[] {
  // A value from a .env file may have filled any `${VAR}`: each is treated as a secret (config/dotenv.ts).
  return [...new Set([...collectSecrets(loaded.raw), ...collectSecrets(loaded.config), ...(loaded.dotEnvSecrets ?? [])])];
}

/** A deep copy of `value` with every string passed through `redactText`. */
export function redactStrings<T>(value: T, secrets: readonly string[]): T {
  return redactValue(value, secrets) as T;
}

function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, redactValue(child, secrets)]));
  }
  return value;
}
