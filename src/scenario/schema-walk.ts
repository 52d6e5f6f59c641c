/**
 * Walking a scenario's JSON Schema (json-schema.ts) along a value as written, to find what a field
 * is: its description, its type, the keys it takes. Unions are entered by the branch the value is
 * written in.
 */

/** The part of JSON Schema the walk reads. */
export type JsonSchema = {
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: JsonSchema | boolean;
  /** An object keyed by fixed names (a provider per key) lists them here. */
  readonly propertyNames?: { readonly enum?: readonly unknown[] };
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
};

/**
 * The schema of the field at `path` in `value` (a scenario as written), or undefined where the
 * schema has no such field. Unions are entered by the branch the value is written in: the one
 * whose constants (`kind`, `check`) the value carries, else the first of the value's type.
 */
export function schemaAt(root: JsonSchema, path: readonly (string | number)[], value: unknown): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  let current = value;
  for (const segment of path) {
    const entered: JsonSchema = branchOf(node, current);
    node = typeof segment === 'number' ? entered.items : (entered.properties?.[segment] ?? objectOrUndefined(entered.additionalProperties));
    if (node === undefined) return undefined;
    current = isObject(current) ? (current as Record<string | number, unknown>)[segment] : undefined;
  }
  return node;
}

/** The branch of a union `value` is written in; a node that is no union is its own branch. */
export function branchOf(node: JsonSchema, value: unknown): JsonSchema {
  const branches = node.oneOf ?? node.anyOf;
  if (branches === undefined) return node;
  // Branches told apart by a constant (`kind`, `check`) are entered by it alone: by type, the first would speak for all.
  if (branches.some((branch) => constantsOf(branch).length > 0)) return branches.find((branch) => carriesConstants(branch, value)) ?? node;
  return branches.find((branch) => hasTypeOf(branch, value)) ?? node;
}

function constantsOf(branch: JsonSchema): [string, JsonSchema][] {
  return Object.entries(branch.properties ?? {}).filter(([, property]) => property.const !== undefined);
}

function carriesConstants(branch: JsonSchema, value: unknown): boolean {
  const constants = constantsOf(branch);
  return constants.length > 0 && isObject(value) && constants.every(([key, property]) => (value as Record<string, unknown>)[key] === property.const);
}

function hasTypeOf(branch: JsonSchema, value: unknown): boolean {
  const types = typeof branch.type === 'string' ? [branch.type] : (branch.type ?? []);
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

function objectOrUndefined(node: JsonSchema | boolean | undefined): JsonSchema | undefined {
  return typeof node === 'object' ? node : undefined;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}
