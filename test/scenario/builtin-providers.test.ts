/**
 * Real configs whose models are not declared in `models.providers`, or that
 * point a provider at an OpenAI-compatible server: the gateway resolves them
 * as the pinned OpenClaw does (its built-in catalog, the config's own
 * baseUrl) and the mocks answer there, so the run sends and judges turns.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { runScenario } from '../../src/scenario/runner.ts';
import { configVariant, doctorFix, inlineScenario } from './support.ts';

const REAL = 'test/fixtures/real-configs';

const oneMessage = (profile: string, mocks = '') =>
  inlineScenario(
    `{ name: "one-message", profile: "${profile}", host: { heartbeatHasTasks: false }, users: { count: 1 }, ${mocks}` +
      `steps: [{ name: "one", send: [{ kind: "message", tokens: 200 }], run: "2m", checks: [{ check: "rate-limit-errors", max: 0 }] }] }`,
  );

async function runOn(config: string, profile = '2026.2', mocks = '') {
  const { result, world } = await runScenario({ loaded: oneMessage(profile, mocks), configFile: config, version: 'test' });
  return { result, requests: world.journal.where(() => true) };
}

describe('a model from the built-in catalog', () => {
  it('sends google/gemini-3.1-pro-preview to the Gemini mock when the config declares no models.providers', async () => {
    const { result, requests } = await runOn(await configVariant(`${REAL}/google-gemini-builtin-bindings-telegram.json5`, (config) => doctorFix(config)));
    expect(requests.map((entry) => [entry.provider, entry.model, entry.status])).toContainEqual(['gemini', 'gemini-3.1-pro-preview', 200]);
    expect(result.messages).toMatchObject({ sent: 1, replied: 1 });
    expect(result.checks.map((entry) => entry.status)).toEqual(['pass']);
  });

  it('sends openrouter/… to the OpenRouter base URL under the 2026.9 catalog as well', async () => {
    const { result, requests } = await runOn(`${REAL}/openrouter-llama-telegram-open.json5`, '2026.9');
    expect(requests.map((entry) => [entry.provider, entry.model, entry.status])).toContainEqual(['compatible', 'meta-llama/llama-4-maverick', 200]);
    expect(result.messages).toMatchObject({ sent: 1, replied: 1 });
  });
});

describe('an OpenAI-compatible server on the config’s own baseUrl', () => {
  it('answers an ollama provider on http://127.0.0.1:11434/v1 with any model id it names', async () => {
    const config = await configVariant(`${REAL}/openrouter-llama-telegram-open.json5`, (config) => {
      config['agents'].defaults.model.primary = 'ollama/qwen3:8b';
      config['models'] = { providers: { ollama: { baseUrl: 'http://127.0.0.1:11434/v1', api: 'openai-completions', apiKey: 'ollama-local', models: [] } } };
    });
    const { result, requests } = await runOn(config);
    expect(requests.map((entry) => [entry.provider, entry.model, entry.status])).toContainEqual(['compatible', 'qwen3:8b', 200]);
    expect(result.messages).toMatchObject({ sent: 1, replied: 1 });
  });

  it('has no limits on a paid OpenRouter model unless the scenario sets some, and the result says why', async () => {
    const { result, requests } = await runOn(`${REAL}/openrouter-llama-telegram-open.json5`);
    expect(requests.every((entry) => Object.keys(entry.quotaAfter ?? {}).length === 0)).toBe(true);
    expect(result.assumedLimits).toEqual([
      { provider: 'openrouter', models: ['meta-llama/llama-4-maverick'], source: expect.stringMatching(/^assumed unlimited: OpenRouter publishes fixed limits only for :free models/) },
    ]);
  });

  it('says nothing about assumed limits when every provider has a published table', async () => {
    const { result } = await runOn(await configVariant(`${REAL}/google-gemini-builtin-bindings-telegram.json5`, (config) => doctorFix(config)));
    expect(result).not.toHaveProperty('assumedLimits');
  });

  it('meters the limits a scenario sets on one of its models', async () => {
    const { requests } = await runOn(`${REAL}/openrouter-llama-telegram-open.json5`, '2026.2', 'mocks: { limits: { "openrouter/meta-llama/llama-4-maverick": { rpm: 7 } } }, ');
    expect(requests[0]!.quotaAfter).toMatchObject({ requestsPerMinute: { limit: 7, used: 1 } });
  });

  it('refuses a limit on a provider the config cannot run, naming it', async () => {
    await expect(runOn(`${REAL}/openrouter-llama-telegram-open.json5`, '2026.2', 'mocks: { limits: { "lmstudio/qwen3-8b": { rpm: 7 } } }, ')).rejects.toThrow(
      /mocks.limits: "lmstudio\/qwen3-8b" names provider "lmstudio", which neither the config's models.providers nor OpenClaw 2026.2.26's built-in catalog declares/,
    );
  });

  it('answers an ollama provider with api "ollama" on its native /api/chat, base URL as the config writes it', async () => {
    const config = await configVariant(`${REAL}/openrouter-llama-telegram-open.json5`, (config) => {
      config['agents'].defaults.model.primary = 'ollama/gemma4:e2b';
      config['models'] = { providers: { ollama: { baseUrl: 'http://127.0.0.1:11434', api: 'ollama', apiKey: 'ollama-local', models: [] } } };
    });
    const { result, requests } = await runOn(config);
    expect(requests.map((entry) => [entry.provider, entry.api, entry.model, entry.status])).toContainEqual(['ollama', 'chat', 'gemma4:e2b', 200]);
    expect(result.messages).toMatchObject({ sent: 1, replied: 1 });
  });
});

describe('a model on the Responses API', () => {
  it('sends a built-in openai/… model to the Responses mock on /v1/responses and replies', async () => {
    const config = await configVariant(`${REAL}/openrouter-llama-telegram-open.json5`, (config) => {
      config['agents'].defaults.model.primary = 'openai/gpt-5.2';
    });
    const { result, requests } = await runOn(config);
    expect(requests.map((entry) => [entry.provider, entry.api, entry.model, entry.status])).toContainEqual(['openai', 'responses', 'gpt-5.2', 200]);
    expect(result.messages).toMatchObject({ sent: 1, replied: 1 });
    expect(result.checks.map((entry) => entry.status)).toEqual(['pass']);
  });

  it('sends openai-codex/… to the Codex backend’s /codex/responses', async () => {
    const { result, requests } = await runOn(`${REAL}/openai-codex-discord.json5`);
    expect(requests.map((entry) => [entry.provider, entry.api, entry.model, entry.status])).toContainEqual(['compatible', 'responses', 'gpt-5.3-codex', 200]);
    expect(result.messages).toMatchObject({ sent: 1, replied: 1 });
  });
});

describe('an API kind quotastorm does not mock', () => {
  it('is an error naming the model and the kind, not an empty pass', async () => {
    const config = await configVariant(`${REAL}/openrouter-llama-telegram-open.json5`, (config) => {
      config['agents'].defaults.model.primary = 'pi-local/pi-1';
      // An API kind 2026.2.26's schema accepts (MODEL_APIS) that quotastorm has no mock for.
      config['models'] = { providers: { 'pi-local': { baseUrl: 'http://127.0.0.1:8123', api: 'github-copilot', models: [{ id: 'pi-1', name: 'pi-1' }] } } };
    });
    const { result, requests } = await runOn(config);
    expect(requests).toEqual([]);
    expect(result.checks.map((entry) => entry.status)).toEqual(['error']);
    expect(result.checks[0]!.summary).toContain('pi-local/pi-1 uses API kind "github-copilot", which quotastorm does not mock');
  });
});

describe('the stress suite on real configs', () => {
  const openTelegram = (file: string) =>
    configVariant(file, (config) => {
      Object.assign(config['channels'].telegram, { dmPolicy: 'open', allowFrom: ['*'] });
      // Values 2026.2.26's schema refuses and doctor cannot remove: a memorySearch provider it does not know, a SecretRef token.
      delete config['agents'].defaults.memorySearch;
      delete config['gateway'].auth;
      doctorFix(config);
    });
  // Each config as `openclaw doctor --fix` leaves it, so that 2026.2.26 starts with it.
  const fixed = (file: string) => configVariant(file, (config) => doctorFix(config));
  const cases = [
    { config: () => fixed(`${REAL}/google-gemini-builtin-bindings-telegram.json5`), sent: ['gemini', 'gemini-3.1-pro-preview'] },
    { config: () => Promise.resolve(`${REAL}/openrouter-llama-telegram-open.json5`), sent: ['compatible', 'meta-llama/llama-4-maverick'] },
    { config: () => openTelegram(`${REAL}/ollama-openrouter-secretref-telegram.json5`), sent: ['ollama', 'gemma4:e2b'] },
    // Its qwen3.5-plus declares a 1,000,000-token window: the stress suite's 240K transcript fits it.
    { config: () => fixed(`${REAL}/bailian-dashscope-feishu-bindings.json5`), sent: ['compatible', 'qwen3.5-plus'] },
    // openai-codex/gpt-5.3-codex on the Codex backend's Responses endpoint.
    { config: () => Promise.resolve(`${REAL}/openai-codex-discord.json5`), sent: ['compatible', 'gpt-5.3-codex'] },
  ];
  for (const { config, sent } of cases) {
    it(`sends ${sent.join(' ')} requests and judges both rate-limit checks on them`, async () => {
      const { result, world } = await runScenario({ loaded: await loadScenario('scenarios/stress-suite.json5'), configFile: await config(), version: 'test' });
      expect(world.journal.where({ status: 200 }).some((entry) => entry.provider === sent[0] && entry.model === sent[1])).toBe(true);
      expect(result.checks.filter((entry) => entry.check === 'rate-limit-errors').map((entry) => entry.status)).toEqual(['pass', 'pass']);
      expect(result.messages).toMatchObject({ sent: 4, replied: 4 });
    });
  }
});
