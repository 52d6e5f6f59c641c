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
