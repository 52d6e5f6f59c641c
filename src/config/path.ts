import { UserError } from '../errors.ts';

/** One step into a config value: an object key or an array index. */
export type PathSegment = string | number;

/**
 * Parses a config path the way `openclaw config get` takes it: dots between keys, brackets for
 * array indices (`agents.list[0].id`), and quoted brackets for keys that contain dots
 * (`models.providers["my.proxy"].baseUrl`).
 *
 * A malformed path is the user's to fix (it came from the command line), so it is a `UserError`.
 */
export function parseConfigPath(text: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let rest = text.trim();
  if (rest === '') throw invalidPath(text, 'it is empty');
  let expectKey = true;
  while (rest !== '') {
    if (rest.startsWith('[')) {
      const [segment, length] = readBracket(text, rest);
      segments.push(segment);
      rest = rest.slice(length);
      expectKey = false;
      continue;
    }
    if (!expectKey) {
      if (!rest.startsWith('.')) throw invalidPath(text, `expected "." or "[" before "${rest}"`);
      rest = rest.slice(1);
    }
    const match = /^[^.[\]]+/.exec(rest);
    if (match === null) throw invalidPath(text, 'a key is empty');
    segments.push(match[0]);
    rest = rest.slice(match[0].length);
    expectKey = false;
  }
  return segments;
}

/**
 * Formats segments back into the dot/bracket form users type, so error messages and warnings
 * name a path that `config get` accepts.
 */
export function formatConfigPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(top level)' : out;
}

// `[3]` → 3, `["a.b"]` / `['a.b']` → "a.b". Returns the segment and how many characters it used.
function readBracket(path: string, rest: string): [PathSegment, number] {
  const index = /^\[(\d+)\]/.exec(rest);
  if (index !== null) return [Number(index[1]), index[0].length];
  const quoted = /^\[(["'])(.*?)\1\]/.exec(rest);
  if (quoted !== null) return [quoted[2] ?? '', quoted[0].length];
  throw invalidPath(path, `"${rest}" is not [number] or ["key"]`);
}

function invalidPath(path: string, why: string): UserError {
  return new UserError(
    `Invalid config path "${path}": ${why}. Use dots between keys and brackets for list items, ` +
      'like agents.defaults.model.fallbacks[0] or models.providers["my.proxy"].baseUrl.',
  );
}
