/**
 * Zod's issues about a scenario in plain words, one clause each, starting with the path:
 *
 *   steps[0].send[0].tokens is required (size of each message in tokens …)
 *   users.count must be at least 1, got 0
 *   steps[0].send[0] has keys this field does not take: "count", "every" (it takes: kind, at, user, tokens, chat)
 *   host.skills must be one of "observed", "bundled", got "al" (eligible skills on the host: …)
 *
 * What a field is comes from its description in the scenario's JSON Schema, the text editors
 * show on hover. Of a union, the branch the value came closest to speaks (`tokens: { min: 1 }`
 * lacks its `max`), never zod's "Invalid input". A schema's own message (a refinement, a rule
 * across fields) keeps the frame config messages use: `at PATH, expected MESSAGE, got VALUE`.
 */
import type { z } from 'zod';
import { formatConfigPath } from '../config/path.ts';
import { describeReceived } from '../config/validation-error.ts';
import { branchOf, schemaAt, type JsonSchema } from './schema-walk.ts';

type Issue = z.core.$ZodIssue;
type Path = readonly (string | number)[];

/** One clause per distinct problem, in the order zod found them; `topLevel` names the value at the empty path. */
export function plainIssues(issues: readonly Issue[], raw: unknown, schema: JsonSchema, topLevel = 'the scenario'): string[] {
  return [...new Set(withoutEchoes(issues).flatMap((issue) => clausesOf(issue, pathOf(issue.path), { raw, schema, topLevel })))];
}

// A value of the wrong type is also measured by the checks of the right one (a string "" is "too small" for a list): the type speaks alone.
function withoutEchoes(issues: readonly Issue[]): Issue[] {
  const mistyped = new Set(issues.filter((issue) => issue.code === 'invalid_type').map((issue) => JSON.stringify(issue.path)));
  return issues.filter((issue) => issue.code === 'invalid_type' || !mistyped.has(JSON.stringify(issue.path)));
}

type Scope = { readonly raw: unknown; readonly schema: JsonSchema; readonly topLevel: string };

function clausesOf(issue: Issue, path: Path, scope: Scope): string[] {
  if (issue.code === 'invalid_union') return unionClauses(issue, path, scope);
  if (issue.code === 'invalid_key') return [keyClause(issue, path, scope)];
  if (!zodWorded(issue.message)) return [`at ${where(path, scope)}, expected ${issue.message.replace(/^expected /, '')}, ${describeReceived(path, scope.raw)}`];
  if (!isPresent(scope.raw, path)) return [required(path, scope, issue)];
  const got = describeReceived(path, scope.raw);
  switch (issue.code) {
    case 'invalid_type':
      return [`${where(path, scope)} must be ${typeOf(issue.expected)}, ${got}${hint(path, scope)}`];
    case 'too_small':
    case 'too_big':
      return [`${where(path, scope)} ${bound(issue)}, ${got}`];
    case 'unrecognized_keys':
      return [unknownKeys(issue.keys, path, scope)];
    case 'invalid_value':
      return [`${where(path, scope)} must be ${oneOf(issue.values)}, ${got}`];
    case 'invalid_format':
      return [`${where(path, scope)} must be ${formatOf(issue)}, ${got}${hint(path, scope)}`];
    default:
      return [`${where(path, scope)} is not valid here, ${got}${hint(path, scope)}`];
  }
}

/**
 * A discriminated union names its tag's values; another union lets its closest branch speak: one
 * whose type the value has (its issues lie deeper, or are about the value's content), fewest issues
 * first. When the value has none of the branches' types, the types are listed.
 */
function unionClauses(issue: z.core.$ZodIssueInvalidUnion, path: Path, scope: Scope): string[] {
  const tag = issue as { options?: readonly unknown[]; discriminator?: string };
  if (tag.discriminator !== undefined && tag.options !== undefined) {
    if (!isPresent(scope.raw, path)) return [`${where(path, scope)} is required: ${oneOf(tag.options)}${hint(path.slice(0, -1), scope)}`];
    return [`${where(path, scope)} must be ${oneOf(tag.options)}, ${describeReceived(path, scope.raw)}`];
  }
  if (!zodWorded(issue.message)) return [`at ${where(path, scope)}, expected ${issue.message.replace(/^expected /, '')}, ${describeReceived(path, scope.raw)}`];
  if (!isPresent(scope.raw, path)) return [required(path, scope)];
  const branches = issue.errors.filter((branch) => branch.length > 0 && !branch.every((inner) => inner.path.length === 0 && inner.code === 'invalid_type'));
  const closest = branches.sort((a, b) => a.length - b.length)[0];
  if (closest === undefined) {
    const types = [...new Set(issue.errors.flatMap((branch) => branch.flatMap((inner) => (inner.code === 'invalid_type' ? [typeOf(inner.expected)] : []))))];
    return [`${where(path, scope)} must be ${types.join(' or ') || 'another value'}, ${describeReceived(path, scope.raw)}${hint(path, scope)}`];
  }
  const clauses = closest.flatMap((inner) => clausesOf(inner, [...path, ...pathOf(inner.path)], scope));
  // The branch's own words may not say what else the field takes: its description does.
  return closest.every((inner) => inner.path.length === 0) ? clauses.map((clause) => `${clause}${hint(path, scope)}`) : clauses;
}

/** A record key that does not fit: `mocks.limits has a key "foo" that is not a provider/model key`. */
function keyClause(issue: z.core.$ZodIssueInvalidKey, path: Path, scope: Scope): string {
  const key = path.at(-1);
  const inner = issue.issues[0];
  const expected = inner === undefined || zodWorded(inner.message) ? (inner?.code === 'invalid_value' ? oneOf(inner.values) : 'a key it takes') : inner.message.replace(/^expected /, '');
  return `${where(path.slice(0, -1), scope)} has a key ${JSON.stringify(key)} that is not ${expected}`;
}

/** `PATH is required (what it is)`; a field of fixed values lists them. */
function required(path: Path, scope: Scope, issue?: Issue): string {
  const description = schemaAt(scope.schema, path, scope.raw)?.description;
  if (issue?.code === 'invalid_value') return `${where(path, scope)} is required: ${oneOf(issue.values)}${description === undefined ? '' : ` (${description})`}`;
  const what = description ?? (issue?.code === 'invalid_type' ? typeOf(issue.expected) : undefined);
  return `${where(path, scope)} is required${what === undefined ? '' : ` (${what})`}`;
}

function unknownKeys(keys: readonly string[], path: Path, scope: Scope): string {
  const node = schemaAt(scope.schema, path, scope.raw);
  const entered = node === undefined ? undefined : branchOf(node, valueAt(scope.raw, path));
  const takes = entered?.properties !== undefined ? Object.keys(entered.properties) : (entered?.propertyNames?.enum ?? []).map(String);
  const listed = keys.map((key) => JSON.stringify(key)).join(', ');
  return `${where(path, scope)} has ${keys.length === 1 ? 'a key' : 'keys'} this field does not take: ${listed} (${takes.length === 0 ? 'it takes none' : `it takes: ${takes.join(', ')}`})`;
}

function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const big = issue.code === 'too_big';
  const limit = Number(big ? issue.maximum : issue.minimum);
  const shown = limit.toLocaleString('en-US');
  if (issue.origin === 'array' || issue.origin === 'set') return `must have ${big ? 'at most' : 'at least'} ${shown} item${limit === 1 ? '' : 's'}`;
  if (issue.origin === 'string') return `must be ${big ? 'at most' : 'at least'} ${shown} character${limit === 1 ? '' : 's'} long`;
  if (issue.inclusive === false) return `must be ${big ? 'less' : 'more'} than ${shown}`;
  return `must be ${big ? 'at most' : 'at least'} ${shown}`;
}

/** ` (what the field is)`, from its description, or nothing. */
function hint(path: Path, scope: Scope): string {
  const description = schemaAt(scope.schema, path, scope.raw)?.description;
  return description === undefined ? '' : ` (${description})`;
}

function typeOf(expected: string): string {
  const phrases: Readonly<Record<string, string>> = {
    int: 'a whole number',
    number: 'a number',
    string: 'a string',
    boolean: 'true or false',
    object: 'an object',
    record: 'an object',
    array: 'a list',
  };
  return phrases[expected] ?? `a ${expected}`;
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((value) => JSON.stringify(value));
  return shown.length === 1 ? shown[0]! : `one of ${shown.join(', ')}`;
}

function formatOf(issue: z.core.$ZodIssueInvalidStringFormat): string {
  if (issue.format === 'datetime') return 'an ISO 8601 date and time with its offset, like "2026-02-27T16:00:00Z"';
  if (issue.format === 'regex') return `text matching ${issue.pattern ?? 'its pattern'}`;
  return `a ${issue.format}`;
}

// zod's own messages start upper-case ("Invalid input", "Too small", "Unrecognized key"); the schema's start lower-case.
function zodWorded(message: string): boolean {
  return /^(Invalid\b|Too (big|small)\b|Unrecognized key)/.test(message);
}

function where(path: Path, scope: Scope): string {
  return path.length === 0 ? scope.topLevel : formatConfigPath(path);
}

function pathOf(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}

function isPresent(root: unknown, path: Path): boolean {
  return valueAt(root, path) !== undefined;
}

function valueAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
