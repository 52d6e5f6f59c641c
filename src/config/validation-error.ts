import type { z } from 'zod';
import { UserError } from '../errors.ts';
import { formatConfigPath, type PathSegment } from './path.ts';
import { REDACTED, isSecretKey, looksLikeSecret, redactText } from './redact.ts';

/** How many problems one message lists; the rest are counted. One paragraph stays readable. */
export const MAX_LISTED_ISSUES = 5;

/**
 * Turns zod issues into the one-paragraph `UserError` the CLI prints for a bad config:
 * the file, each JSON path, what was expected, and what was there, e.g.
 *
 *   Invalid config x.json5: at session.maintenance.maxEntries, expected a positive integer,
 *   got "fifteen". Fix the value (an optional key can also be removed to use OpenClaw's default).
 *
 * Received values are read from `raw` (what the user wrote) and never echo a secret: a value
 * under a secret-named key, or shaped like a key, prints as the redaction marker, and the whole
 * text is scrubbed of every secret found in the file (`secrets`).
 */
export function configInvalidError(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  raw: unknown,
  secrets: readonly string[],
): UserError {
  const problems = describeIssues(issues, raw);
  const listed = problems.slice(0, MAX_LISTED_ISSUES);
  const more = problems.length - listed.length;
  const count = problems.length === 1 ? '' : ` (${problems.length} problems)`;
  const text =
    `Invalid config ${file}${count}: ${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}. ` +
    "Fix the value (an optional key can also be removed to use OpenClaw's default).";
  return new UserError(redactText(text, secrets));
}

/** One `at <path>, expected …, got …` phrase per distinct problem; values are read from `raw`, secrets masked. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): string[] {
  const seen = new Set<string>();
  for (const issue of issues) {
    const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
    const where = path.length === 0 ? 'the top level' : formatConfigPath(path);
    seen.add(`at ${where}, expected ${expectedOf(issue)}, ${describeReceived(path, raw)}`);
  }
  return [...seen];
}

// Leaves carry their own "expected" phrase (schema.ts); enums list their allowed values.
function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') {
    const values = issue.values.map((value) => JSON.stringify(value));
    return values.length === 1 ? (values[0] ?? '') : `one of ${values.join(' | ')}`;
  }
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    if (issue.expected === 'int') return 'a whole number';
    return issue.expected === 'array' ? 'a list' : `${article(issue.expected)} ${issue.expected}`;
  }
  // zod's own bound messages ("Too big: expected number to be <=10000"); a schema's custom message is kept.
  if ((issue.code === 'too_big' || issue.code === 'too_small') && /^Too (big|small)/.test(issue.message)) return boundOf(issue);
  return issue.message;
}

function boundOf(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall): string {
  const big = issue.code === 'too_big';
  const limit = Number(big ? issue.maximum : issue.minimum);
  const inclusive = issue.inclusive !== false;
  const shown = limit.toLocaleString('en-US');
  if (issue.origin === 'array') return big ? `a list of at most ${shown} items` : `a list of at least ${shown} item${limit === 1 ? '' : 's'}`;
  if (issue.origin === 'string') return big ? `at most ${shown} characters` : `at least ${shown} character${limit === 1 ? '' : 's'}`;
  return `a number ${big ? (inclusive ? '≤' : '<') : inclusive ? '≥' : '>'} ${shown}`;
}

/** `got <value>` as the user wrote it (a secret masked), or `but it is missing`. */
export function describeReceived(path: readonly PathSegment[], raw: unknown): string {
  const found = valueAt(raw, path);
  if (!found.present) return 'but it is missing';
  const value = found.value;
  const underSecretKey = path.some((segment) => typeof segment === 'string' && isSecretKey(segment));
  if ((underSecretKey && isScalar(value)) || (typeof value === 'string' && looksLikeSecret(value))) {
    return `got ${REDACTED}`;
  }
  return `got ${preview(value, underSecretKey)}`;
}

function valueAt(root: unknown, path: readonly PathSegment[]): { present: boolean; value?: unknown } {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return { present: false };
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return { present: current !== undefined, value: current };
}

/**
 * Short, single-line rendering of the offending value. A scalar prints as JSON; a list or object
 * prints only its top level, never its contents' values: they may be any depth (no recursive
 * stringify of user data) and a malformed secret (`apiKey: { value: "sk-…" }`) must not be echoed.
 * Under a secret-named key even an object's key names stay hidden.
 */
function preview(value: unknown, underSecretKey: boolean): string {
  if (Array.isArray(value)) return shorten(`[${value.map((item) => shapeOf(item, underSecretKey)).join(',')}]`);
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (underSecretKey) return `an object with ${keys.length} key${keys.length === 1 ? '' : 's'}`;
    return shorten(`{${keys.map((key) => `${JSON.stringify(key)}:${shapeOf((value as Record<string, unknown>)[key], isSecretKey(key))}`).join(',')}}`);
  }
  return shorten(JSON.stringify(value) ?? String(value));
}

// One level down: numbers, booleans and null as written (outside secrets they carry none), strings and containers by kind.
function shapeOf(value: unknown, underSecretKey: boolean): string {
  if (underSecretKey) return '…';
  if (Array.isArray(value)) return '[…]';
  if (typeof value === 'object' && value !== null) return '{…}';
  if (typeof value === 'string') return '"…"';
  return String(value);
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
