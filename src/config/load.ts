import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import JSON5 from 'json5';
import { UserError } from '../errors.ts';
import { materializeDefaults } from './defaults.ts';
import { assertNestingWithinLimit, inputTooLargeError, MAX_INPUT_BYTES } from './input-limits.ts';
import { dotEnvSecrets, loadDotEnvFiles } from './dotenv.ts';
import { ENV_RULES_2026_2, resolveEnvReferences, type EnvRules, type EnvSource, type MissingEnvVar } from './env-substitution.ts';
import { IncludeError, resolveIncludes, type IncludeReader } from './includes.ts';
import { collectSecrets, redactText } from './redact.ts';
import { stripUnknownConfigKeys } from './openclaw-schema/doctor-fix.ts';
import { openclawRefusal, type SchemaVersion } from './openclaw-schema/index.ts';
import { OpenClawConfigSchema, type OpenClawConfig } from './schema.ts';
import { findUnknownKeys } from './unknown-keys.ts';
import { configInvalidError, MAX_LISTED_ISSUES } from './validation-error.ts';

/** An OpenClaw config as read from one file. */
export type LoadedConfig = {
  /** The path as given. */
  file: string;
  /** The parsed JSON5 as written, `$include`s merged in: no `${VAR}` substituted, no defaults. */
  raw: unknown;
  /** Validated, with defaults materialized as `openclaw config get` shows them (defaults.ts). Unredacted. */
  config: OpenClawConfig;
  /** Things the user should hear about that do not stop the run (unknown keys, …). Secret-free. */
  warnings: string[];
  /** What was done to the config as OpenClaw does it at start (legacy keys migrated, …), for the run's notes. Secret-free. */
  notes: string[];
  /** Values loaded from `.env` files (dotenv.ts): masked like the config's secrets, never printed. */
  dotEnvSecrets?: readonly string[];
  /** sha256 of the file's text: names exactly which config a report judged. */
  sha256: string;
};

/**
 * Reads a real `openclaw.json` (JSON5). Every problem the user can fix — missing file, JSON5
 * syntax, wrong type, unknown enum value — throws a one-paragraph `UserError` naming the file
 * and the line:column or JSON path; unknown keys only warn.
 *
 * `${VAR}` references are resolved from the environment as OpenClaw resolves them
 * (env-substitution.ts), except under secret-named keys: the simulated gateway talks to mocks
 * with quotastorm's own keys. A variable OpenClaw would refuse to start without is bad input.
 * `$include` is followed as OpenClaw follows it (includes.ts). Variables may also come from the
 * `.env` files OpenClaw loads at start (dotenv.ts), never overriding the environment.
 */
export async function loadConfig(file: string, options: LoadOptions = {}): Promise<LoadedConfig> {
  const text = await readConfigFile(file);
  const processEnv = options.env ?? process.env;
  const dotenv = loadDotEnvFiles(file, processEnv, options.envRules ?? ENV_RULES_2026_2, options.cwd ?? process.cwd());
  const secrets = dotEnvSecrets(dotenv);
  let loaded: LoadedConfig;
  try {
    loaded = parseConfigText(text, file, { readInclude: readIncludeFile, ...options, env: { ...dotenv.values, ...processEnv } });
  } catch (error) {
    // A .env value may have been substituted anywhere, so the message is masked for every one of them.
    throw error instanceof UserError && secrets.length > 0 ? new UserError(redactText(error.message, secrets)) : error;
  }
  const warnings = loaded.warnings.map((warning) => redactText(warning, secrets));
  return { ...loaded, warnings, notes: [...dotenv.notes, ...loaded.notes], dotEnvSecrets: secrets };
}

export type LoadOptions = {
  /** Where `${NAME}` values come from; the process environment unless given. */
  readonly env?: EnvSource;
  /** The version's rules; without one, the stricter (2026.2): a missing variable is refused. */
  readonly envRules?: EnvRules;
  /** Reads `$include` files; without one they are not followed, with a warning. */
  readonly readInclude?: IncludeReader;
  /** The working directory whose `.env` OpenClaw would load (dotenv.ts); the process's unless given. */
  readonly cwd?: string;
  /**
   * The OpenClaw version the config is read for: a config it refuses to start with (keys of an
   * older layout, anything its schema does not accept) is then bad input, in its words, and a key
   * quotastorm does not model is one that version accepts, and the warning says so.
   */
  readonly openclaw?: SchemaVersion;
  /** With `openclaw`: remove the keys that version does not know, as `openclaw doctor --fix` does (doctor-fix.ts), instead of refusing them. */
  readonly doctorFix?: boolean;
};

function readIncludeFile(path: string): string {
  if (statSync(path).size > MAX_INPUT_BYTES) throw new Error(`larger than ${MAX_INPUT_BYTES} bytes`);
  return readFileSync(path, 'utf8');
}

/** `loadConfig` without the file system: `file` is used only to name the config in messages. */
export function parseConfigText(text: string, file: string, options: LoadOptions = {}): LoadedConfig {
  const raw = parseJson5(text, file);
  const asWritten = options.readInclude === undefined ? raw : includesOf(raw, file, options.readInclude);
  const fixed = options.openclaw !== undefined && options.doctorFix === true ? stripUnknownConfigKeys(asWritten, options.openclaw.release) : { config: asWritten, removed: [] };
  const included = fixed.config;
  const resolved = resolveEnvReferences(included, options.env ?? process.env);
  const secrets = [...new Set([...collectSecrets(asWritten), ...collectSecrets(resolved.value)])];
  const missingVariable = (options.envRules ?? ENV_RULES_2026_2).missingVariable;
  if (resolved.missing.length > 0 && missingVariable === 'refuse') throw missingEnvError(file, resolved.missing);
  // OpenClaw's order (2026.2.26 readConfigFileSnapshot): JSON5, $include, ${VAR}, legacy keys, schema; its refusal comes before quotastorm's own checks.
  const refusal = options.openclaw === undefined ? undefined : openclawRefusal({ file, raw: included }, options.openclaw, { doctorFixed: options.doctorFix === true });
  if (refusal !== undefined) throw new UserError(redactText(refusal.message, secrets));
  const result = OpenClawConfigSchema.safeParse(resolved.value);
  if (!result.success) throw configInvalidError(file, result.error.issues, resolved.value, secrets);
  const missingWarnings = resolved.missing.map(({ name, path }) => `missing env var "${name}" at ${path} - OpenClaw keeps the reference as written and warns that the feature using it will be unavailable`);
  const warnings = [...collectWarnings(included, options.openclaw?.release), ...missingWarnings].map((warning) => redactText(warning, secrets));
  const notes = fixed.removed.length === 0 ? [] : [doctorFixNote(fixed.removed, options.openclaw?.release ?? '')];
  return { file, raw: included, config: materializeDefaults(result.data), warnings, notes, sha256: createHash('sha256').update(text).digest('hex') };
}

function doctorFixNote(removed: readonly string[], release: string): string {
  const listed = removed.slice(0, MAX_LISTED_ISSUES).join(', ');
  const more = removed.length > MAX_LISTED_ISSUES ? ` and ${removed.length - MAX_LISTED_ISSUES} more` : '';
  return `--doctor-fix: ${removed.length} key${removed.length === 1 ? '' : 's'} OpenClaw ${release} does not know removed, as \`openclaw doctor --fix\` does (${listed}${more}); the run uses the config without them`;
}

function includesOf(raw: unknown, file: string, read: IncludeReader): unknown {
  try {
    return resolveIncludes(raw, file, read);
  } catch (error) {
    if (!(error instanceof IncludeError)) throw error;
    throw new UserError(
      redactText(`Config ${file}: ${error.message}. OpenClaw refuses a config whose $include it cannot follow; fix the "$include": "${error.include}" entry or inline the file's keys.`),
    );
  }
}

const MISSING_SHOWN = 4;

// 2026.2's MissingEnvVarError makes the config invalid and the gateway does not start; a simulation of it cannot either.
function missingEnvError(file: string, missing: readonly MissingEnvVar[]): UserError {
  const names = [...new Set(missing.map((entry) => entry.name))];
  const shown = missing.slice(0, MISSING_SHOWN).map((entry) => `\${${entry.name}} at ${entry.path}`);
  const where = shown.join(', ') + (missing.length > MISSING_SHOWN ? `, and ${missing.length - MISSING_SHOWN} more` : '');
  return new UserError(
    `Config ${file} refers to environment variable${names.length === 1 ? '' : 's'} ${names.join(', ')} that ${names.length === 1 ? 'is' : 'are'} not set or empty (${where}). ` +
      `OpenClaw 2026.2 refuses to start with this config ("Missing env var \"${missing[0]!.name}\" referenced at config path: ${missing[0]!.path}"). ` +
      'Set the variable before running, define it under env.vars in the config, or write the value in place of the reference (write $${NAME} for a literal ${NAME}).',
  );
}

/** The file's text, or a one-paragraph `UserError` saying why it could not be read. */
export async function readConfigFile(file: string, kind = 'Config file', expected = 'Expected an OpenClaw config (openclaw.json, JSON5) at that path.'): Promise<string> {
  let text: string | undefined;
  try {
    text = await readAtMost(file, MAX_INPUT_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = READ_FAILURES[code ?? ''] ?? `could not be read (${code ?? String(error)})`;
    throw new UserError(
      `${kind} ${file} ${why}. ${expected}`,
    );
  }
  if (text === undefined) throw inputTooLargeError(file, kind.replace(/ file$/, '').toLowerCase());
  return text;
}

// Reads in chunks and stops one byte past the limit: a huge file or a device that never ends costs no more than the limit.
async function readAtMost(file: string, maxBytes: number): Promise<string | undefined> {
  const handle = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return undefined;
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

const READ_FAILURES: Record<string, string> = {
  ENOENT: 'was not found',
  ENOTDIR: 'was not found (a parent of it is not a directory)',
  EISDIR: 'is a directory, not a file',
  EACCES: 'is not readable (permission denied)',
  EPERM: 'is not readable (permission denied)',
};

/**
 * JSON5 text → value, or a one-paragraph `UserError` naming the file and the line and column or
 * the limit it breaks (input-limits.ts). `kind` names the file's role.
 */
export function parseJson5(text: string, file: string, kind = 'config'): unknown {
  if (text.length > MAX_INPUT_BYTES) throw inputTooLargeError(file, kind);
  let value: unknown;
  try {
    // A UTF-8 byte-order mark is common in files saved by Windows editors; JSON5 rejects it.
    value = JSON5.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw syntaxError(file, error as SyntaxError & { lineNumber?: number; columnNumber?: number }, kind);
  }
  try {
    assertNestingWithinLimit(value, file, kind);
  } catch (error) {
    // The path in the message is made of the file's keys; a key-shaped one is masked like any other text.
    throw error instanceof UserError ? new UserError(redactText(error.message)) : error;
  }
  return value;
}

// json5 says "JSON5: invalid character ',' at 2:8" and sets lineNumber/columnNumber.
function syntaxError(file: string, error: SyntaxError & { lineNumber?: number; columnNumber?: number }, kind: string): UserError {
  const what = error.message.replace(/^JSON5:\s*/, '').replace(/\s+at \d+:\d+$/, '');
  const where =
    error.lineNumber === undefined ? '' : ` at line ${error.lineNumber}, column ${error.columnNumber ?? 0} (${file}:${error.lineNumber}:${error.columnNumber ?? 0})`;
  return new UserError(
    redactText(
      `Cannot parse ${kind} ${file}: ${what}${where}. Expected JSON5: an object of keys and values; ` +
        'comments, unquoted keys and trailing commas are fine.',
    ),
  );
}

function collectWarnings(raw: unknown, openclawRelease: string | undefined): string[] {
  // Read for a version, the config got here only if that version accepts every key (openclaw-schema/): an unmodelled key is OpenClaw's, not a typo.
  const accepted = openclawRelease === undefined ? '' : `OpenClaw ${openclawRelease} accepts it; `;
  const warnings = findUnknownKeys(OpenClawConfigSchema, raw).map((path) =>
    /(^|\.)\$include$/.test(path)
      ? `${path} is not followed by quotastorm: the included file's keys are not loaded`
      : `unknown key ${path} (${accepted}quotastorm does not model it; passed through)`,
  );
  if (hasPruneDaysOnly(raw)) {
    warnings.push('session.maintenance.pruneDays is deprecated in OpenClaw; use pruneAfter (e.g. "30d")');
  }
  return warnings;
}

function hasPruneDaysOnly(raw: unknown): boolean {
  const maintenance = (raw as { session?: { maintenance?: Record<string, unknown> } } | null)?.session?.maintenance;
  return maintenance?.pruneDays !== undefined && maintenance.pruneAfter === undefined;
}
