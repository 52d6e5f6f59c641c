/**
 * The scenario files' JSON Schema, for editors (scenarios/scenario.schema.json is this output,
 * `quotastorm scenario-schema` prints it): the zod schema as zod emits it, with every field's
 * description, and a check entry spelled out per check with its own parameters, so an editor
 * completes and explains `max`, `model` or `percentile` beside the check that takes them.
 *
 * The same document tells error messages what a field is (plain-issues.ts).
 */
import { z } from 'zod';
import { checkParams } from './checks/index.ts';
import { CHECK_NAMES, type CheckName } from './checks/names.ts';
import { CheckSpecSchema, ScenarioSchema } from './schema.ts';
import type { JsonSchema } from './schema-walk.ts';

// Input shapes: a duration is written "5s" or 5000 and a default may be left out; refinements cannot be represented.
const OPTIONS = { io: 'input', unrepresentable: 'any' } as const;

export function scenarioJsonSchema(): JsonSchema {
  return z.toJSONSchema(ScenarioSchema, {
    ...OPTIONS,
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema !== CheckSpecSchema) return;
      const description = jsonSchema.description;
      for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
      Object.assign(jsonSchema, { description, oneOf: CHECK_NAMES.map(checkSpecJsonSchema) });
    },
  }) as JsonSchema;
}

/** One check's entry: its name, the keys every check takes (title, window), and its own parameters. */
function checkSpecJsonSchema(name: CheckName): JsonSchema {
  const params = checkParams(name);
  const { title, window } = CheckSpecSchema.shape;
  const spec = z.strictObject({ check: z.literal(name).describe(`${name}: ${params.description ?? ''}`), title, window, ...params.shape });
  const { $schema: _, ...schema } = z.toJSONSchema(spec, OPTIONS);
  return { ...schema, description: params.description } as JsonSchema;
}
