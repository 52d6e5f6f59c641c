import { describe, expect, it } from 'vitest';
import { strictestLimits, tierTable, TIERS } from '../../mocks/providers/tiers.ts';

describe('tier tables (tiers.ts)', () => {
  it('has Gemini Tier 1 Flash at 1,000 RPM / 1M input TPM / 10K RPD and Pro at 150 / 2M / 10K', () => {
    const tier1 = tierTable('gemini', 'tier1').perFamily;
    expect(tier1['gemini-2.5-flash']).toEqual({ requestsPerMinute: 1_000, tokensPerMinute: 1_000_000, requestsPerDay: 10_000 });
    expect(tier1['gemini-2.5-pro']).toEqual({ requestsPerMinute: 150, tokensPerMinute: 2_000_000, requestsPerDay: 10_000 });
  });

  it('has Anthropic Tiers 1–4 with separate ITPM and OTPM', () => {
    expect(Object.keys(TIERS.anthropic)).toEqual(['tier1', 'tier2', 'tier3', 'tier4']);
    expect(tierTable('anthropic', 'tier1').perFamily['claude-sonnet-4.x']).toEqual({
      requestsPerMinute: 50,
      inputTokensPerMinute: 30_000,
      outputTokensPerMinute: 8_000,
    });
    expect(tierTable('anthropic', 'tier4').perFamily['claude-haiku-4.5']).toEqual({
      requestsPerMinute: 4_000,
      inputTokensPerMinute: 4_000_000,
      outputTokensPerMinute: 800_000,
    });
  });

  it('has OpenAI Tiers 1–4, Tier 1 gpt-4o at 500 RPM / 30,000 TPM', () => {
    expect(Object.keys(TIERS.openai)).toEqual(['tier1', 'tier2', 'tier3', 'tier4']);
    expect(tierTable('openai', 'tier1').perFamily['gpt-4o']).toEqual({ requestsPerMinute: 500, tokensPerMinute: 30_000 });
  });

  it('meters Moonshot per account, with concurrency and TPD only where published', () => {
    expect(tierTable('moonshot', 'tier0').perAccount).toEqual({
      concurrentRequests: 1,
      requestsPerMinute: 3,
      tokensPerMinute: 500_000,
      tokensPerDay: 1_500_000,
    });
    expect(tierTable('moonshot', 'tier1').perAccount?.tokensPerDay).toBeUndefined();
  });

  it('cites a source for every table, or says its limits are assumed', () => {
    for (const tiers of Object.values(TIERS)) for (const table of Object.values(tiers)) expect(table.source).toMatch(/https:\/\/|^assumed: /);
  });

  it('names the known tiers when asked for an unknown one', () => {
    expect(() => tierTable('gemini', 'tier9')).toThrow('unknown gemini tier "tier9"; known tiers: free, tier1, tier2, tier3');
  });

  it('takes the strictest value per dimension for a shared bucket', () => {
    expect(strictestLimits(tierTable('gemini', 'tier1'))).toEqual({
      requestsPerMinute: 150,
      tokensPerMinute: 1_000_000,
      requestsPerDay: 10_000,
    });
  });
});
