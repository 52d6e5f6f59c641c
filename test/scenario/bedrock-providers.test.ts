/**
 * Models whose API kind is `bedrock-converse-stream`: the built-in
 * amazon-bedrock provider of OpenClaw 2026.2.26 and a config's own (a real
 * one with template placeholders for region and model). A scenario with one
 * as the primary gets its messages replied by the Bedrock mock on the URL the
 * AWS SDK calls, throttled when the scenario sets a limit, and judged from
 * both sides.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { runScenario } from '../../src/scenario/runner.ts';
import { configVariant, doctorFix, inlineScenario } from './support.ts';

const REAL = 'test/fixtures/real-configs';
const PLACEHOLDERS = `${REAL}/amazon-bedrock-placeholders.json5`;

/** `count` messages 10 s apart, one step of two minutes. */
const messages = (count: number, mocks = '') =>
  inlineScenario(
    `{ name: "bedrock", profile: "2026.2", host: { heartbeatHasTasks: false }, users: { count: 1 }, ${mocks}` +
      `steps: [{ name: "one", send: [${Array.from({ length: count }, (_, index) => `{ kind: "message", at: "${index * 10}s", tokens: 200 }`).join(', ')}], ` +
      `run: "2m", checks: [{ check: "rate-limit-errors", max: 0 }] }] }`,
  );

const configWithPrimary = (primary: string) =>
  configVariant(`${REAL}/google-gemini-builtin-bindings-telegram.json5`, (config) => {
    doctorFix(config);
    config['agents'].defaults.model = { primary };
  });

async function run(configFile: string, count = 1, mocks = '') {
  const { result, world } = await runScenario({ loaded: messages(count, mocks), configFile, version: 'test' });
  return { result, world, requests: world.journal.where(() => true) };
}

describe('amazon-bedrock from the built-in catalog', () => {
  it('replies through the Bedrock mock on ConverseStream', async () => {
    const { result, world, requests } = await run(await configWithPrimary('amazon-bedrock/amazon.nova-2-lite-v1:0'));
    expect(requests.map((entry) => [entry.provider, entry.api, entry.model, entry.status])).toEqual([['bedrock', 'converse-stream', 'amazon.nova-2-lite-v1:0', 200]]);
    // Every request reached a mock route: the SDK called the us-east-1 endpoint, nothing went unanswered.
    expect(world.unmatched.entries).toEqual([]);
    expect(result.messages).toMatchObject({ sent: 1, replied: 1 });
    expect(result.checks.map((entry) => entry.status)).toEqual(['pass']);
  });

  it('runs unlimited and says the limits were assumed', async () => {
    const { result } = await run(await configWithPrimary('amazon-bedrock/amazon.nova-2-lite-v1:0'));
    expect(result.assumedLimits).toEqual([{ provider: 'bedrock', models: ['amazon.nova-2-lite-v1:0'], source: expect.stringMatching(/^assumed: Amazon Bedrock on-demand quotas/) }]);
  });
});

describe('a config’s own amazon-bedrock provider (region and model as template placeholders)', () => {
  it('replies on the model id the config names', async () => {
    const { result, requests } = await run(PLACEHOLDERS);
    expect(requests.map((entry) => [entry.provider, entry.api, entry.model, entry.status])).toEqual([['bedrock', 'converse-stream', 'MODEL_ID_PLACEHOLDER', 200]]);
    expect(result.messages).toMatchObject({ sent: 1, replied: 1 });
  });

  it('throttles over a scenario limit: the SDK retries beneath the gateway, then the 429 is a rate-limit error', async () => {
    const { result, requests } = await run(PLACEHOLDERS, 2, 'mocks: { limits: { "amazon-bedrock/MODEL_ID_PLACEHOLDER": { rpm: 1 } } }, ');
    const [first, ...refused] = requests;
    expect(first!.status).toBe(200);
    expect(new Set(refused.map((entry) => `${entry.status} ${entry.errorType}`))).toEqual(new Set(['429 ThrottlingException']));
    // Each of the gateway's attempts is three HTTP requests: the SDK's default maxAttempts, beneath it.
    expect(refused.length % 3).toBe(0);
    expect(refused.length).toBeGreaterThan(3);
    expect(result.messages).toMatchObject({ sent: 2, replied: 1, errorReplies: 1 });
    // The error text the user got names the rate limit: a users-layer failure, the gateway's 429s reported beside it.
    expect(result.checks[0]!.status).toBe('fail');
    expect(result.checks[0]!.summary).toMatch(/^1 rate-limit error users saw \(max 0\) · gateway: \d+ × 429 served, [1-9]\d* rate-limit lines in gateway.err.log/);
  });
});

describe('the stress suite with a Bedrock model as the primary', () => {
  for (const [name, config, model] of [
    ['the built-in catalog', () => configWithPrimary('amazon-bedrock/amazon.nova-2-lite-v1:0'), 'amazon.nova-2-lite-v1:0'],
    ['the placeholder config', () => Promise.resolve(PLACEHOLDERS), 'MODEL_ID_PLACEHOLDER'],
  ] as const) {
    it(`sends bedrock ${model} requests from ${name} and judges both rate-limit checks on them`, async () => {
      const { result, world } = await runScenario({ loaded: await loadScenario('scenarios/stress-suite.json5'), configFile: await config(), version: 'test' });
      expect(world.journal.where({ status: 200 }).some((entry) => entry.provider === 'bedrock' && entry.api === 'converse-stream' && entry.model === model)).toBe(true);
      expect(result.checks.filter((entry) => entry.check === 'rate-limit-errors').map((entry) => entry.status)).toEqual(['pass', 'pass']);
      expect(result.messages).toMatchObject({ sent: 4, replied: 4 });
    });
  }
});
