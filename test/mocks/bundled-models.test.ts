import { describe, expect, it } from 'vitest';
import { effectiveSettings, loadConfig } from '../../src/config/index.ts';
import { DEFAULT_MODELS, findModel, type ProviderId } from '../../mocks/providers/models.ts';
import { limitsFor, resolvePolicy } from '../../mocks/providers/policy.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';

// OpenClaw configs name Google's provider `google`; the mocks call it `gemini`.
const mockProvider = (configProvider: string) => (configProvider === 'google' ? 'gemini' : configProvider) as ProviderId;

describe.each(['feb27-before.json5', 'feb27-after.json5'])('the mocks and %s', (name) => {
  it('know every model the config can call, with a context window and tier limits', async () => {
    const settings = effectiveSettings((await loadConfig(`scenarios/configs/${name}`)).config, PROFILES['2026.2'].runtimeDefaults);
    const refs = [settings.model.primary!, ...settings.model.fallbacks, settings.heartbeat.model!];
    for (const ref of refs) {
      const [provider = '', modelId = ''] = ref.split('/');
      const model = findModel(DEFAULT_MODELS, mockProvider(provider), modelId);
      expect(model, ref).toBeDefined();
      const limits = limitsFor(resolvePolicy(mockProvider(provider), {}), { provider: mockProvider(provider), model: model! });
      expect(Object.keys(limits).length, ref).toBeGreaterThan(0);
    }
  });
});
