/**
 * `${VAR}` references in an openclaw.json, resolved as OpenClaw resolves them at load time
 * (openclaw@2026.2.26 dist/model-selection-*.js, region src/config/env-substitution.ts:
 * `resolveConfigEnvVars`, `substituteString`, `parseEnvTokenAt`; and src/config/io.ts
 * `resolveConfigForRead`, which applies the config's own `env` block first via
 * `applyConfigEnvVars`).
 *
 * Their rules, the same in both pinned versions unless said: every string value at any depth (never keys) is scanned; `${NAME}` with NAME
 * matching `[A-Z_][A-Z0-9_]*` is replaced by the variable; `$${NAME}` is the escape for a
 * literal `${NAME}`; anything else (`${lower}`, `${`, a lone `$`) stays as written. A variable
 * that is unset or empty is where they differ (`EnvRules`). The config's
 * `env.vars.<NAME>` and `env.<NAME>` strings fill variables the process environment leaves
 * unset or blank.
 *
 * One deliberate difference: strings under a secret-named key (`apiKey`, `botToken`, …) are
 * left as written and their variables never read. The simulated gateway presents quotastorm's
 * own keys and tokens to the mocks, so the user's secrets are not needed, not held in memory and
 * cannot be printed; a missing secret variable does not stop a simulation.
 */
import { readFileSync } from 'node:fs';
import { isSecretKey } from './redact.ts';

type WorkspaceBlocklist = { readonly keys: readonly string[]; readonly prefixes: readonly string[]; readonly suffixes: readonly string[]; readonly tokenSequences: readonly (readonly string[])[] };
const WORKSPACE_BLOCKLIST_2026_9 = JSON.parse(readFileSync(new URL('./workspace-dotenv-blocklist-2026.9.6.json', import.meta.url), 'utf8')) as WorkspaceBlocklist;

export type EnvSource = Readonly<Record<string, string | undefined>>;

/** What a version does with a `${NAME}` whose variable is unset or empty. */
export type EnvRules = {
  /**
   * `refuse`: the config is invalid and the gateway does not start (2026.2.26: `substituteString`
   * throws `MissingEnvVarError`: "Missing env var "X" referenced at config path: a.b").
   * `keep`: the reference stays as written, the config is validated with it, and the gateway logs
   * a warning (2026.9.6: `resolveConfigForRead` in dist/io.read-helpers-*.mjs passes `onMissing`;
   * "Config (<file>): missing env var "X" at a.b - feature using this value will be unavailable").
   */
  readonly missingVariable: 'refuse' | 'keep';
  /** Whether a key in the working directory's `.env` is skipped (dotenv.ts); the state directory's `.env` loads every key. */
  readonly workspaceDotEnvKeyBlocked: (key: string) => boolean;
};

export const ENV_RULES_2026_2: EnvRules = { missingVariable: 'refuse', workspaceDotEnvKeyBlocked: () => false };
export const ENV_RULES_2026_9: EnvRules = { missingVariable: 'keep', workspaceDotEnvKeyBlocked: blockedInWorkspaceDotEnv2026_9 };

/**
 * 2026.9.6 `shouldBlockWorkspaceStaticDotEnvKey` and the provider-auth blocklist (dist/dotenv-qNpaL7Pa.mjs),
 * from its static lists; the names plugins add at runtime and the host-security names are not included.
 */
function blockedInWorkspaceDotEnv2026_9(key: string): boolean {
  const upper = key.toUpperCase();
  const tokens = upper.split('_').filter(Boolean);
  const hasSequence = (sequence: readonly string[]) =>
    tokens.some((_, start) => start + sequence.length <= tokens.length && sequence.every((token, offset) => tokens[start + offset] === token));
  return (
    WORKSPACE_BLOCKLIST_2026_9.keys.includes(upper) ||
    WORKSPACE_BLOCKLIST_2026_9.prefixes.some((prefix) => upper.startsWith(prefix)) ||
    WORKSPACE_BLOCKLIST_2026_9.suffixes.some((suffix) => upper.endsWith(suffix)) ||
    WORKSPACE_BLOCKLIST_2026_9.tokenSequences.some(hasSequence)
  );
}

/** A `${NAME}` OpenClaw would refuse to start without. */
export type MissingEnvVar = { readonly name: string; readonly path: string };

export type EnvResolution = { readonly value: unknown; readonly missing: readonly MissingEnvVar[] };

/** `raw` with its `${NAME}` references replaced; every missing variable is listed, in document order. */
export function resolveEnvReferences(raw: unknown, processEnv: EnvSource): EnvResolution {
  const env = { ...configEnvOf(raw), ...nonBlank(processEnv) };
  const missing: MissingEnvVar[] = [];
  const walk = (value: unknown, path: string, underSecret: boolean): unknown => {
    if (typeof value === 'string') return underSecret ? value : substitute(value, env, path, missing);
    if (Array.isArray(value)) return value.map((item, index) => walk(item, `${path}[${index}]`, underSecret));
    if (isPlainObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, path ? `${path}.${key}` : key, underSecret || isSecretKey(key))]));
    }
    return value;
  };
  return { value: walk(raw, '', false), missing };
}

const NAME = /^[A-Z_][A-Z0-9_]*$/;

function substitute(text: string, env: EnvSource, path: string, missing: MissingEnvVar[]): string {
  if (!text.includes('$')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const token = text[i] === '$' ? tokenAt(text, i) : null;
    if (token === null) {
      out += text[i];
      continue;
    }
    if (token.kind === 'escaped') out += `\${${token.name}}`;
    else {
      const value = env[token.name];
      if (value === undefined || value === '') {
        // Kept as written (what 2026.9 does); where a version refuses, the caller refuses, naming all of them where OpenClaw names the first.
        missing.push({ name: token.name, path });
        out += `\${${token.name}}`;
      } else out += value;
    }
    i = token.end;
  }
  return out;
}

function tokenAt(text: string, index: number): { kind: 'escaped' | 'substitution'; name: string; end: number } | null {
  const escaped = text[index + 1] === '$' && text[index + 2] === '{';
  if (escaped || text[index + 1] === '{') {
    const start = index + (escaped ? 3 : 2);
    const end = text.indexOf('}', start);
    const name = end === -1 ? '' : text.slice(start, end);
    if (NAME.test(name)) return { kind: escaped ? 'escaped' : 'substitution', name, end };
  }
  return null;
}

// collectConfigEnvVarsByTarget: `env.vars.<NAME>` and `env.<NAME>` (not shellEnv), non-blank strings only.
function configEnvOf(raw: unknown): Record<string, string> {
  const block = isPlainObject(raw) ? raw['env'] : undefined;
  if (!isPlainObject(block)) return {};
  const vars = isPlainObject(block['vars']) ? block['vars'] : {};
  const direct = Object.fromEntries(Object.entries(block).filter(([key]) => key !== 'vars' && key !== 'shellEnv'));
  return { ...nonBlank(vars), ...nonBlank(direct) };
}

function nonBlank(source: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== ''));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
