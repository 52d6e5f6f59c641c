/**
 * Hostile inputs made from the bundled ones: each case takes a bundled config
 * (scenarios/configs/*.json5) or scenario (scenarios/*.json5) and applies a few mutations a
 * careless user or an attacker would — delete a key, change a type, huge, negative or NaN
 * numbers, nesting thousands of levels deep, very long strings, unknown keys, a secret wrapped
 * in an object or list, a truncated or corrupted file. Every secret a case plants is a canary:
 * no output may ever contain it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import JSON5 from 'json5';

export type HostileInput = {
  /** Which bundled file the case starts from. */
  readonly base: string;
  /** The file's text after the mutations. */
  readonly text: string;
  /** Values planted under secret-named keys: none may be printed. */
  readonly canaries: readonly string[];
  /** The mutations, one line each, for the failure report. */
  readonly mutations: readonly string[];
};

type Doc = unknown;
type Segment = string | number;

const BUNDLED_CONFIGS = bundled('scenarios/configs');
const BUNDLED_SCENARIOS = bundled('scenarios');

function bundled(folder: string): readonly { file: string; doc: Doc }[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json5'))
    .sort()
    .map((name) => join(folder, name))
    .map((file) => ({ file, doc: JSON5.parse(readFileSync(file, 'utf8')) as Doc }));
}

const SPECIAL_NUMBERS = [NaN, Infinity, -Infinity, -1, 0, 0.5, -0.5, 1e-300, 1e30, -1e30, 2 ** 53, 9007199254740993, 100_000_000, 2 ** 31, -(2 ** 31)];
const SECRET_KEYS = ['apiKey', 'botToken', 'token', 'password', 'webhookSecret', 'x-api-key', 'OPENAI_API_KEY'] as const;
const SECRET_SHAPES = ['object', 'list', 'nested', 'number', 'string', 'ref-like'] as const;

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.constantFrom(...SPECIAL_NUMBERS),
  fc.double(),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { maxKeys: 3 }),
);

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'deep'; at: number; depth: number; open: '[' | '{' }
  | { kind: 'long'; at: number; length: number }
  | { kind: 'unknown-key'; at: number; key: string; value: unknown }
  | { kind: 'secret'; at: number; key: (typeof SECRET_KEYS)[number]; shape: (typeof SECRET_SHAPES)[number] }
  | { kind: 'truncate'; fraction: number }
  | { kind: 'corrupt'; fraction: number; junk: string };

const at = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at }),
  { arbitrary: fc.record({ kind: fc.constant('replace' as const), at, value: hostileValue }), weight: 3 },
  fc.record({ kind: fc.constant('deep' as const), at, depth: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 100, max: 30_000 })), open: fc.constantFrom('[' as const, '{' as const) }),
  fc.record({ kind: fc.constant('long' as const), at, length: fc.oneof({ arbitrary: fc.integer({ min: 100, max: 100_000 }), weight: 20 }, fc.constant(5_000_000)) }),
  fc.record({ kind: fc.constant('unknown-key' as const), at, key: fc.string({ maxLength: 12 }), value: hostileValue }),
  { arbitrary: fc.record({ kind: fc.constant('secret' as const), at, key: fc.constantFrom(...SECRET_KEYS), shape: fc.constantFrom(...SECRET_SHAPES) }), weight: 2 },
  fc.record({ kind: fc.constant('truncate' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('corrupt' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }), junk: fc.string({ minLength: 1, maxLength: 4 }) }),
);

/** A bundled config, mutated. */
export const hostileConfig: fc.Arbitrary<HostileInput> = hostileFrom(BUNDLED_CONFIGS);
/** A bundled scenario, mutated. */
export const hostileScenario: fc.Arbitrary<HostileInput> = hostileFrom(BUNDLED_SCENARIOS);

function hostileFrom(bases: readonly { file: string; doc: Doc }[]): fc.Arbitrary<HostileInput> {
  return fc
    .record({ base: fc.constantFrom(...bases), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) })
    .map(({ base, mutations }) => apply(base.file, base.doc, mutations));
}

function apply(file: string, original: Doc, mutations: readonly Mutation[]): HostileInput {
  const doc = { root: structuredClone(original) as unknown };
  const canaries: string[] = [];
  const expansions = new Map<string, string>();
  const textual: Mutation[] = [];
  for (const m of mutations) {
    if (m.kind === 'truncate' || m.kind === 'corrupt') {
      textual.push(m);
      continue;
    }
    const paths = pathsOf(doc.root);
    const path = paths[m.at % paths.length]!;
    if (m.kind === 'delete') remove(doc, path);
    // Copies: fast-check may hand the same generated value to several cases, and a later mutation edits the document in place.
    if (m.kind === 'replace') set(doc, path, structuredClone(m.value));
    if (m.kind === 'deep' || m.kind === 'long') {
      const marker = `QSMARK${expansions.size}QSMARK`;
      expansions.set(marker, m.kind === 'deep' ? nested(m.depth, m.open) : JSON.stringify('x'.repeat(m.length)));
      set(doc, path, marker);
    }
    if (m.kind === 'unknown-key') objectAt(doc, path)[m.key] = structuredClone(m.value);
    if (m.kind === 'secret') {
      const canary = `CANARY${canaries.length}x${m.at % 100_000}`;
      const numeric = 7_000_000_000 + canaries.length * 1_000 + (m.at % 1_000);
      canaries.push(m.shape === 'number' ? String(numeric) : canary);
      objectAt(doc, path)[m.key] = secretShaped(m.shape, canary, numeric);
    }
  }
  let text = JSON5.stringify(doc.root, { space: 2, quote: '"' }) ?? 'null';
  for (const [marker, expansion] of expansions) text = text.split(`"${marker}"`).join(expansion);
  for (const m of textual) {
    if (m.kind !== 'truncate' && m.kind !== 'corrupt') continue;
    const cut = Math.floor(text.length * m.fraction);
    text = m.kind === 'truncate' ? text.slice(0, cut) : text.slice(0, cut) + m.junk + text.slice(cut);
  }
  return { base: file, text, canaries, mutations: mutations.map(describeMutation) };
}

function secretShaped(shape: (typeof SECRET_SHAPES)[number], canary: string, numeric: number): unknown {
  switch (shape) {
    case 'object':
      return { value: canary };
    case 'list':
      return [canary];
    case 'nested':
      return { value: [{ key: canary }] };
    case 'number':
      return numeric;
    case 'string':
      return canary;
    case 'ref-like':
      // Looks like a SecretRef but carries an extra key: not a SecretRef, so still a secret.
      return { source: 'env', id: 'X', value: canary };
  }
}

/** Every node's path, root first, found without recursion. */
function pathsOf(root: Doc): Segment[][] {
  const paths: Segment[][] = [];
  const stack: { value: unknown; path: Segment[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    paths.push(path);
    if (Array.isArray(value)) value.forEach((child, index) => stack.push({ value: child, path: [...path, index] }));
    else if (typeof value === 'object' && value !== null) for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: [...path, key] });
  }
  return paths;
}

function get(doc: { root: unknown }, path: readonly Segment[]): unknown {
  let current: unknown = doc.root;
  for (const segment of path) current = (current as Record<Segment, unknown>)[segment];
  return current;
}

function set(doc: { root: unknown }, path: readonly Segment[], value: unknown): void {
  if (path.length === 0) {
    doc.root = value;
    return;
  }
  (get(doc, path.slice(0, -1)) as Record<Segment, unknown>)[path.at(-1)!] = value;
}

function remove(doc: { root: unknown }, path: readonly Segment[]): void {
  if (path.length === 0) return;
  const parent = get(doc, path.slice(0, -1));
  const last = path.at(-1)!;
  if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete (parent as Record<Segment, unknown>)[last];
}

// The object at `path`, or the nearest object above it; the root becomes one if it is not.
function objectAt(doc: { root: unknown }, path: readonly Segment[]): Record<string, unknown> {
  for (let length = path.length; length >= 0; length--) {
    const value = get(doc, path.slice(0, length));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  }
  doc.root = {};
  return doc.root as Record<string, unknown>;
}

function nested(depth: number, open: '[' | '{'): string {
  return open === '[' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

function describeMutation(m: Mutation): string {
  return JSON.stringify(m, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value));
}
