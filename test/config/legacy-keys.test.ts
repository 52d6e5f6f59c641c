/**
 * Keys of an older config layout, found as openclaw@2026.2.26's
 * findLegacyConfigIssues finds them, and each pinned version's refusal.
 */
import { describe, expect, it } from 'vitest';
import { findLegacyConfigIssues, LEGACY_REFUSAL_2026_2, LEGACY_REFUSAL_2026_9 } from '../../src/config/legacy-keys.ts';

describe('legacy config keys', () => {
  it('finds a top-level agent, and its model string as a second issue', () => {
    expect(findLegacyConfigIssues({ agent: { model: 'anthropic/claude-opus-4-6' } }).map((issue) => issue.path)).toEqual(['agent', 'agent.model']);
  });

  it('does not flag agent.model when it is already an object', () => {
    expect(findLegacyConfigIssues({ agent: { model: { primary: 'lmstudio/m' } } }).map((issue) => issue.path)).toEqual(['agent']);
  });

  it('finds nothing in a current layout', () => {
    expect(findLegacyConfigIssues({ agents: { defaults: { model: 'x' } }, channels: { telegram: {} } })).toEqual([]);
  });
});

describe('the refusal each version prints', () => {
  const issues = findLegacyConfigIssues({ agent: {} });

  it('is the CLI config guard on 2026.2.26, which runs doctor for it', () => {
    expect(LEGACY_REFUSAL_2026_2('/cfg/openclaw.json', issues)).toBe(
      [
        'Config invalid',
        'File: /cfg/openclaw.json',
        'Problem:',
        '  - agent: agent.* was moved; use agents.defaults (and tools.* for tool/elevated/exec settings) instead (auto-migrated on load).',
        'Legacy config keys detected:',
        '  - agent: agent.* was moved; use agents.defaults (and tools.* for tool/elevated/exec settings) instead (auto-migrated on load).',
        '',
        'Run: openclaw doctor --fix',
      ].join('\n'),
    );
  });

  it("is the strict schema's unrecognized key on 2026.9.6", () => {
    expect(LEGACY_REFUSAL_2026_9('/cfg/openclaw.json', issues).split('\n').slice(0, 3)).toEqual([
      'Gateway failed to start: Invalid config at /cfg/openclaw.json:',
      '<root>: Unrecognized key: "agent"',
      'Run "openclaw doctor --fix" to repair, then retry.',
    ]);
  });
});
