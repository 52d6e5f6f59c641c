import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { lintConfig } from '../../src/scenario/lint.ts';
import { AFTER, BEFORE, configVariant } from './support.ts';

const rules = async (file: string) => lintConfig(await loadConfig(file), '2026.2').map((finding) => `${finding.rule} @ ${finding.path}`);

describe('lint', () => {
  it('finds all five rules in the incident’s config, each with its JSON path', async () => {
    expect(await rules(BEFORE)).toEqual([
      'first-fallback-same-provider @ agents.defaults.model.fallbacks[0]',
      'heartbeat-on-primary-provider @ agents.defaults.heartbeat.model',
      'maintenance-off @ session.maintenance.mode',
      'telegram-menu-too-big @ commands.nativeSkills',
      'token-budget @ agents.defaults.contextTokens',
    ]);
  });

  it('finds nothing in the fixed config', async () => {
    expect(await rules(AFTER)).toEqual([]);
  });

  it('flags the token budget when concurrency times turn size passes the primary’s TPM', async () => {
    const config = await configVariant(AFTER, (c) => {
      c.agents.defaults.maxConcurrent = 8;
    });
    const findings = lintConfig(await loadConfig(config), '2026.2');
    expect(findings.map((finding) => finding.rule)).toEqual(['token-budget']);
    expect(findings[0]!.message).toContain('8 concurrent turns × 170,000 tokens = 1,360,000 tokens in a minute');
  });

  it('flags an unbounded enforce cap', async () => {
    const config = await configVariant(AFTER, (c) => {
      c.session.maintenance.maxEntries = 5000;
    });
    expect(await rules(config)).toEqual(['maintenance-unbounded @ session.maintenance.maxEntries']);
  });
});
