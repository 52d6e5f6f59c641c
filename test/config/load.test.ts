import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { MAX_INPUT_BYTES, MAX_NESTING_DEPTH } from '../../src/config/input-limits.ts';
import { loadConfig, parseConfigText } from '../../src/config/load.ts';

// Runs `fn` and returns the UserError it throws; fails the test if it throws anything else.
function userErrorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError, but nothing was thrown');
}

async function asyncUserErrorOf(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('input limits', () => {
  it.each([
    ['lists', `{ agents: ${'['.repeat(20_000)}${']'.repeat(20_000)} }`],
    ['objects', `{ agents: ${'{ a: '.repeat(5_000)}1${' }'.repeat(5_000)} }`],
  ])('refuses %s nested deeper than the limit, naming it', (_kind, text) => {
    const error = userErrorOf(() => parseConfigText(text, 'deep.json5'));
    expect(error.message).toContain('deep.json5');
    expect(error.message).toContain(`more than ${MAX_NESTING_DEPTH} levels deep (at agents`);
    expect(error.message).toContain('MAX_NESTING_DEPTH');
  });

  it('accepts nesting up to the limit', () => {
    const text = `{ agents: { x: ${'['.repeat(MAX_NESTING_DEPTH - 2)}${']'.repeat(MAX_NESTING_DEPTH - 2)} } }`;
    expect(parseConfigText(text, 'x.json5').warnings).toEqual(['unknown key agents.x (quotastorm does not model it; passed through)']);
  });

  it('refuses a file larger than the limit without reading all of it', async () => {
    const error = await asyncUserErrorOf(loadConfig('/dev/zero'));
    expect(error.message).toContain(`/dev/zero is larger than ${MAX_INPUT_BYTES.toLocaleString('en-US')} bytes`);
  });
});

describe('parseConfigText', () => {
  it('keeps the JSON5 as written in raw and adds defaults only to config', () => {
    const loaded = parseConfigText('{ session: { maintenance: { maxEntries: 15 } } } // comment', 'x.json5');
    expect(loaded.raw).toEqual({ session: { maintenance: { maxEntries: 15 } } });
    expect(loaded.config.agents?.defaults?.maxConcurrent).toBe(4);
    expect(loaded.file).toBe('x.json5');
  });

  it('passes an unknown key through with a warning naming its path', () => {
    const loaded = parseConfigText('{ agents: { defaults: { foo: 1, maxConcurent: 2 } } }', 'x.json5');
    expect(loaded.warnings).toEqual([
      'unknown key agents.defaults.foo (quotastorm does not model it; passed through)',
      'unknown key agents.defaults.maxConcurent (quotastorm does not model it; passed through)',
    ]);
    expect(loaded.config.agents?.defaults?.['foo']).toBe(1);
  });

  it('warns about unknown keys inside lists and records with bracket paths', () => {
    const text = '{ models: { providers: { google: { baseUrl: "u", models: [{ id: "a", name: "A", colour: "red" }] } } } }';
    expect(parseConfigText(text, 'x.json5').warnings).toEqual([
      'unknown key models.providers.google.models[0].colour (quotastorm does not model it; passed through)',
    ]);
  });

  it('does not warn inside sections accepted wholesale', () => {
    const text = '{ gateway: { mode: "local", http: { endpoints: { chatCompletions: { enabled: true } } } }, tools: { x: 1 } }';
    expect(parseConfigText(text, 'x.json5').warnings).toEqual([]);
  });

  it('warns that $include is not followed', () => {
    expect(parseConfigText('{ $include: "./more.json5" }', 'x.json5').warnings).toEqual([
      "$include is not followed by quotastorm: the included file's keys are not loaded",
    ]);
  });

  it('rejects a JSON5 syntax error with the file and line:column', () => {
    const text = '{\n  session: {\n    maintenance: { mode: "enforce",, },\n  },\n}\n';
    const error = userErrorOf(() => parseConfigText(text, 'bad.json5'));
    expect(error.message).toBe(
      "Cannot parse config bad.json5: invalid character ',' at line 3, column 36 (bad.json5:3:36). " +
        'Expected JSON5: an object of keys and values; comments, unquoted keys and trailing commas are fine.',
    );
    expect(error.exitCode).toBe(2);
  });

  it('rejects maxEntries "fifteen" naming the JSON path, the value and what was expected', () => {
    const error = userErrorOf(() => parseConfigText('{ session: { maintenance: { maxEntries: "fifteen" } } }', 'x.json5'));
    expect(error.message).toBe(
      'Invalid config x.json5: at session.maintenance.maxEntries, expected a positive integer, got "fifteen". ' +
        "Fix the value (an optional key can also be removed to use OpenClaw's default).",
    );
  });

  it('rejects an unknown maintenance mode listing the allowed values', () => {
    const error = userErrorOf(() => parseConfigText('{ session: { maintenance: { mode: "sometimes" } } }', 'x.json5'));
    expect(error.message).toContain('at session.maintenance.mode, expected one of "enforce" | "warn", got "sometimes"');
  });

  it('rejects a bad duration naming the key and what a bare number means there', () => {
    const error = userErrorOf(() => parseConfigText('{ session: { maintenance: { pruneAfter: "6 hours" } } }', 'x.json5'));
    expect(error.message).toContain('at session.maintenance.pruneAfter, expected a duration like');
    expect(error.message).toContain('a bare number means days');
  });

  it('lists several problems in one paragraph', () => {
    const text = '{ agents: { defaults: { maxConcurrent: 0, heartbeat: { every: true } } }, messages: { queue: { drop: "all" } } }';
    const error = userErrorOf(() => parseConfigText(text, 'x.json5'));
    expect(error.message).toMatch(/^Invalid config x\.json5 \(3 problems\): at /);
    expect(error.message).toContain('at agents.defaults.maxConcurrent, expected a positive integer, got 0');
    expect(error.message).toContain('at agents.defaults.heartbeat.every, expected a duration like');
    expect(error.message).toContain('at messages.queue.drop, expected one of "old" | "new" | "summarize", got "all"');
    expect(error.message).not.toContain('\n');
  });

  it('says a required key is missing', () => {
    const error = userErrorOf(() => parseConfigText('{ models: { providers: { x: { models: [] } } } }', 'x.json5'));
    expect(error.message).toContain('at models.providers.x.baseUrl, expected a non-empty string, but it is missing');
  });

  it('rejects a top level that is not an object', () => {
    const error = userErrorOf(() => parseConfigText('[1, 2]', 'x.json5'));
    expect(error.message).toContain('at the top level, expected an object, got [1,2]');
  });
});

// The configs the real gateways (openclaw@2026.9.6, openclaw@2026.2.26) were observed with, run offline against fake providers.
const REAL_2026_9_CONFIG = `{
  gateway: {
    mode: "local", port: 18789, bind: "loopback",
    auth: { mode: "token", token: "test-token-123" },
    http: { endpoints: { chatCompletions: { enabled: true } } },
  },
  update: { checkOnStart: false },
  telemetry: { enabled: false },
  models: {
    mode: "replace",
    catalogRefresh: { enabled: false },
    providers: {
      fake: {
        baseUrl: "http://127.0.0.1:4010/v1", apiKey: "fake-key", api: "openai-completions",
        models: [{ id: "fake-primary", name: "Fake Primary", reasoning: false, input: ["text"],
                   cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, contextWindow: 128000, maxTokens: 4096 }],
      },
    },
  },
  channels: { telegram: { enabled: true, botToken: "123456:FAKE-TOKEN", apiRoot: "http://127.0.0.1:4020",
                          dmPolicy: "allowlist", allowFrom: ["424242"] } },
  agents: { defaults: { workspace: "/tmp/home/.openclaw/workspace",
                        model: { primary: "fake/fake-primary", fallbacks: ["fake/fake-fb1", "fake/fake-fb2"] } } },
}`;

const REAL_2026_2_CONFIG = `{
  gateway: { mode: "local", port: 18789, bind: "loopback", auth: { mode: "token", token: "test-token-123" } },
  update: { checkOnStart: false },
  session: { maintenance: { mode: "enforce", maxEntries: 15, pruneAfter: "6h" } },
  // commands: { nativeSkills: false },
  models: { mode: "replace", providers: {
    gfake: { baseUrl: "http://127.0.0.1:4011/v1beta", apiKey: "fake-gemini-key", api: "google-generative-ai",
             models: [ { id: "gemini-3-flash-preview", name: "Fake Gemini Flash", contextWindow: 1000000, maxTokens: 8192 } ] } } },
  channels: { telegram: { enabled: true, botToken: "123456:FAKE-TOKEN", dmPolicy: "allowlist", allowFrom: ["424242"] } },
  agents: { defaults: { model: { primary: "gfake/gemini-3-flash-preview", fallbacks: ["gfake/gemini-3-pro-preview"] } } },
}`;

describe('real OpenClaw configs', () => {
  it.each([
    ['2026.9.6', REAL_2026_9_CONFIG],
    ['2026.2.26', REAL_2026_2_CONFIG],
  ])('loads the config openclaw@%s ran with, with no warnings', (_version, text) => {
    expect(parseConfigText(text, 'openclaw.json').warnings).toEqual([]);
  });
});

describe('loadConfig', () => {
  it('rejects a missing file naming it', async () => {
    const error = await asyncUserErrorOf(loadConfig('test/config/no-such-openclaw.json5'));
    expect(error.message).toBe(
      'Config file test/config/no-such-openclaw.json5 was not found. Expected an OpenClaw config (openclaw.json, JSON5) at that path.',
    );
  });

  it('rejects a directory', async () => {
    const error = await asyncUserErrorOf(loadConfig('test/config'));
    expect(error.message).toContain('is a directory, not a file');
  });
});
