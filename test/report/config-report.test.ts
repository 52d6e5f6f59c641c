import { describe, expect, it } from 'vitest';
import { loadConfigReports, renderConfigReport } from '../../src/report/config-report.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';

const MULTI = 'test/fixtures/real-configs/ollama-multi-agent-discord.json5';
const SINGLE = 'scenarios/configs/feb27-after.json5';

describe('config report with a multi-agent config beside a single-agent one', () => {
  it('gives each agent entry its own row, a dash where the other config has no such agent', async () => {
    const report = renderConfigReport(await loadConfigReports([MULTI, SINGLE], PROFILES['2026.2']), PROFILES['2026.2']);
    expect(report).toContain('| `agents.list[2].model` | RISK: ollama/qwen2.5-coder:7b → ollama/qwen3:8b-fast | — |');
  });

  it('names a root cause several agents carry once, with their count', async () => {
    const report = renderConfigReport(await loadConfigReports([MULTI], PROFILES['2026.2']), PROFILES['2026.2']);
    expect(report).toContain('agent-first-fallback-same-provider [gateway] ×4');
    expect(report).not.toContain('agent-first-fallback-same-provider [gateway], agent-first-fallback-same-provider');
  });
});
