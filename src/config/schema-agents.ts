import { z } from 'zod';
import {
  boolean, clockTime, durationString, looseObject, nonEmptyString, nonNegativeInt, opaque, positiveInt, ratio, string, stringList,
} from './schema-leaves.ts';

// `agents.*`, after OpenClaw's zod-schema.agent-defaults.ts and zod-schema.agent-runtime.ts. Only
// the keys the gateway reads are listed; any other key passes through with a warning.

export function agentsSchema() {
  return looseObject({
    defaults: agentDefaultsSchema().optional(),
    list: z.array(agentEntrySchema(), { error: 'a list of agents' }).optional(),
  });
}

// zod-schema.agent-defaults.ts.
function agentDefaultsSchema() {
  return looseObject({
    model: agentModelSchema().optional(),
    imageModel: agentModelSchema().optional(),
    models: z.record(z.string(), modelAllowlistEntrySchema(), { error: 'an object' }).optional(),
    workspace: string().optional(),
    userTimezone: string().optional(),
    // Caps the context window the agent uses, whatever the model offers (z.int().positive()).
    contextTokens: positiveInt().optional(),
    contextPruning: contextPruningSchema().optional(),
    compaction: opaque().optional(),
    thinkingDefault: string().optional(),
    timeoutSeconds: positiveInt().optional(),
    heartbeat: heartbeatSchema().optional(),
    maxConcurrent: positiveInt().optional(),
    subagents: looseObject({
      maxConcurrent: positiveInt().optional(),
      archiveAfterMinutes: nonNegativeInt().optional(),
      model: agentModelSchema().optional(),
    }).optional(),
    sandbox: opaque().optional(),
  });
}

function agentEntrySchema() {
  return looseObject({
    id: nonEmptyString(),
    default: boolean().optional(),
    name: string().optional(),
    workspace: string().optional(),
    agentDir: string().optional(),
    model: agentModelSchema().optional(),
    heartbeat: heartbeatSchema().optional(),
    identity: opaque().optional(),
    groupChat: opaque().optional(),
    subagents: opaque().optional(),
    sandbox: opaque().optional(),
    tools: opaque().optional(),
    skills: z.array(z.string(), { error: 'a list of skill names' }).optional(),
  });
}

// `bindings[]` (BindingsSchema, openclaw@2026.2.26 dist/auth-profiles-6WJHPoy1.js): route a channel,
// account, peer, guild or team to an agent. OpenClaw is strict here; unknown keys warn as elsewhere.
export function bindingsSchema() {
  return z.array(
    looseObject({
      agentId: string(),
      comment: string().optional(),
      match: looseObject({
        channel: string(),
        accountId: string().optional(),
        peer: looseObject({
          kind: z.enum(['direct', 'group', 'channel', 'dm'], { error: 'one of "direct", "group", "channel", "dm"' }),
          id: string(),
        }).optional(),
        guildId: string().optional(),
        teamId: string().optional(),
        roles: z.array(z.string(), { error: 'a list of role ids' }).optional(),
      }),
    }),
    { error: 'a list of { agentId, match: { channel, accountId?, peer? } }' },
  );
}

// A model ref "provider/model", or { primary, fallbacks } (AgentModelSchema).
function agentModelSchema() {
  return z.union(
    [
      z.string(),
      looseObject({
        primary: string().optional(),
        fallbacks: z.array(string(), { error: 'a list of "provider/model" strings' }).optional(),
      }),
    ],
    { error: 'a "provider/model" string or { primary, fallbacks }' },
  );
}

function modelAllowlistEntrySchema() {
  return looseObject({
    alias: string().optional(),
    params: opaque().optional(),
    streaming: boolean().optional(),
  });
}

// HeartbeatSchema (openclaw/openclaw@2026.4.12 src/config/zod-schema.agent-runtime.ts).
function heartbeatSchema() {
  return looseObject({
    every: durationString('agents.defaults.heartbeat.every').optional(),
    activeHours: looseObject({
      start: clockTime().optional(),
      end: clockTime().optional(),
      timezone: string().optional(),
    }).optional(),
    model: string().optional(),
    session: string().optional(),
    // 2026.9.6: the one agent that runs the defaults' heartbeat (resolveHeartbeatAgentIds).
    agentId: string().optional(),
    includeReasoning: boolean().optional(),
    target: string().optional(),
    directPolicy: z.enum(['allow', 'block']).optional(),
    to: string().optional(),
    accountId: string().optional(),
    prompt: string().optional(),
    includeSystemPromptSection: boolean().optional(),
    ackMaxChars: nonNegativeInt().optional(),
    suppressToolErrorWarnings: boolean().optional(),
    timeoutSeconds: positiveInt().optional(),
    lightContext: boolean().optional(),
    isolatedSession: boolean().optional(),
  });
}

// `contextPruning` in zod-schema.agent-defaults.ts. OpenClaw types `ttl` as a string only.
function contextPruningSchema() {
  return looseObject({
    mode: z.enum(['off', 'cache-ttl']).optional(),
    ttl: durationString('agents.defaults.contextPruning.ttl').optional(),
    keepLastAssistants: nonNegativeInt().optional(),
    softTrimRatio: ratio().optional(),
    hardClearRatio: ratio().optional(),
    minPrunableToolChars: nonNegativeInt().optional(),
    tools: looseObject({ allow: stringList().optional(), deny: stringList().optional() }).optional(),
    softTrim: looseObject({
      maxChars: nonNegativeInt().optional(),
      headChars: nonNegativeInt().optional(),
      tailChars: nonNegativeInt().optional(),
    }).optional(),
    hardClear: looseObject({ enabled: boolean().optional(), placeholder: string().optional() }).optional(),
  });
}
