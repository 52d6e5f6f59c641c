import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { scenarioJsonSchema } from '../../src/scenario/schema.ts';
import { inlineScenario } from './support.ts';

describe('scenario files', () => {
  it('name the path and the expectation when a value is wrong', () => {
    expect(() => inlineScenario('{ name: "x", steps: [{ name: "s", send: [{ kind: "burst", count: 0, every: "5s", tokens: 10 }] }] }')).toThrow(
      /Invalid scenario inline-scenario\.json5: at steps\[0\]\.send\[0\]\.count, expected/,
    );
  });

  it('list the known checks when a check is unknown', () => {
    const error = (() => {
      try {
        inlineScenario('{ name: "x", steps: [{ name: "s", checks: [{ check: "vibes" }] }] }');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain('steps[0].checks[0].check');
    expect((error as Error).message).toContain('"config-verification"');
  });

  it('reject bad check parameters before a run starts', () => {
    expect(() => inlineScenario('{ name: "x", steps: [{ name: "s", checks: [{ check: "session-count" }] }] }')).toThrow(/steps\[0\]\.checks\[0\]: check "session-count" has bad parameters/);
  });

  it('point at the line of a JSON5 syntax error', () => {
    expect(() => inlineScenario('{ name: "x",\n  steps: [ }')).toThrow(/line 2/);
  });

  it('ship a JSON Schema for editors that matches the code', async () => {
    const committed = JSON.parse(await readFile('scenarios/scenario.schema.json', 'utf8')) as unknown;
    expect(committed).toEqual(scenarioJsonSchema());
  });
});
