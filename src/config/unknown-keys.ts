import type { z } from 'zod';
import { formatConfigPath, type PathSegment } from './path.ts';

/**
 * Lists the keys in `value` that `schema` does not declare, as config paths
 * (`agents.defaults.foo`, `models.providers.google.models[0].bar`).
 *
 * OpenClaw refuses unknown keys; quotastorm passes them through, so this walk is how the user
 * still hears about a typo. It follows the schema's own structure (objects, records, arrays,
 * unions, and the optional/default wrappers), so the schema stays the one list of known keys.
 * Inside `z.unknown()` (the `opaque()` sections) it stops: those are accepted wholesale.
 */
export function findUnknownKeys(schema: z.core.$ZodType, value: unknown): string[] {
  const found: string[] = [];
  walk(schema, value, [], found);
  return found;
}

type Def = z.core.$ZodTypeDef & Record<string, unknown>;

function walk(schema: z.core.$ZodType, value: unknown, path: PathSegment[], found: string[]): void {
  const inner = unwrap(schema);
  const def = inner._zod.def as Def;
  switch (def.type) {
    case 'object':
      return walkObject(def as unknown as z.core.$ZodObjectDef, value, path, found);
    case 'record':
      return walkEntries((def as unknown as z.core.$ZodRecordDef).valueType, value, path, found);
    case 'array':
      if (!Array.isArray(value)) return;
      value.forEach((item, index) => walk((def as unknown as z.core.$ZodArrayDef).element, item, [...path, index], found));
      return;
    case 'union': {
      const option = pickObjectOption((def as unknown as z.core.$ZodUnionDef).options, value);
      if (option !== undefined) walk(option, value, path, found);
      return;
    }
    default:
      return;
  }
}

function walkObject(def: z.core.$ZodObjectDef, value: unknown, path: PathSegment[], found: string[]): void {
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const childSchema = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
    if (childSchema === undefined) found.push(formatConfigPath([...path, key]));
    else walk(childSchema, child, [...path, key], found);
  }
}

function walkEntries(valueType: z.core.$ZodType, value: unknown, path: PathSegment[], found: string[]): void {
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) walk(valueType, child, [...path, key], found);
}

// For `string | {primary, fallbacks}` and similar: an object value is checked against the object option.
function pickObjectOption(options: readonly z.core.$ZodType[], value: unknown): z.core.$ZodType | undefined {
  if (!isPlainObject(value)) return undefined;
  return options.find((option) => {
    const type = unwrap(option)._zod.def.type;
    return type === 'object' || type === 'record';
  });
}

// optional / nullable / default / readonly wrap an inner schema; pipes are walked on their input side.
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as Def;
    if ('innerType' in def && def.innerType !== undefined) current = def.innerType as z.core.$ZodType;
    else if (def.type === 'pipe') current = def.in as z.core.$ZodType;
    else return current;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
