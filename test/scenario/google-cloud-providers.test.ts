/**
 * Models whose API kind is one of Google's Cloud flavours of Gemini: the
 * built-in `google-vertex` provider (api google-vertex) and `google-gemini-cli`
 * (Cloud Code Assist). A scenario with one as the primary gets its message
 * replied, by the mock on the URL the real client calls, and judged from
 * both sides.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { runScenario } from '../../src/scenario/runner.ts';
import { configVariant, doctorFix, inlineScenario } from './support.ts';

const REAL = 'test/fixtures/real-configs';

const oneMessage = (mocks = '') =>
  inlineScenario(
    `{ name: "one-message", profile: "2026.2", host: { heartbeatHasTasks: false }, users: { count: 1 }, ${mocks}` +
      `steps: [{ name: "one", send: [{ kind: "message", tokens: 200 }], run: "2m", checks: [{ check: "rate-limit-errors", max: 0 }] }] }`,
  );

const configWithPrimary = (primary: string) =>
  configVariant(`${REAL}/google-gemini-builtin-bindings-telegram.json5`, (config) => {
    doctorFix(config);
    config['agents'].defaults.model = { primary };
  });

async function runWithPrimary(primary: string, mocks = '') {
  const { result, world } = await runScenario({ loaded: oneMessage(mocks), configFile: await configWithPrimary(primary), version: 'test' });
  return { result, world, requests: world.journal.where(() => true) };
}

describe('google-vertex from the built-in catalog', () => {
  it('replies through the Vertex mock on the regional publisher-model URL', async () => {
    const { result, world, requests } = await runWithPrimary('google-vertex/gemini-2.5-flash');
    expect(requests.map((entry) => [entry.provider, entry.api, entry.model, entry.status])).toEqual([['vertex', 'streamGenerateContent', 'gemini-2.5-flash', 200]]);
    // Every request reached a mock route: the URL was the Vertex one, nothing went unanswered.
    expect(world.unmatched.entries).toEqual([]);
    expect(result.messages).toMatchObject({ sent: 1, replied: 1 });
    expect(result.checks.map((entry) => entry.status)).toEqual(['pass']);
  });

  it('runs unlimited and says the limits were assumed', async () => {
    const { result } = await runWithPrimary('google-vertex/gemini-2.5-flash');
    expect(result.assumedLimits).toEqual([{ provider: 'vertex', models: ['gemini-2.5-flash'], source: expect.stringMatching(/^assumed: Vertex AI publishes no per-project limits/) }]);
  });

  it('meters a limit the scenario sets on a Vertex model', async () => {
    const { requests } = await runWithPrimary('google-vertex/gemini-2.5-flash', 'mocks: { limits: { "google-vertex/gemini-2.5-flash": { rpm: 7 } } }, ');
    expect(requests[0]!.quotaAfter).toMatchObject({ requestsPerMinute: { limit: 7, used: 1 } });
  });
});

describe('google-gemini-cli from the built-in catalog', () => {
  it('replies through the Cloud Code Assist mock, metered per user under the individual tier', async () => {
    const { result, world, requests } = await runWithPrimary('google-gemini-cli/gemini-2.5-pro');
    expect(requests.map((entry) => [entry.provider, entry.api, entry.model, entry.status])).toEqual([['gemini-cli', 'streamGenerateContent', 'gemini-2.5-pro', 200]]);
    expect(requests[0]!.quotaAfter).toMatchObject({ requestsPerMinute: { limit: 60, used: 1 }, requestsPerDay: { limit: 1000, used: 1 } });
    expect(world.unmatched.entries).toEqual([]);
    expect(result.messages).toMatchObject({ sent: 1, replied: 1 });
    expect(result).not.toHaveProperty('assumedLimits');
  });
});

describe('the stress suite with a Google Cloud model as the primary', () => {
  for (const [primary, sent] of [
    ['google-vertex/gemini-2.5-flash', ['vertex', 'gemini-2.5-flash']],
    ['google-gemini-cli/gemini-2.5-pro', ['gemini-cli', 'gemini-2.5-pro']],
  ] as const) {
    it(`sends ${sent.join(' ')} requests and judges both rate-limit checks on them`, async () => {
      const { result, world } = await runScenario({ loaded: await loadScenario('scenarios/stress-suite.json5'), configFile: await configWithPrimary(primary), version: 'test' });
      expect(world.journal.where({ status: 200 }).some((entry) => entry.provider === sent[0] && entry.model === sent[1])).toBe(true);
      expect(result.checks.filter((entry) => entry.check === 'rate-limit-errors').map((entry) => entry.status)).toEqual(['pass', 'pass']);
      expect(result.messages).toMatchObject({ sent: 4, replied: 4 });
    });
  }
});
