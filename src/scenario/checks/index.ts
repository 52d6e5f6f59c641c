/**
 * The check library: a scenario names a check and its thresholds; this runs
 * it over a window and returns pass, fail or error with its evidence.
 */
import { z, ZodError } from 'zod';
import { UserError } from '../../errors.ts';
import type { CheckResult } from '../result.ts';
import { plainIssues } from '../plain-issues.ts';
import type { CheckSpec } from '../schema.ts';
import type { JsonSchema } from '../schema-walk.ts';
import { botCommandsTooMuch } from './bot-commands-too-much.ts';
import { configVerification } from './config-verification.ts';
import type { Check, CheckContext } from './context.ts';
import { errorReplies } from './error-replies.ts';
import type { CheckName } from './names.ts';
import { peakUsage } from './peak-usage.ts';
import { rateLimitErrors } from './rate-limit-errors.ts';
import { rateLimitsAbsorbed } from './rate-limits-absorbed.ts';
import { repliesDelivered } from './replies-delivered.ts';
import { replyTime } from './reply-time.ts';
import { sessionCount } from './session-count.ts';

const CHECKS: Record<CheckName, Check<unknown>> = {
  'config-verification': configVerification,
  'session-count': sessionCount,
  'rate-limit-errors': rateLimitErrors,
  'rate-limits-absorbed': rateLimitsAbsorbed,
  'bot-commands-too-much': botCommandsTooMuch,
  'replies-delivered': repliesDelivered,
  'error-replies': errorReplies,
  'peak-usage': peakUsage,
  'reply-time': replyTime,
};

/** Validates a check's parameters at load time, so a typo fails before a long run. */
export function parseCheckParams(spec: CheckSpec, where: string): unknown {
  const { check, title: _title, window: _window, ...raw } = spec;
  try {
    return CHECKS[check].parse(raw);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const problems = plainIssues(error.issues, raw, z.toJSONSchema(CHECKS[check].params, { io: 'input' }) as JsonSchema, 'its parameters');
    throw new UserError(`${where}: check "${check}" has bad parameters: ${problems.join('; ')}.`);
  }
}

/** The parameters a check takes, described (json-schema.ts, docs/scenarios.md). */
export function checkParams(check: CheckName): z.ZodObject {
  return CHECKS[check].params;
}

/** What is wrong with a check entry's parameters, as zod issues with paths inside the entry; none when they parse. */
export function checkParamIssues(spec: CheckSpec): readonly z.core.$ZodIssue[] {
  const { check, title: _title, window: _window, ...raw } = spec;
  const parsed = CHECKS[check].params.safeParse(raw);
  return parsed.success ? [] : parsed.error.issues;
}

export function runCheck(spec: CheckSpec, params: unknown, context: CheckContext): CheckResult {
  const check = CHECKS[spec.check];
  const outcome = check.run(context, params);
  return { check: spec.check, title: spec.title ?? check.title(params), step: context.step, layer: check.layer, ...outcome };
}

export type { CheckContext } from './context.ts';
