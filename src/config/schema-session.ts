import { z } from 'zod';
import { DURATION_DEFAULT_UNITS, describeDuration } from './duration.ts';
import {
  boolean, byteSize, duration, idList, looseObject, nativeSetting, nonNegativeInt, opaque, positiveInt, string, stringList,
} from './schema-leaves.ts';

// `session`, `messages` and `commands`, after OpenClaw's zod-schema.session.ts (and QueueSchema
// from zod-schema.core.ts).

export function sessionSchema() {
  return looseObject({
    scope: z.enum(['per-sender', 'global']).optional(),
    dmScope: z.enum(['main', 'per-peer', 'per-channel-peer', 'per-account-channel-peer']).optional(),
    identityLinks: opaque().optional(),
    idleMinutes: positiveInt().optional(),
    reset: opaque().optional(),
    resetByType: opaque().optional(),
    resetByChannel: opaque().optional(),
    resetTriggers: stringList().optional(),
    store: string().optional(),
    mainKey: string().optional(),
    sendPolicy: opaque().optional(),
    maintenance: maintenanceSchema().optional(),
  });
}

function maintenanceSchema() {
  return looseObject({
    mode: z.enum(['enforce', 'warn']).optional(),
    pruneAfter: duration('session.maintenance.pruneAfter').optional(),
    /** Deprecated in OpenClaw in favour of pruneAfter; still read when pruneAfter is unset. */
    pruneDays: positiveInt().optional(),
    maxEntries: positiveInt().optional(),
    rotateBytes: byteSize().optional(),
    resetArchiveRetention: z
      .union([z.literal(false), duration('session.maintenance.resetArchiveRetention')], {
        error: `false, or ${describeDuration(DURATION_DEFAULT_UNITS['session.maintenance.resetArchiveRetention'])}`,
      })
      .optional(),
    maxDiskBytes: byteSize().optional(),
    highWaterBytes: byteSize().optional(),
  });
}

export function messagesSchema() {
  return looseObject({
    messagePrefix: string().optional(),
    responsePrefix: string().optional(),
    groupChat: opaque().optional(),
    queue: queueSchema().optional(),
    inbound: looseObject({
      debounceMs: nonNegativeInt().optional(),
      byChannel: z.record(z.string(), nonNegativeInt(), { error: 'an object' }).optional(),
    }).optional(),
    ackReaction: string().optional(),
    ackReactionScope: z.enum(['group-mentions', 'group-all', 'direct', 'all', 'off', 'none']).optional(),
    removeAckAfterReply: boolean().optional(),
    statusReactions: opaque().optional(),
    suppressToolErrors: boolean().optional(),
    tts: opaque().optional(),
  });
}

// QueueSchema (openclaw/openclaw@2026.4.12 src/config/zod-schema.core.ts); "queue" is an alias of "steer".
function queueSchema() {
  const mode = z.enum(['steer', 'followup', 'collect', 'steer-backlog', 'steer+backlog', 'queue', 'interrupt']);
  return looseObject({
    mode: mode.optional(),
    byChannel: z.record(z.string(), mode, { error: 'an object' }).optional(),
    debounceMs: nonNegativeInt().optional(),
    debounceMsByChannel: z.record(z.string(), nonNegativeInt(), { error: 'an object' }).optional(),
    cap: positiveInt().optional(),
    drop: z.enum(['old', 'new', 'summarize']).optional(),
  });
}

export function commandsSchema() {
  return looseObject({
    native: nativeSetting().optional().default('auto'),
    nativeSkills: nativeSetting().optional().default('auto'),
    text: boolean().optional(),
    bash: boolean().optional(),
    config: boolean().optional(),
    debug: boolean().optional(),
    restart: boolean().optional().default(true),
    useAccessGroups: boolean().optional(),
    ownerAllowFrom: idList().optional(),
    ownerDisplay: z.enum(['raw', 'hash']).optional().default('raw'),
    ownerDisplaySecret: string().optional(),
    allowFrom: opaque().optional(),
  });
}
