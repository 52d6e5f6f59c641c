import { z } from 'zod';
import { DURATION_DEFAULT_UNITS, describeDuration } from './duration.ts';
import { agentsSchema, bindingsSchema } from './schema-agents.ts';
import {
  boolean, durationString, looseObject, nonEmptyString, nonNegativeInt, opaque, positiveInt, positiveNumber, secretInput,
  string, stringList, url,
} from './schema-leaves.ts';
import { channelsSchema, modelDefinitionSchema, modelsSchema, providerSchema, telegramSchema } from './schema-providers.ts';
import { commandsSchema, messagesSchema, sessionSchema } from './schema-session.ts';

export type { ModelApi } from './schema-providers.ts';

/**
 * The keys of OpenClaw's `openclaw.json` that the embedded gateway models, as zod 4 schemas.
 *
 * Shapes, key order and zod defaults follow OpenClaw's own schema (`src/config/zod-schema*.ts`
 * in openclaw/openclaw, read at 2026.4.12), with two deliberate
 * differences:
 * - Objects are loose: a key quotastorm does not know passes through and `unknown-keys.ts` warns,
 *   where OpenClaw (strict) refuses to start. Users bring configs from many versions.
 * - Sections OpenClaw has but the gateway does not simulate (`gateway`, `tools`, `plugins`, …)
 *   are `opaque()`: any object, contents neither checked nor warned about.
 *
 * Leaves (schema-leaves.ts) carry their own "expected …" phrase as the zod error. Key order
 * matters: zod outputs known keys in shape order, which is the order `config get` prints them,
 * so shapes mirror OpenClaw's. The sections live beside this file, split as OpenClaw splits its
 * own schema: schema-agents.ts, schema-session.ts, schema-providers.ts.
 */
export const OpenClawConfigSchema = looseObject({
  $schema: z.string().optional(),
  meta: opaque().optional(),
  env: opaque().optional(),
  wizard: opaque().optional(),
  diagnostics: opaque().optional(),
  logging: loggingSchema().optional(),
  cli: opaque().optional(),
  update: updateSchema().optional(),
  telemetry: opaque().optional(),
  browser: opaque().optional(),
  ui: opaque().optional(),
  secrets: opaque().optional(),
  auth: authSchema().optional(),
  acp: opaque().optional(),
  models: modelsSchema().optional(),
  nodeHost: opaque().optional(),
  agents: agentsSchema().optional(),
  tools: opaque().optional(),
  bindings: bindingsSchema().optional(),
  broadcast: opaque().optional(),
  audio: opaque().optional(),
  media: opaque().optional(),
  messages: messagesSchema().optional(),
  // OpenClaw's CommandsSchema is `.optional().default({...})`, so `commands` is always present
  // after validation and `config get commands` prints it on a file without one
  // (openclaw/openclaw@2026.4.12 src/config/zod-schema.session.ts).
  commands: commandsSchema()
    .optional()
    .default(() => ({ native: 'auto' as const, nativeSkills: 'auto' as const, restart: true, ownerDisplay: 'raw' as const })),
  approvals: opaque().optional(),
  session: sessionSchema().optional(),
  cron: cronSchema().optional(),
  hooks: opaque().optional(),
  web: opaque().optional(),
  channels: channelsSchema().optional(),
  discovery: opaque().optional(),
  canvasHost: opaque().optional(),
  talk: opaque().optional(),
  gateway: opaque().optional(),
  memory: opaque().optional(),
  skills: opaque().optional(),
  plugins: opaque().optional(),
  mcp: opaque().optional(),
});

/** A validated config: what the user wrote, plus OpenClaw's zod defaults (`commands`, Telegram policies). */
export type OpenClawConfig = z.output<typeof OpenClawConfigSchema>;
export type CommandsConfig = z.output<ReturnType<typeof commandsSchema>>;
export type TelegramConfig = z.output<ReturnType<typeof telegramSchema>>;
export type ModelProviderConfig = z.output<ReturnType<typeof providerSchema>>;
export type ModelDefinitionConfig = z.output<ReturnType<typeof modelDefinitionSchema>>;

// auth, cron, logging, update: small enough to live with the root (zod-schema.ts).

function authSchema() {
  return looseObject({
    profiles: z
      .record(
        z.string(),
        looseObject({
          provider: nonEmptyString(),
          mode: z.enum(['api_key', 'oauth', 'token']),
          email: string().optional(),
          displayName: string().optional(),
        }),
        { error: 'an object of auth profiles' },
      )
      .optional(),
    order: z.record(z.string(), stringList(), { error: 'an object of profile-id lists' }).optional(),
    cooldowns: cooldownsSchema().optional(),
  });
}

function cooldownsSchema() {
  return looseObject({
    billingBackoffHours: positiveNumber().optional(),
    billingBackoffHoursByProvider: z.record(z.string(), positiveNumber(), { error: 'an object' }).optional(),
    billingMaxHours: positiveNumber().optional(),
    authPermanentBackoffMinutes: positiveNumber().optional(),
    authPermanentMaxMinutes: positiveNumber().optional(),
    failureWindowHours: positiveNumber().optional(),
    overloadedProfileRotations: nonNegativeInt().optional(),
    overloadedBackoffMs: nonNegativeInt().optional(),
    rateLimitedProfileRotations: nonNegativeInt().optional(),
  });
}

// Cron jobs are not config: they live in the cron store (`cron.store`, ~/.openclaw/cron/jobs.json).
function cronSchema() {
  return looseObject({
    enabled: boolean().optional(),
    store: string().optional(),
    maxConcurrentRuns: positiveInt().optional(),
    retry: opaque().optional(),
    webhook: url().optional(),
    webhookToken: secretInput().optional(),
    sessionRetention: z
      .union([z.literal(false), durationString('cron.sessionRetention')], {
        error: `false, or ${describeDuration(DURATION_DEFAULT_UNITS['cron.sessionRetention'])}`,
      })
      .optional(),
    runLog: opaque().optional(),
    failureAlert: opaque().optional(),
    failureDestination: opaque().optional(),
  });
}

function loggingSchema() {
  const level = z.enum(['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace']);
  return looseObject({
    level: level.optional(),
    file: string().optional(),
    maxFileBytes: positiveInt().optional(),
    consoleLevel: level.optional(),
    consoleStyle: z.enum(['pretty', 'compact', 'json']).optional(),
    redactSensitive: z.enum(['off', 'tools']).optional(),
    redactPatterns: stringList().optional(),
  });
}

function updateSchema() {
  return looseObject({
    channel: z.enum(['stable', 'beta', 'dev']).optional(),
    checkOnStart: boolean().optional(),
    auto: opaque().optional(),
  });
}
