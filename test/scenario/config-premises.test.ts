/**
 * What a run does with a config the pinned gateways read in their own way:
 * legacy keys refuse the run as the gateway refuses to start, and a provider
 * registered from an API key alone runs with that key assumed, said in the notes.
 */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { runScenario } from '../../src/scenario/runner.ts';
import { AFTER, configVariant, inlineScenario, run } from './support.ts';

const oneMessage = inlineScenario(
  '{ name: "inline", host: { heartbeatHasTasks: false }, steps: [{ name: "one", send: [{ kind: "message", user: 0, tokens: 200 }], run: "2m", checks: [{ check: "session-count", max: 20 }] }] }',
);

describe('a config with keys of an older layout', () => {
  it('is bad input quoting the refusal of the version', async () => {
    const config = await configVariant(AFTER, (config) => (config['agent'] = { workspace: '~/.openclaw/workspace' }));
    const started = runScenario({ loaded: oneMessage, configFile: config, version: 'test' });
    await expect(started).rejects.toBeInstanceOf(UserError);
    await expect(started).rejects.toThrow(/OpenClaw 2026\.2\.26 refuses to start with it: "Config invalid \/ File: /);
  });
});

describe('a provider the version registers from its key alone', () => {
  it('answers with the key assumed, and the run notes say so', async () => {
    const config = await configVariant(AFTER, (config) => {
      config['agents'].defaults.model = { primary: 'moonshot/kimi-k2.5', fallbacks: [] };
      delete config['agents'].defaults.heartbeat;
      delete config['models'].providers.moonshot;
    });
    const result = await run(oneMessage, config);
    expect(result.messages).toMatchObject({ sent: 1, replied: 1 });
    expect(result.runNotes).toEqual([
      'provider "moonshot" is not in models.providers: OpenClaw 2026.2.26 registers it (https://api.moonshot.ai/v1, openai-completions) only when MOONSHOT_API_KEY or an auth profile for it is set; the simulation assumed that key is set',
    ]);
  });
});
