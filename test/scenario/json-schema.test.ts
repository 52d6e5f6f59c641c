/**
 * The scenario JSON Schema editors read (scenarios/scenario.schema.json): every field says what it
 * is, so hovering any key in an editor explains it, check parameters included.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkParams } from '../../src/scenario/checks/index.ts';
import { CHECK_NAMES } from '../../src/scenario/checks/names.ts';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.ts';

/** Every `properties` entry anywhere in the document without a description, as a JSON pointer. */
function undescribed(node: unknown, pointer = '#'): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const entries = Object.entries(node);
  const own = entries
    .filter(([key, value]) => key === 'properties' && typeof value === 'object' && value !== null)
    .flatMap(([, properties]) => Object.entries(properties as Record<string, { description?: unknown }>))
    .filter(([, property]) => typeof property.description !== 'string' || property.description.trim() === '')
    .map(([name]) => `${pointer}/properties/${name}`);
  // Defaults and constants are values, not schemas.
  const nested = entries.filter(([key]) => key !== 'default' && key !== 'const' && key !== 'enum').flatMap(([key, value]) => undescribed(value, `${pointer}/${key}`));
  return [...own, ...nested];
}

describe('the scenario JSON Schema', () => {
  it('describes every property, at every depth', () => {
    expect(undescribed(scenarioJsonSchema())).toEqual([]);
  });

  it('finds a property without a description, so the walk can fail', () => {
    const schema = z.toJSONSchema(z.object({ described: z.number().describe('a number'), inner: z.object({ bare: z.string() }).describe('an object') }));
    expect(undescribed(schema)).toEqual(['#/properties/inner/properties/bare']);
  });

  it("spells out each check with its own parameters, so an editor explains max beside the check that takes it", () => {
    const schema = scenarioJsonSchema() as { properties: { steps: { items: { properties: { checks: { items: { oneOf: { properties: Record<string, { const?: string }> }[] } } } } } } };
    const branches = schema.properties.steps.items.properties.checks.items.oneOf;
    expect(branches.map((branch) => branch.properties['check']?.const)).toEqual([...CHECK_NAMES]);
    for (const [index, name] of CHECK_NAMES.entries()) {
      expect(Object.keys(branches[index]!.properties)).toEqual(['check', 'title', 'window', ...Object.keys(checkParams(name).shape)]);
    }
  });

  it('prints whole through a pipe, as the committed file (it is larger than one pipe write)', async () => {
    // A shell pipe, as `quotastorm scenario-schema | jq` gets: its buffer is 64 KB; a child process's socket holds more.
    const { stdout } = await promisify(execFile)('sh', ['-c', `"${process.execPath}" src/cli.ts scenario-schema | cat`], { maxBuffer: 16 * 1024 * 1024 });
    const committed = await readFile('scenarios/scenario.schema.json', 'utf8');
    expect(committed.length).toBeGreaterThan(65_536);
    expect(stdout).toBe(committed);
  }, 30_000);
});
