import { z } from 'zod';
import {
  boolean, idList, looseObject, nativeSetting, nonEmptyString, nonNegativeInt, number, opaque, positiveInt, positiveNumber,
  ratio, secretInput, string, url,
} from './schema-leaves.ts';

// The outside world the gateway talks to: `models.providers` (zod-schema.core.ts
// ModelsConfigSchema) and `channels.telegram` (zod-schema.providers-core.ts).

/**
 * The `api` kinds OpenClaw accepts: `MODEL_APIS` in openclaw/openclaw@2026.4.12 src/config/types.models.ts,
 * plus the values the docs bundled with openclaw@2026.9.6 add (node_modules/openclaw/docs).
 */
const MODEL_APIS = [
  'openai-completions',
  'openai-responses',
  'openai-codex-responses',
  'openai-chatgpt-responses',
  'anthropic-messages',
  'google-generative-ai',
  'google-vertex',
  'github-copilot',
  'bedrock-converse-stream',
  'ollama',
  'pi-messages',
  'azure-openai-responses',
] as const;

export type ModelApi = (typeof MODEL_APIS)[number];

export function channelsSchema() {
  return looseObject({
    defaults: opaque().optional(),
    telegram: telegramSchema().optional(),
    // Only what decides Discord's slash-command registration (gateway/channels/discord-commands.ts).
    discord: looseObject({
      enabled: boolean().optional(),
      commands: looseObject({ native: nativeSetting().optional(), nativeSkills: nativeSetting().optional() }).optional(),
    }).optional(),
  });
}

export function telegramSchema() {
  return looseObject({
    name: string().optional(),
    enabled: boolean().optional(),
    commands: looseObject({ native: nativeSetting().optional(), nativeSkills: nativeSetting().optional() }).optional(),
    customCommands: z
      .array(looseObject({ command: string(), description: string() }), { error: 'a list of { command, description }' })
      .optional(),
    configWrites: boolean().optional(),
    // zod defaults in OpenClaw's schema, so `config get channels.telegram` shows them.
    dmPolicy: z.enum(['pairing', 'allowlist', 'open', 'disabled']).optional().default('pairing'),
    botToken: secretInput().optional(),
    tokenFile: string().optional(),
    replyToMode: z.enum(['off', 'first', 'all']).optional(),
    groups: opaque().optional(),
    allowFrom: idList().optional(),
    groupAllowFrom: idList().optional(),
    groupPolicy: z.enum(['open', 'disabled', 'allowlist']).optional().default('allowlist'),
    historyLimit: nonNegativeInt().optional(),
    dmHistoryLimit: nonNegativeInt().optional(),
    textChunkLimit: positiveInt().optional(),
    streaming: z.unknown().optional(),
    mediaMaxMb: positiveNumber().optional(),
    timeoutSeconds: positiveInt().optional(),
    retry: looseObject({
      attempts: positiveInt().optional(),
      minDelayMs: nonNegativeInt().optional(),
      maxDelayMs: nonNegativeInt().optional(),
      jitter: ratio().optional(),
    }).optional(),
    network: opaque().optional(),
    proxy: string().optional(),
    // Not in openclaw@2026.2.26, present in 2026.9.6: compare the `config` of the two versions' golden
    // traces (test/golden/openclaw-<version>/all-ok.json).
    apiRoot: url().optional(),
    webhookUrl: url().optional(),
    webhookSecret: secretInput().optional(),
    webhookPath: string().optional(),
    webhookHost: string().optional(),
    webhookPort: positiveInt().optional(),
    accounts: z.record(z.string(), opaque(), { error: 'an object' }).optional(),
  });
}

export function modelsSchema() {
  return looseObject({
    mode: z.enum(['merge', 'replace']).optional(),
    providers: z.record(z.string(), providerSchema(), { error: 'an object of providers' }).optional(),
    bedrockDiscovery: opaque().optional(),
    // 2026.9 only (openclaw@2026.9.6 dist/model-catalog-*.mjs): turns off the catalog.openclaw.ai refresh.
    catalogRefresh: opaque().optional(),
    proxy: string().optional(),
  });
}

export function providerSchema() {
  return looseObject({
    baseUrl: nonEmptyString(),
    apiKey: secretInput().optional(),
    auth: z.enum(['api-key', 'aws-sdk', 'oauth', 'token']).optional(),
    api: z.enum(MODEL_APIS).optional(),
    injectNumCtxForOpenAICompat: boolean().optional(),
    headers: z.record(z.string(), secretInput(), { error: 'an object of header values' }).optional(),
    authHeader: boolean().optional(),
    request: opaque().optional(),
    models: z.array(modelDefinitionSchema(), { error: 'a list of models' }),
  });
}

export function modelDefinitionSchema() {
  return looseObject({
    id: nonEmptyString(),
    name: nonEmptyString(),
    api: z.enum(MODEL_APIS).optional(),
    reasoning: boolean().optional(),
    input: z.array(z.enum(['text', 'image']), { error: 'a list of "text" / "image"' }).optional(),
    cost: looseObject({
      input: number().optional(),
      output: number().optional(),
      cacheRead: number().optional(),
      cacheWrite: number().optional(),
    }).optional(),
    contextWindow: positiveNumber().optional(),
    // Per-model cap on the context actually used (`contextTokens?`, openclaw/openclaw@2026.4.12 src/config/types.models.ts).
    contextTokens: positiveInt().optional(),
    maxTokens: positiveNumber().optional(),
    headers: z.record(z.string(), string(), { error: 'an object of header values' }).optional(),
    compat: opaque().optional(),
    params: opaque().optional(),
  });
}
