/**
 * The openclaw.json a real gateway under test runs with: the user's config
 * (raw JSON5, as written), every provider's baseUrl pointed at the mocks, and
 * the settings that keep a run offline and self-contained forced on:
 *
 * - gateway: `mode: "local"` (required by `gateway run`), loopback, a token.
 * - `update.checkOnStart: false` (the startup update check, both versions).
 * - 2026.9.6 only (strict schema: 2026.2.26 refuses unknown keys):
 *   `models.catalogRefresh.enabled: false` (catalog.openclaw.ai) and
 *   `telemetry.enabled: false`.
 * - `logging.file` inside the run directory: the default /tmp/openclaw/… is
 *   shared by every OpenClaw on the host.
 * - Telegram: `apiRoot` at the mock where the version has the key; otherwise
 *   left alone (api.telegram.org resolves to the TLS mock in the namespace).
 *   The bot token is replaced by the mock's.
 * - the agent workspace inside the throwaway HOME.
 */
import { UserError } from '../errors.ts';
import type { OpenclawVersion } from './versions.ts';

/** Mock mount for each real API host, as `quotastorm mocks serve` serves them (mocks/world.ts MOUNTS). */
const MOUNT_BY_HOST: Readonly<Record<string, { mount: string; path: string }>> = {
  'generativelanguage.googleapis.com': { mount: 'google', path: '/v1beta' },
  'api.openai.com': { mount: 'openai', path: '/v1' },
  'api.anthropic.com': { mount: 'anthropic', path: '' },
  'api.moonshot.ai': { mount: 'moonshot', path: '/v1' },
  'api.moonshot.cn': { mount: 'moonshot', path: '/v1' },
  'api.x.ai': { mount: 'xai', path: '/v1' },
};

/** When the baseUrl names no known host (a proxy, a relative mock URL), the API kind decides. */
const MOUNT_BY_API: Readonly<Record<string, { mount: string; path: string }>> = {
  'google-generative-ai': { mount: 'google', path: '/v1beta' },
  'openai-completions': { mount: 'openai', path: '/v1' },
  'openai-responses': { mount: 'openai', path: '/v1' },
  'anthropic-messages': { mount: 'anthropic', path: '' },
};

const GATEWAY_PORT = 18789;
export const GATEWAY_TOKEN = 'quotastorm-gateway-token';
export const TELEGRAM_BOT_TOKEN = '123456:QUOTASTORM-FAKE-TOKEN';

export type GatewayConfigOptions = {
  readonly version: OpenclawVersion;
  /** Telegram user ids the case writes as: allow-listed so their DMs reach the agent (default: none added). */
  readonly telegramUsers?: readonly number[];
  /** `http://127.0.0.1:<port>` of the mock server. */
  readonly mockUrl: string;
  readonly logFile: string;
  readonly workspaceDir: string;
};

type Json = Record<string, unknown>;

export function gatewayConfig(userConfig: unknown, options: GatewayConfigOptions): Json {
  if (!isObject(userConfig)) throw new UserError('The OpenClaw config must be a JSON5 object.');
  const config = structuredClone(userConfig);
  const { version, mockUrl } = options;

  const models = object(config, 'models');
  const providers = object(models, 'providers');
  if (Object.keys(providers).length === 0) throw new UserError('The OpenClaw config has no models.providers: nothing to point at the mocks.');
  for (const [id, provider] of Object.entries(providers)) {
    if (!isObject(provider)) continue;
    provider['baseUrl'] = mockBaseUrl(id, provider, mockUrl);
  }
  models['mode'] = models['mode'] ?? 'replace';
  if (version.hasCatalogRefresh) object(models, 'catalogRefresh')['enabled'] = false;

  Object.assign(object(config, 'gateway'), {
    mode: 'local',
    port: GATEWAY_PORT,
    bind: 'loopback',
    auth: { mode: 'token', token: GATEWAY_TOKEN },
  });
  object(config, 'update')['checkOnStart'] = false;
  if (version.hasTelemetryConfig) object(config, 'telemetry')['enabled'] = false;
  object(config, 'logging')['file'] = options.logFile;

  const telegram = object(object(config, 'channels'), 'telegram');
  telegram['enabled'] = telegram['enabled'] ?? true;
  telegram['botToken'] = TELEGRAM_BOT_TOKEN;
  if (version.telegram === 'api-root') telegram['apiRoot'] = `${mockUrl}/telegram`;
  else delete telegram['apiRoot'];
  if (options.telegramUsers && options.telegramUsers.length > 0) {
    // A user's own config may use pairing (the default) or list other ids: the case's users must get through.
    telegram['dmPolicy'] = 'allowlist';
    const allowed = Array.isArray(telegram['allowFrom']) ? (telegram['allowFrom'] as unknown[]).map(String) : [];
    telegram['allowFrom'] = [...new Set([...allowed, ...options.telegramUsers.map(String)])];
  }

  object(object(config, 'agents'), 'defaults')['workspace'] = options.workspaceDir;
  return config;
}

function mockBaseUrl(id: string, provider: Json, mockUrl: string): string {
  const baseUrl = typeof provider['baseUrl'] === 'string' ? provider['baseUrl'] : '';
  let host = '';
  try {
    host = new URL(baseUrl).hostname;
  } catch {
    // Not absolute: the API kind decides.
  }
  const target = MOUNT_BY_HOST[host] ?? MOUNT_BY_API[String(provider['api'] ?? '')];
  if (target === undefined) {
    throw new UserError(
      `models.providers.${id}: no quotastorm mock for baseUrl "${baseUrl}" with api "${String(provider['api'])}". ` +
        `Mocked hosts: ${Object.keys(MOUNT_BY_HOST).join(', ')}; APIs: ${Object.keys(MOUNT_BY_API).join(', ')}.`,
    );
  }
  return `${mockUrl}/${target.mount}${target.path}`;
}

/** Deep merge for case overrides: objects merge, everything else (arrays too) replaces; `null` deletes. */
export function mergeConfig(base: unknown, override: unknown): unknown {
  if (!isObject(base) || !isObject(override)) return structuredClone(override);
  const merged: Json = structuredClone(base);
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete merged[key];
    else merged[key] = key in merged ? mergeConfig(merged[key], value) : structuredClone(value);
  }
  return merged;
}

function object(parent: Json, key: string): Json {
  const value = parent[key];
  if (isObject(value)) return value;
  const created: Json = {};
  parent[key] = created;
  return created;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
