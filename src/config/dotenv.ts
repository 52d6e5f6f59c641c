/**
 * The `.env` files OpenClaw loads into its environment at start, before it
 * reads openclaw.json (so `${VAR}` references can come from them):
 *
 *   1. `.env` in the working directory, then
 *   2. `.env` in the state directory (`~/.openclaw/.env`, or `$OPENCLAW_STATE_DIR/.env`),
 *
 * each without overriding a variable already set, the first file winning
 * (openclaw@2026.2.26 `loadDotEnv`, src/infra/dotenv.ts in dist/auth-profiles-6WJHPoy1.js;
 * openclaw@2026.9.6 `loadDotEnv`, dist/dotenv-qNpaL7Pa.mjs, and
 * `loadGlobalRuntimeDotEnvFilesCore`, dist/dotenv-global-BKl5vpJk.mjs). 2026.9.6 reads
 * the working directory's file as untrusted: keys that carry provider credentials,
 * endpoints or safety switches are skipped there (`EnvRules.workspaceDotEnvKeyBlocked`).
 *
 * quotastorm has no state directory of its own: it takes the config file's directory
 * as the state directory when the file is named `openclaw.json`, as it is in a real
 * one (`~/.openclaw/openclaw.json`). Values are returned to be substituted and
 * redacted, never printed; the notes name the files and the variables only.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { EnvRules, EnvSource } from './env-substitution.ts';

export type DotEnvLoad = {
  /** The variables the files add, for variables the environment leaves unset. */
  readonly values: Readonly<Record<string, string>>;
  /** One line per file that added variables: its path and the names it set. */
  readonly notes: readonly string[];
};

const MAX_DOTENV_BYTES = 1_048_576;
/** Shorter values (ports, flags, `true`) would blank ordinary words and numbers wherever text is masked. */
const MIN_SECRET_CHARS = 8;

/** The loaded values to mask in everything printed: any of them may have filled a `${VAR}`. */
export function dotEnvSecrets(load: DotEnvLoad): string[] {
  return Object.values(load.values).filter((value) => value.length >= MIN_SECRET_CHARS);
}

/** The files' variables as OpenClaw would apply them over `env`; `cwd` is the gateway's working directory. */
export function loadDotEnvFiles(configFile: string, env: EnvSource, rules: EnvRules, cwd: string): DotEnvLoad {
  const files = [
    { path: join(resolve(cwd), '.env'), blocked: rules.workspaceDotEnvKeyBlocked },
    ...(basename(configFile) === 'openclaw.json' ? [{ path: join(dirname(resolve(configFile)), '.env'), blocked: () => false }] : []),
  ];
  const values: Record<string, string> = {};
  const notes: string[] = [];
  for (const file of [...new Map(files.map((entry) => [entry.path, entry])).values()]) {
    const applied = Object.entries(readDotEnvFile(file.path)).filter(([key]) => !file.blocked(key) && env[key] === undefined && values[key] === undefined);
    for (const [key, value] of applied) values[key] = value;
    if (applied.length > 0) notes.push(`loaded ${applied.map(([key]) => key).join(', ')} from ${file.path}, as OpenClaw loads .env files at start`);
  }
  return { values, notes };
}

function readDotEnvFile(path: string): Record<string, string> {
  try {
    if (!statSync(path).isFile() || statSync(path).size > MAX_DOTENV_BYTES) return {};
    return parseDotEnv(readFileSync(path, 'utf8'));
  } catch {
    return {}; // A missing or unreadable file is skipped, as OpenClaw skips it.
  }
}

// The dotenv package's line grammar (dotenv 16 `parse`): `[export] KEY=value`, quoted or not, `#` comments.
const LINE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;
const PORTABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `KEY=value` lines → variables; a later line for the same key wins, as in dotenv. */
export function parseDotEnv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const match of text.replace(/\r\n?/g, '\n').matchAll(LINE)) {
    const key = match[1]!;
    if (!PORTABLE_NAME.test(key)) continue;
    const raw = (match[2] ?? '').trim();
    const quote = raw[0];
    const unquoted = raw.replace(/^(['"`])([\s\S]*)\1$/, '$2');
    values[key] = quote === '"' ? unquoted.replace(/\\n/g, '\n').replace(/\\r/g, '\r') : unquoted;
  }
  return values;
}
