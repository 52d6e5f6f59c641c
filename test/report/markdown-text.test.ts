import { describe, expect, it } from 'vitest';
import { blockLines, codeSpan, escapeInline, fenced, table } from '../../src/report/markdown-text.ts';

describe('markdown-text', () => {
  it('writes pipe tables with right-aligned columns and escaped cells', () => {
    expect(table(['A', 'B'], [['x|y', 'multi\nline']], ['left', 'right'])).toEqual(['| A | B |', '| --- | --: |', '| x\\|y | multi line |']);
  });
  it('fences blocks with a fence longer than any backtick run inside', () => {
    expect(fenced('text', ['plain'])).toEqual(['```text', 'plain', '```']);
    expect(fenced('', ['has ``` inside'])).toEqual(['````', 'has ``` inside', '````']);
  });
  it('makes code spans that survive backticks', () => {
    expect(codeSpan('a.json5')).toBe('`a.json5`');
    expect(codeSpan('x `y` z')).toBe('``x `y` z``');
    expect(codeSpan('`edge')).toBe('`` `edge ``');
  });
  it('escapes only what GitHub would turn into markup, leaving words like rate_limit alone', () => {
    expect(escapeInline('rate_limit at <uuid> *bold* [link] `tick` &amp; a\\b _x_')).toBe(
      'rate_limit at \\<uuid> \\*bold\\* \\[link\\] \\`tick\\` \\&amp; a\\\\b \\_x\\_',
    );
    expect(escapeInline('Session count ≤ 20 · 4 × 429 served')).toBe('Session count ≤ 20 · 4 × 429 served');
  });
  it('splits text into block lines without a trailing blank line', () => {
    expect(blockLines('a\r\nb\n')).toEqual(['a', 'b']);
  });
});
