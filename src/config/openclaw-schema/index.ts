/**
 * What an OpenClaw version refuses to start with: keys of an older layout first, then anything its
 * strict config schema does not accept (an unknown key, a wrong type, a value outside an enum).
 * Each version's schema is its own `OpenClawSchema` as JSON Schema, extracted from the pinned
 * install (test/config/extract-openclaw-schema.ts → openclaw-<release>.json) and turned back into
 * zod with `z.fromJSONSchema`, so the messages are zod's, the wording OpenClaw prints
 * (`models: Unrecognized key: "default"`).
 *
 * The order is the version's: 2026.2.26 `validateConfigObjectRaw` (dist/auth-profiles-6WJHPoy1.js)
 * returns the legacy issues and stops before `OpenClawSchema.safeParse`; 2026.9.6 no longer knows
 * the legacy keys, so its schema names them (`Unrecognized key: "agent"`, legacy-keys.ts).
 *
 * JSON Schema carries the schema's shape, not its refinements: its `.refine`/`.superRefine` checks
 * (e.g. 2026.2.26's `channels.telegram.dmPolicy="open" requires channels.telegram.allowFrom to
 * include "*"`, `requireOpenAllowFrom`) are not made here.
 *
 * Only the schema is modelled. The checks each version runs after it are not: 2026.2.26
 * `validateConfigObjectWithPluginsBase` (unknown `channels.<id>` and `plugins.allow` ids against
 * the plugin registry, duplicate agent dirs, avatars) and 2026.9.6
 * `validatePreparedConfigWithPlugins` (dist/io.snapshot-preparation-B6fMdY05.mjs: bundled channel
 * schemas for `channels.*`, which its root schema passes through, multi-agent `agents.ownership`,
 * retired models). test/config/openclaw-verdicts.test.ts holds both versions' real verdicts on the
 * corpus and names each config where they differ from this one, and why.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { UserError } from '../../errors.ts';
import { legacyKeysError, type LegacyRefusal } from '../legacy-keys.ts';
import { migrateForValidation } from './migrations.ts';
import { MAX_LISTED_ISSUES } from '../validation-error.ts';
import { redactText } from '../redact.ts';

/** One problem as OpenClaw lists it: the dotted path (`agents.list.0.model`, `` for the root) and zod's message. */
export type SchemaIssue = { readonly path: string; readonly message: string };

/** The version a config is checked against: its release names the schema file; its legacy refusal is quoted first. */
export type SchemaVersion = { readonly release: string; readonly legacyConfigRefusal: LegacyRefusal };

/**
 * The bad-input error for a config `version` refuses to start with, or undefined when it starts.
 * `loaded.raw` is the object OpenClaw validates: `$include`s merged; `${VAR}` substitution only
 * turns strings into strings, which no type check tells apart.
 */
export function openclawRefusal(
  loaded: { readonly file: string; readonly raw: unknown },
  version: SchemaVersion,
  options: { readonly doctorFixed?: boolean } = {},
): UserError | undefined {
  const legacy = legacyKeysError(loaded, version);
  if (legacy !== undefined) return legacy;
  const issues = openclawSchemaIssues(loaded.raw, version.release);
  return issues.length === 0 ? undefined : schemaRefusal(loaded.file, version.release, issues, options.doctorFixed === true);
}

/**
 * The issues the version's `OpenClawSchema.safeParse` reports for `raw` after the moves it makes
 * first (migrations.ts), in its order; empty when it accepts it.
 */
export function openclawSchemaIssues(raw: unknown, release: string): SchemaIssue[] {
  return zodIssues(raw, release).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function zodIssues(raw: unknown, release: string): readonly z.core.$ZodIssue[] {
  const result = schemaOf(release).safeParse(migrateForValidation(raw, release));
  return result.success ? [] : result.error.issues;
}

// After --doctor-fix only values are left to fix: doctor removes unknown keys, it does not correct values.
function schemaRefusal(file: string, release: string, issues: readonly SchemaIssue[], doctorFixed: boolean): UserError {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => `${issue.path === '' ? '<root>' : issue.path}: ${issue.message}`);
  const more = issues.length - listed.length;
  const count = issues.length === 1 ? 'one problem' : `${issues.length} problems`;
  return new UserError(
    redactText(
      `Config ${file} is refused by OpenClaw ${release}: its config schema does not accept it (${count}): ${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}. ` +
        'The gateway does not start with such a config, so neither does its simulation. ' +
        (doctorFixed
          ? 'Its unknown keys were removed (--doctor-fix); fix these values, which doctor does not, then run again.'
          : 'Remove the unknown keys (`openclaw doctor --fix` does it) and fix the values, then run again, ' +
            'or pass --doctor-fix to have quotastorm remove the unknown keys as doctor would (a config written for a newer OpenClaw).'),
    ),
  );
}

const schemas = new Map<string, z.ZodType>();

// Built once per release: the conversion costs ~130 ms.
function schemaOf(release: string): z.ZodType {
  const cached = schemas.get(release);
  if (cached !== undefined) return cached;
  const file = new URL(`./openclaw-${release}.json`, import.meta.url);
  const { schema } = JSON.parse(readFileSync(file, 'utf8')) as { schema: Parameters<typeof z.fromJSONSchema>[0] };
  const built = z.fromJSONSchema(schema);
  schemas.set(release, built);
  return built;
}
