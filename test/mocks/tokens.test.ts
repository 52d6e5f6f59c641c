import { describe, expect, it } from 'vitest';
import { charactersForTokens, estimateTokens, tokensForCharacters } from '../../mocks/providers/tokens.ts';

describe('estimateTokens (chars/4, rounded up once over all parts)', () => {
  it('counts nothing as zero tokens', () => {
    expect(estimateTokens([])).toBe(0);
    expect(estimateTokens([''])).toBe(0);
  });

  it('rounds a partial token up', () => {
    expect(estimateTokens(['a'])).toBe(1);
    expect(estimateTokens(['abcd'])).toBe(1);
    expect(estimateTokens(['abcde'])).toBe(2);
  });

  it('sums the characters of all parts before rounding', () => {
    expect(estimateTokens(['ab', 'cd', 'e'])).toBe(2);
  });

  it('round-trips with charactersForTokens', () => {
    expect(tokensForCharacters(charactersForTokens(37))).toBe(37);
  });
});
