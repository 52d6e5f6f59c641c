/**
 * `$include` in an openclaw.json, followed as OpenClaw follows it (openclaw@2026.2.26
 * dist/model-selection-*.js, region src/config/includes.ts: `IncludeProcessor`, `deepMerge`,
 * `resolveConfigIncludes`), before `${VAR}` substitution and validation.
 *
 * An object holding `$include: "file"` or `$include: ["a", "b"]` is replaced by the included
 * file(s), merged in order; its sibling keys are merged over them. Merging: arrays concatenate,
 * objects merge key by key, any other value is replaced by the later one. Paths are relative to
 * the including file and must stay inside the main config's directory; includes nest at most
 * 10 deep and may not form a cycle. Any of these problems makes OpenClaw refuse the config, so
 * they are bad input here, naming the include.
 */
import { dirname, isAbsolute, normalize, relative, resolve, sep } from 'node:path';
import JSON5 from 'json5';

const INCLUDE_KEY = '$include';
const MAX_INCLUDE_DEPTH = 10;

/** Reads an include's text; throws when it cannot. */
export type IncludeReader = (path: string) => string;

export class IncludeError extends Error {
  readonly include: string;
  constructor(message: string, include: string) {
    super(message);
    this.name = 'IncludeError';
    this.include = include;
  }
}

export function resolveIncludes(raw: unknown, configFile: string, read: IncludeReader): unknown {
  const rootDir = dirname(resolve(configFile));
  const processIn = (value: unknown, file: string, chain: readonly string[]): unknown => {
    if (Array.isArray(value)) return value.map((item) => processIn(item, file, chain));
    if (!isPlainObject(value)) return value;
    const rest: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (key !== INCLUDE_KEY) rest[key] = processIn(item, file, chain);
    if (!(INCLUDE_KEY in value)) return rest;
    const spec = value[INCLUDE_KEY];
    const included = includedValue(spec, file, chain);
    if (Object.keys(rest).length === 0) return included;
    if (!isPlainObject(included)) throw new IncludeError('Sibling keys require included content to be an object', typeof spec === 'string' ? spec : INCLUDE_KEY);
    return deepMerge(included, rest);
  };
  const includedValue = (spec: unknown, file: string, chain: readonly string[]): unknown => {
    if (typeof spec === 'string') return loadFile(spec, file, chain);
    if (Array.isArray(spec)) {
      return spec.reduce<unknown>((merged, item) => {
        if (typeof item !== 'string') throw new IncludeError(`Invalid $include array item: expected string, got ${typeof item}`, String(item));
        return deepMerge(merged, loadFile(item, file, chain));
      }, {});
    }
    throw new IncludeError(`Invalid $include value: expected string or array of strings, got ${typeof spec}`, String(spec));
  };
  const loadFile = (include: string, from: string, chain: readonly string[]): unknown => {
    const path = normalize(isAbsolute(include) ? include : resolve(dirname(from), include));
    const inside = relative(rootDir, path);
    if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
      throw new IncludeError(`Include path escapes config directory: ${include} (root: ${rootDir})`, include);
    }
    if (chain.includes(path)) throw new IncludeError(`Circular include detected: ${[...chain, path].join(' -> ')}`, include);
    if (chain.length > MAX_INCLUDE_DEPTH) throw new IncludeError(`Maximum include depth (${MAX_INCLUDE_DEPTH}) exceeded at: ${include}`, include);
    let text: string;
    try {
      text = read(path);
    } catch {
      throw new IncludeError(`Failed to read include file: ${include} (resolved: ${path})`, include);
    }
    let parsed: unknown;
    try {
      parsed = JSON5.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      throw new IncludeError(`Failed to parse include file: ${include} (resolved: ${path})`, include);
    }
    return processIn(parsed, path, [...chain, path]);
  };
  const main = normalize(resolve(configFile));
  return processIn(raw, main, [main]);
}

function deepMerge(target: unknown, source: unknown): unknown {
  if (Array.isArray(target) && Array.isArray(source)) return [...target, ...source];
  if (isPlainObject(target) && isPlainObject(source)) {
    const result: Record<string, unknown> = { ...target };
    for (const [key, value] of Object.entries(source)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      result[key] = key in result ? deepMerge(result[key], value) : value;
    }
    return result;
  }
  return source;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
