import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfigText } from '../../src/config/index.ts';
import { auditRootCauses, type RootCauseFinding } from '../../src/config/root-causes.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';

const risks = (findings: RootCauseFinding[]) => findings.filter((f) => f.status === 'risk').map((f) => f.id);

const PROVIDERS = `models: { providers: {
  google: { baseUrl: "https://g.test/v1beta", api: "google-generative-ai", models: [{ id: "flash", name: "Flash", contextWindow: 1000000 }, { id: "pro", name: "Pro" }] },
  moonshot: { baseUrl: "https://m.test/v1", api: "openai-completions", models: [{ id: "kimi", name: "Kimi", contextWindow: 131072 }] },
} }`;

describe('auditRootCauses', () => {
  it('finds all five incident causes in the before-config', async () => {
    const findings = auditRootCauses(await loadConfig('scenarios/configs/feb27-before.json5'), PROFILES['2026.2']);
    expect(risks(findings)).toEqual([
      'first-fallback-provider',
      'heartbeat-model',
      'session-maintenance',
      'context-pruning',
      'telegram-skill-commands',
    ]);
  });

  it('finds none of them in the after-config', async () => {
    const findings = auditRootCauses(await loadConfig('scenarios/configs/feb27-after.json5'), PROFILES['2026.2']);
    expect(risks(findings)).toEqual([]);
  });

  it('flags a heartbeat model on the primary’s provider even when the chain is diverse', () => {
    const loaded = parseConfigText(
      `{ agents: { defaults: { model: { primary: "google/flash", fallbacks: ["moonshot/kimi"] }, heartbeat: { model: "google/pro" } } }, ${PROVIDERS} }`,
      'inline.json5',
    );
    const findings = auditRootCauses(loaded, PROFILES['2026.2']);
    expect(risks(findings)).toContain('heartbeat-model');
    expect(risks(findings)).not.toContain('first-fallback-provider');
  });

  it('flags an agent whose own chain starts with two models of one provider, naming the agent and its entry', () => {
    const loaded = parseConfigText(
      `{ agents: { defaults: { model: { primary: "google/flash", fallbacks: ["moonshot/kimi"] } },
        list: [{ id: "main" }, { id: "Coder", model: { primary: "google/flash", fallbacks: ["google/pro"] } }] }, ${PROVIDERS} }`,
      'inline.json5',
    );
    const agent = auditRootCauses(loaded, PROFILES['2026.2']).filter((f) => f.id === 'agent-model-chain');
    expect(agent).toMatchObject([{ setting: 'agents.list[1].model', status: 'risk', value: 'google/flash → google/pro', why: expect.stringMatching(/^Agent "coder": The first fallback, google\/pro/) }]);
  });

  it('flags an agent model string on 2026.9, which runs with no fallback at all', () => {
    const loaded = parseConfigText(
      `{ agents: { defaults: { model: { primary: "google/flash", fallbacks: ["moonshot/kimi"] } }, list: [{ id: "coder", model: "google/pro" }] }, ${PROVIDERS} }`,
      'inline.json5',
    );
    const [on2, on9] = (['2026.2', '2026.9'] as const).map((profile) => auditRootCauses(loaded, PROFILES[profile]).find((f) => f.id === 'agent-model-chain'));
    expect(on9).toMatchObject({ status: 'risk', value: 'google/pro', why: 'Agent "coder": No fallback: one provider 429 reaches the user.' });
    expect(on2).toMatchObject({ status: 'ok', value: 'google/pro → moonshot/kimi → google/flash' });
  });

  it('flags the heartbeat of an agent that runs one on its own primary’s provider, and leaves agents without heartbeats out', () => {
    const loaded = parseConfigText(
      `{ agents: { defaults: { model: { primary: "google/flash", fallbacks: ["moonshot/kimi"] }, heartbeat: { model: "moonshot/kimi" } },
        list: [{ id: "main", default: true, model: "google/pro" }, { id: "ops", model: "moonshot/kimi", heartbeat: { every: "1h" } }] }, ${PROVIDERS} }`,
      'inline.json5',
    );
    const heartbeats = auditRootCauses(loaded, PROFILES['2026.2']).filter((f) => f.id === 'agent-heartbeat-model');
    expect(heartbeats).toMatchObject([{ setting: 'agents.list[1].heartbeat.model', status: 'risk', why: expect.stringMatching(/^Agent "ops": Heartbeats run on the primary's provider \(moonshot\)/) }]);
  });

  it('takes session maintenance as OpenClaw 2026.9 defaults it: enforce, so no risk when unset', () => {
    const loaded = parseConfigText(`{ agents: { defaults: { model: "google/flash" } }, ${PROVIDERS} }`, 'inline.json5');
    const byProfile = (profile: '2026.2' | '2026.9') =>
      auditRootCauses(loaded, PROFILES[profile]).find((f) => f.id === 'session-maintenance')!;
    expect(byProfile('2026.2')).toMatchObject({ status: 'risk', source: 'default', value: 'warn, maxEntries 500, pruneAfter 30d' });
    expect(byProfile('2026.9')).toMatchObject({ status: 'ok', source: 'default' });
  });

  it('notes that contextTokens bounds no turn, and the fallbacks a session grown on the primary overflows', () => {
    const loaded = parseConfigText(
      `{ agents: { defaults: { contextTokens: 170000, model: { primary: "google/flash", fallbacks: ["moonshot/kimi"] } } }, ${PROVIDERS} }`,
      'inline.json5',
    );
    const note = auditRootCauses(loaded, PROFILES['2026.2']).find((f) => f.id === 'context-tokens')!;
    expect(note.status).toBe('note');
    expect(note.why).toContain('Does not bound what a turn sends');
    expect(note.why).toContain('overflows the window of moonshot/kimi (131,072)');
    expect(note.why).not.toContain('window of google/flash');
  });
});
