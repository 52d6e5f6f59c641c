import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.ts';
import { SCENARIO_BOUNDS } from '../../src/scenario/schema.ts';
import { inlineScenario } from './support.ts';

describe('scenario files', () => {
  it('name the path and the expectation when a value is wrong', () => {
    expect(() => inlineScenario('{ name: "x", steps: [{ name: "s", send: [{ kind: "burst", count: 0, every: "5s", tokens: 10 }] }] }')).toThrow(
      'Invalid scenario inline-scenario.json5: steps[0].send[0].count must be at least 1, got 0.',
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
    expect(() => inlineScenario('{ name: "x", steps: [{ name: "s", checks: [{ check: "session-count" }] }] }')).toThrow(
      'steps[0].checks[0].max is required (most entries the session store may hold when the step ends)',
    );
  });

  it('point at the line of a JSON5 syntax error', () => {
    expect(() => inlineScenario('{ name: "x",\n  steps: [ }')).toThrow(/line 2/);
  });

  function messageOf(json5: string): string {
    try {
      inlineScenario(json5);
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      return (error as Error).message;
    }
    throw new Error('expected a UserError');
  }
  const checked = 'checks: [{ check: "replies-delivered" }]';

  it('reject a step that sends as a user the scenario does not have', () => {
    expect(messageOf(`{ name: "x", users: { count: 2 }, steps: [{ name: "s", send: [{ kind: "message", user: 7, tokens: 10 }], ${checked} }] }`)).toContain(
      'at steps[0].send[0].user, expected a user index below users.count (2; users are numbered from 0), got 7',
    );
  });

  it('reject a limit on a model the mocks do not serve', () => {
    expect(messageOf(`{ name: "x", mocks: { limits: { "google/gemini-9-ultra": { rpm: 1 } } }, steps: [{ name: "s", ${checked} }] }`)).toContain(
      'at mocks.limits["google/gemini-9-ultra"], expected a provider/model the mocks serve',
    );
  });

  it('accept a limit on a model the mocks serve', () => {
    expect(inlineScenario(`{ name: "x", mocks: { limits: { "google/gemini-2.5-flash": { rpm: 1 } } }, steps: [{ name: "s", ${checked} }] }`).scenario.mocks.limits).toHaveProperty(['google/gemini-2.5-flash']);
  });

  it('reject a scenario that checks nothing', () => {
    expect(messageOf('{ name: "x", steps: [{ name: "s", run: "1m" }] }')).toContain('at steps, expected at least one step with checks');
  });

  it.each([
    ['a burst far over the bound', `{ kind: "burst", count: 100000000, every: 0, tokens: 10 }`, 'steps[0].send[0].count'],
    ['a Poisson rate far over the bound', `{ kind: "poisson", perHour: 1e9, tokens: 10 }`, 'steps[0].send[0].perHour'],
    ['a start a year away', `{ kind: "message", at: "365d", tokens: 10 }`, 'steps[0].send[0].at'],
    ['a message of a billion tokens', `{ kind: "message", tokens: 1e9 }`, 'steps[0].send[0].tokens'],
  ])('reject %s, naming the path', (_what, arrival, path) => {
    expect(messageOf(`{ name: "x", steps: [{ name: "s", send: [${arrival}], ${checked} }] }`)).toMatch(new RegExp(`: (at )?${path.replace(/[[\].]/g, '\\$&')}(,| must)`));
  });

  it('say the bound in words, not as zod phrases it', () => {
    expect(messageOf(`{ name: "x", steps: [{ name: "s", send: [{ kind: "burst", count: 100000000, every: 0, tokens: 10 }], ${checked} }] }`)).toContain(
      'steps[0].send[0].count must be at most 10,000, got 100000000',
    );
  });

  it('reject bursts whose sum is over the bound', () => {
    const half = SCENARIO_BOUNDS.burstMessages / 2 + 1;
    const burst = `{ kind: "burst", count: ${half}, every: 0, tokens: 10 }`;
    expect(messageOf(`{ name: "x", steps: [{ name: "s", send: [${burst}, ${burst}], ${checked} }] }`)).toContain('burst messages in all');
  });

  it('reject a cron job that would fire without pause', () => {
    expect(messageOf(`{ name: "x", cronJobs: [{ id: "c", every: 0, promptTokens: 10 }], steps: [{ name: "s", ${checked} }] }`)).toContain(
      'at cronJobs[0].every, expected interval of at least 1s',
    );
  });

  it.each([
    ['1e30', 'seed must be at most 9,007,199,254,740,991'],
    ['9007199254740993', 'seed must be at most 9,007,199,254,740,991'],
    ['1.5', 'seed must be a whole number, got 1.5'],
    ['-1', 'seed must be at least 0, got -1'],
  ])('reject seed %s, which is not an exact whole number ≥ 0', (seed, words) => {
    expect(messageOf(`{ name: "x", seed: ${seed}, steps: [{ name: "s", ${checked} }] }`)).toContain(words);
  });

  it('ship a JSON Schema for editors that matches the code', async () => {
    const committed = JSON.parse(await readFile('scenarios/scenario.schema.json', 'utf8')) as unknown;
    expect(committed).toEqual(scenarioJsonSchema());
  });
});
