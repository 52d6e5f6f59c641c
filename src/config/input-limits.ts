/**
 * The limits every JSON5 input (a gateway config, a scenario) must keep before anything walks it.
 *
 * Real files are small and shallow (the bundled ones are under 16 KB and 8 levels deep). The
 * limits sit far above that and far below what would exhaust memory or the call stack, so a
 * hostile or broken file is refused with one paragraph naming the limit, never a RangeError.
 */
import { UserError } from '../errors.ts';

/** Largest input file read, in bytes. Checked while reading, so `/dev/zero` ends too. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

/** Deepest nesting of objects and lists accepted (the top level is depth 1). */
export const MAX_NESTING_DEPTH = 64;

/** The one-paragraph `UserError` for a file over `MAX_INPUT_BYTES`. `kind` names the file's role. */
export function inputTooLargeError(file: string, kind: string): UserError {
  return new UserError(
    `The ${kind} file ${file} is larger than ${MAX_INPUT_BYTES.toLocaleString('en-US')} bytes, the most quotastorm reads ` +
      `(MAX_INPUT_BYTES). Expected a JSON5 file of a few kilobytes; check that the path names the right file.`,
  );
}

/**
 * Throws a one-paragraph `UserError` when `value` nests deeper than `MAX_NESTING_DEPTH`.
 * Iterative on purpose: this is the walk that makes every later, recursive one safe.
 */
export function assertNestingWithinLimit(value: unknown, file: string, kind: string): void {
  const deepest = findTooDeep(value, MAX_NESTING_DEPTH);
  if (deepest === undefined) return;
  throw new UserError(
    `The ${kind} ${file} nests objects or lists more than ${MAX_NESTING_DEPTH} levels deep (at ${deepest}), ` +
      `over quotastorm's limit (MAX_NESTING_DEPTH = ${MAX_NESTING_DEPTH}). Expected a ${kind} a few levels deep; flatten the nested value.`,
  );
}

/** The path (shortened) of the first container below `maxDepth`, or undefined when none is. */
function findTooDeep(root: unknown, maxDepth: number): string | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: root, depth: 1, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > maxDepth) return shortPath(path);
    const entries = Array.isArray(value) ? value.map((child, index) => [`[${index}]`, child] as const) : Object.entries(value).map(([key, child]) => [`.${key}`, child] as const);
    for (const [segment, child] of entries) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1, path: path + segment });
    }
  }
  return undefined;
}

// A path 65 levels deep is unreadable in one paragraph: its start says where the nesting begins.
function shortPath(path: string): string {
  const trimmed = path.replace(/^\./, '');
  return trimmed.length > 80 ? `${trimmed.slice(0, 77)}...` : trimmed;
}
