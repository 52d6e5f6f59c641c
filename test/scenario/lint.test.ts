import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { lintConfig, lintNotes } from '../../src/scenario/lint.ts';
import { AFTER, BEFORE, configVariant } from './support.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';

/** Gemini 2.5 Flash's contextWindow in models.providers: what OpenClaw compacts against. */
const flashWindow = (tokens: number) => (c: any) => {
  c.models.providers.google.models.find((model: { id: string }) => model.id === 'gemini-2.5-flash').contextWindow = tokens;
};

const rules = async (file: string) => lintConfig(await loadConfig(file), PROFILES['2026.2']).map((finding) => `${finding.rule} @ ${finding.path}`);

describe('lint', () => {
  it('does not judge the token budget of a primary on a provider the mocks do not know, and says so', async () => {
    const config = await configVariant(AFTER, (c) => {
      c.models.providers.ollama = { baseUrl: 'http://127.0.0.1:11434', api: 'openai-completions', models: [{ id: 'llama3', name: 'Llama 3' }] };
      c.agents.defaults.model.primary = 'ollama/llama3';
    });
    const loaded = await loadConfig(config);
    expect(lintConfig(loaded, PROFILES['2026.2']).map((finding) => finding.rule)).not.toContain('token-budget');
    expect(lintNotes(loaded, PROFILES['2026.2'])).toEqual([expect.stringContaining('token budget not judged: the primary ollama/llama3')]);
  });

  it('points at the agents.list entry whose own first fallback shares the primary’s provider', async () => {
    const config = await configVariant(AFTER, (c) => {
      c.agents.list = [{ id: 'main', default: true }, { id: 'coder', model: { primary: 'google/gemini-2.5-flash', fallbacks: ['google/gemini-2.5-pro'] } }];
    });
    expect(await rules(config)).toContain('agent-first-fallback-same-provider @ agents.list[1].model.fallbacks[0]');
  });

  it('points at the heartbeat of an agent that runs it on its own primary’s provider', async () => {
    const config = await configVariant(AFTER, (c) => {
      c.agents.list = [{ id: 'main', default: true, heartbeat: { every: '1h', model: 'google/gemini-2.5-pro' } }];
    });
    expect(await rules(config)).toContain('agent-heartbeat-on-primary-provider @ agents.list[0].heartbeat.model');
  });

  it('has no notes when every rule could be judged', async () => {
    expect(lintNotes(await loadConfig(AFTER), PROFILES['2026.2'])).toEqual([]);
  });

  it('finds all six rules in the incident’s config, each with its JSON path', async () => {
    expect(await rules(BEFORE)).toEqual([
      'first-fallback-same-provider @ agents.defaults.model.fallbacks[0]',
      'heartbeat-on-primary-provider @ agents.defaults.heartbeat.model',
      'maintenance-off @ session.maintenance.mode',
      'context-pruning-off @ agents.defaults.contextPruning.mode',
      'telegram-menu-too-big @ commands.nativeSkills',
      'token-budget @ models.providers.google.models[0].contextWindow',
    ]);
  });

  it('finds only the token budget in the fixed config: its contextTokens cap does not bound a Flash session', async () => {
    expect(await rules(AFTER)).toEqual(['token-budget @ models.providers.google.models[0].contextWindow']);
  });

  it('finds nothing once Flash’s own window bounds a session', async () => {
    expect(await rules(await configVariant(AFTER, flashWindow(190_000)))).toEqual([]);
  });

  it('flags the token budget when concurrency times turn size passes the primary’s TPM', async () => {
    const config = await configVariant(AFTER, (c) => {
      flashWindow(190_000)(c);
      c.agents.defaults.maxConcurrent = 8;
    });
    const findings = lintConfig(await loadConfig(config), PROFILES['2026.2']);
    expect(findings.map((finding) => finding.rule)).toEqual(['token-budget']);
    expect(findings[0]!.message).toContain('8 concurrent turns × 170,000 tokens = 1,360,000 tokens in a minute');
    expect(findings[0]!.message).toContain('the model\'s contextWindow 190,000 less the 20,000-token reserve');
  });

  it('2026.9: a model entry’s own contextTokens bounds a session, and the fix says to set it', async () => {
    const lint = async (mutate?: (c: any) => void) =>
      lintConfig(await loadConfig(mutate === undefined ? AFTER : await configVariant(AFTER, mutate)), PROFILES['2026.9']).filter((finding) => finding.rule === 'token-budget');
    const [unbounded] = await lint();
    expect(unbounded!.fix).toContain("set contextTokens on google/gemini-2.5-flash's entry in models.providers (to 270,000 or less)");
    const capped = await lint((c) => {
      c.models.providers.google.models.find((model: { id: string }) => model.id === 'gemini-2.5-flash').contextTokens = 190_000;
    });
    expect(capped).toEqual([]);
  });

  it('flags an unbounded enforce cap', async () => {
    const config = await configVariant(AFTER, (c) => {
      flashWindow(190_000)(c);
      c.session.maintenance.maxEntries = 5000;
    });
    expect(await rules(config)).toEqual(['maintenance-unbounded @ session.maintenance.maxEntries']);
  });
});
