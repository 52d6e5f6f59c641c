/**
 * A bad scenario is refused in plain words: every problem names its path and says what the field
 * takes, never zod's own phrases ("Invalid input", "Too small: expected number to be >=0",
 * "Unrecognized keys: …"), and the whole refusal is one paragraph with exit code 2.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { formatConfigPath } from '../../src/config/path.ts';
import { UserError } from '../../src/errors.ts';
import { ScenarioSchema } from '../../src/scenario/schema.ts';
import { inlineScenario } from './support.ts';

function refusal(scenario: unknown): UserError {
  try {
    inlineScenario(JSON.stringify(scenario));
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected the scenario to be refused');
}

const CHECKED = [{ check: 'replies-delivered' }];
const withArrival = (arrival: Record<string, unknown>) => ({ name: 'x', steps: [{ name: 's', send: [arrival], checks: CHECKED }] });

describe('a refused scenario says in plain words', () => {
  it('that a missing field is required, and what it holds', () => {
    expect(refusal(withArrival({ kind: 'message' })).message).toBe(
      'Invalid scenario inline-scenario.json5: steps[0].send[0].tokens is required ' +
        '(size of each message in tokens (4 characters each): a number, or { min, max } drawn per message).',
    );
  });

  it('the bound a number is under, and the number given', () => {
    expect(refusal({ name: 'x', steps: [{ name: 's', checks: [{ check: 'session-count', max: -1 }] }] }).message).toContain(
      'steps[0].checks[0].max must be at least 0, got -1',
    );
  });

  it('which keys a field does not take, and which it does', () => {
    expect(refusal(withArrival({ kind: 'message', tokens: 5, count: 3, every: '5s' })).message).toContain(
      'steps[0].send[0] has keys this field does not take: "count", "every" (it takes: kind, at, user, tokens, chat)',
    );
  });

  it("a check's own parameters, by the check's name", () => {
    expect(refusal({ name: 'x', steps: [{ name: 's', checks: [{ check: 'session-count', mx: 20 }] }] }).message).toContain(
      'steps[0].checks[0] has a key this field does not take: "mx" (it takes: check, title, window, max)',
    );
  });

  it('what the closest branch of a union lacks, not "Invalid input"', () => {
    expect(refusal(withArrival({ kind: 'message', tokens: { min: 1 } })).message).toContain('steps[0].send[0].tokens.max is required (most tokens a message draws)');
  });

  it('the allowed values of an enum', () => {
    expect(refusal({ name: 'x', profile: '2027.1', steps: [{ name: 's', checks: CHECKED }] }).message).toContain(
      'profile must be one of "2026.2", "2026.9", got "2027.1"',
    );
  });

  it('the kinds an arrival can be', () => {
    expect(refusal(withArrival({ kind: 'mesage', tokens: 5 })).message).toContain('steps[0].send[0].kind must be one of "message", "burst", "poisson", got "mesage"');
  });

  it('the values of a field that takes a word or a number, with what the field is', () => {
    expect(refusal({ name: 'x', host: { skills: 'al' }, steps: [{ name: 's', checks: CHECKED }] }).message).toContain(
      'host.skills must be one of "observed", "bundled", got "al" (eligible skills on the host',
    );
  });

  it('a record key that does not fit', () => {
    expect(refusal({ name: 'x', mocks: { limits: { gemini: { rpm: 1 } } }, steps: [{ name: 's', checks: CHECKED }] }).message).toContain(
      'mocks.limits has a key "gemini" that is not a provider/model key',
    );
  });
});

/** A scenario using every part of the schema, valid as it stands. */
const VALID = {
  name: 'every-part',
  profile: '2026.2',
  seed: 7,
  startAt: '2026-02-27T16:00:00Z',
  mocks: {
    tiers: { google: 'tier1' },
    limits: { 'google/gemini-2.5-flash': { rpm: 10, tpm: 1000 } },
    scope: { google: { models: 'shared', keys: 'per-key' } },
    faults: {
      rules: [
        { name: 'storm', match: { provider: 'gemini', model: 'gemini-2.5-flash' }, when: { fromMs: 0, untilMs: 60000 }, script: ['429', 'ok'], repeat: true },
        { fault: 'rate-limit', probability: { base: 0.1, perThousandPromptTokens: 0.01, max: 0.9 }, latency: { distribution: 'uniform', minMs: 1, maxMs: 5 } },
      ],
    },
  },
  host: { systemPromptTokens: 1000, heartbeatHasTasks: false, skills: 3, toolResultTokensPerTurn: 10, toolCallsPerTurn: 1 },
  preload: { sessions: [{ kind: 'cron-run', count: 2, age: '48h' }], mainTranscriptTokens: 100 },
  users: { count: 2, paired: [0], account: 'default' },
  cronJobs: [{ id: 'digest', every: '1h', promptTokens: 50 }],
  steps: [
    {
      name: 'traffic',
      send: [
        { kind: 'message', at: '1s', user: 1, tokens: 10, chat: 'group' },
        { kind: 'burst', count: 3, every: '5s', tokens: { min: 5, max: 10 } },
        { kind: 'poisson', perHour: 60, from: 0, until: '10m', tokens: 20, dayCurve: true },
      ],
      run: '15m',
      checks: [
        { check: 'rate-limit-errors', max: 0, title: 'no 429s' },
        { check: 'peak-usage', model: 'google/gemini-2.5-flash', metric: 'rpm', max: 'limit', window: 'run' },
        { check: 'reply-time', percentile: 95, belowMs: 30000 },
      ],
    },
  ],
  variants: { calm: { description: 'no faults', faults: { rules: [] } } },
};

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [path];
  const children = Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key]));
  return [path, ...children];
}

const PATHS = pathsOf(VALID).filter((path) => path.length > 0);

const wrongValue = fc.constantFrom<unknown>(-1, -0.5, 1.5, 1e13, 'soon', '', true, null, [], {}, [1, 'x'], { colour: 'blue' });
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), path: fc.constantFrom(...PATHS), value: wrongValue }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...PATHS) }),
  fc.record({ kind: fc.constant('unknown-key' as const), path: fc.constantFrom(...PATHS), key: fc.constantFrom('count', 'every', 'mx', 'colour') }),
);

type Mutation = { kind: 'replace' | 'delete' | 'unknown-key'; path: Path; value?: unknown; key?: string };

/** The document with one mutation applied, and the path it touched. */
function mutated(m: Mutation): { doc: unknown; path: Path } {
  const doc = structuredClone(VALID) as Record<string | number, unknown>;
  const parent = m.path.slice(0, -1).reduce<any>((node: any, segment) => node[segment], doc);
  const last = m.path.at(-1)!;
  if (m.kind === 'replace') parent[last] = structuredClone(m.value);
  if (m.kind === 'delete') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
  if (m.kind === 'unknown-key') {
    const target = parent[last];
    if (typeof target !== 'object' || target === null || Array.isArray(target)) return { doc, path: m.path };
    target[m.key!] = 1;
  }
  return { doc, path: m.path };
}

const ZOD_PHRASES = ['Invalid input', 'Invalid option', 'Invalid discriminator', 'Invalid key in record', 'Too small', 'Too big', 'Unrecognized key', 'received undefined', 'expected expected'];

describe('for any invalid scenario, the refusal', () => {
  it('starts from a scenario that loads', () => {
    expect(inlineScenario(JSON.stringify(VALID)).scenario.name).toBe('every-part');
  });

  test.prop([mutation], { seed: 21, numRuns: 400 })('names the path, in plain words, in one paragraph, with exit code 2', (m) => {
    const { doc, path } = mutated(m);
    let error: unknown;
    try {
      inlineScenario(JSON.stringify(doc));
      return;
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    const { message, exitCode } = error as UserError;
    expect(exitCode).toBe(2);
    expect(message).not.toContain('\n');
    for (const phrase of ZOD_PHRASES) expect(message).not.toContain(phrase);
    const prefixes = path.map((_, index) => formatConfigPath(path.slice(0, index + 1)));
    expect(prefixes.some((prefix) => message.includes(prefix))).toBe(true);
  }, 30_000);

  it("can fail: zod's own words for the same problems are caught", () => {
    const issues = ScenarioSchema.safeParse(withArrival({ kind: 'message', tokens: -1, count: 3 })).error!.issues;
    const inZodWords = issues.map((issue) => issue.message).join('; ');
    expect(ZOD_PHRASES.filter((phrase) => inZodWords.includes(phrase))).toEqual(['Too small', 'Unrecognized key']);
  });
});
