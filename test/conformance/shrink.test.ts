/**
 * The shrinker (src/sut/conformance/shrink.ts) with a pure "still disagrees"
 * predicate: it finds the smallest case the predicate still holds for, in a
 * fixed order of candidates, and says what it cut.
 */
import { describe, expect, it } from 'vitest';
import { generateCases } from '../../src/sut/conformance/generate.ts';
import { candidatesOf, shrinkCase, type CaseDocument } from '../../src/sut/conformance/shrink.ts';

const big: CaseDocument = {
  description: 'x',
  seed: 1,
  configOverrides: { agents: { defaults: { model: { primary: 'google/gemini-2.5-flash', fallbacks: ['anthropic/claude-sonnet-4-5', 'openai/gpt-4o-mini'] } } } },
  faults: {
    rules: [
      { name: 'flash', match: { provider: 'gemini', model: 'gemini-2.5-flash' }, script: ['503', '500'] },
      { name: 'sonnet', match: { provider: 'anthropic', model: 'claude-sonnet-4-5' }, script: ['401', '529', '529'] },
      { name: 'mini', match: { provider: 'openai', model: 'gpt-4o-mini' }, latency: { distribution: 'fixed', ms: 2000 } },
    ],
  },
  sessions: [{ kind: 'cron-runs', count: 3, jobs: 1, ageHours: 12 }],
  turns: [{ text: 'one' }, { text: 'two', atMs: 5000 }, { text: 'three' }],
};

/** "Disagrees" while Sonnet is in the chain with a script that has a 529 in it. */
async function sonnet529(document: CaseDocument): Promise<boolean> {
  const text = JSON.stringify(document);
  return text.includes('anthropic/claude-sonnet-4-5') && /"script":\[[^\]]*"529"/.test(text);
}

describe('shrinking a disagreeing case', () => {
  it('cuts preloads, messages, other models and script steps while the disagreement holds', async () => {
    const result = await shrinkCase(big, sonnet529);
    expect(result.document).toEqual({
      description: 'x',
      seed: 1,
      configOverrides: { agents: { defaults: { model: { primary: 'anthropic/claude-sonnet-4-5', fallbacks: [] } } } },
      faults: { rules: [{ name: 'sonnet', match: { provider: 'anthropic', model: 'claude-sonnet-4-5' }, script: ['401', '529'] }] },
      turns: [{ text: 'one' }],
    });
    expect(result.steps).toEqual([
      'drop the session preloads',
      'drop message 3',
      'drop message 2',
      'drop model openai/gpt-4o-mini',
      'drop model google/gemini-2.5-flash',
      'shorten the script of rule 1 to 2 step(s)',
    ]);
  });

  it('keeps the case as it is when no smaller one disagrees', async () => {
    const result = await shrinkCase(big, async (candidate) => candidate === big);
    expect(result).toEqual({ document: big, steps: [], tried: candidatesOf(big).length });
  });

  it('stops after maxTries candidates', async () => {
    const result = await shrinkCase(big, async () => false, { maxTries: 3 });
    expect(result.tried).toBe(3);
  });

  it('always keeps one message and one model', () => {
    const smallest: CaseDocument = { ...big, sessions: [], turns: [{ text: 'one' }], faults: { rules: [] }, configOverrides: { agents: { defaults: { model: { primary: 'openai/gpt-4o-mini', fallbacks: [] } } } } };
    expect(candidatesOf(smallest)).toEqual([]);
  });

  it('shrinks generated cases to a chain of one model and one message when everything disagrees', async () => {
    for (const { document } of generateCases({ seed: 3, count: 5 })) {
      const result = await shrinkCase(document, async () => true, { maxTries: 100 });
      expect((result.document['turns'] as unknown[]).length).toBe(1);
      expect(JSON.stringify(result.document['configOverrides'])).toMatch(/"fallbacks":\[\]/);
      expect((result.document['faults'] as { rules: unknown[] }).rules).toEqual([]);
    }
  });
});
