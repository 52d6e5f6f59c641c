import { describe, expect, it } from 'vitest';
import { chunkReplyText, escapeHtml } from '../../../src/gateway/channels/telegram-text.ts';

describe('reply chunking', () => {
  it('keeps a text within the limit whole, and an empty text as no chunk', () => {
    expect(chunkReplyText('short', 10)).toEqual(['short']);
    expect(chunkReplyText('', 10)).toEqual([]);
  });

  it('breaks at the last newline in the window, else the last space, else hard', () => {
    expect(chunkReplyText('aaaa bbbb\ncccc dddd', 12)).toEqual(['aaaa bbbb', 'cccc dddd']);
    expect(chunkReplyText('aaaa bbbb cccc', 12)).toEqual(['aaaa bbbb', 'cccc']);
    expect(chunkReplyText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('does not break inside parentheses', () => {
    expect(chunkReplyText('see (a b c) then', 9)).toEqual(['see', '(a b c)', 'then']);
  });

  it('cuts 9,000 characters into three chunks at the default 4,000', () => {
    expect(chunkReplyText('y'.repeat(9_000)).map((chunk) => chunk.length)).toEqual([4_000, 4_000, 1_000]);
  });

  it('escapes the three characters Telegram HTML reserves', () => {
    expect(escapeHtml('<b>&</b>')).toBe('&lt;b&gt;&amp;&lt;/b&gt;');
  });
});
