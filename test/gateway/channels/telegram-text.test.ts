import { describe, expect, it } from 'vitest';
import { chunkReplyText, escapeHtml, linkifyUrls } from '../../../src/gateway/channels/telegram-text.ts';

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

describe('bare URLs as links (2026.9: markdownToTelegramHtml)', () => {
  // Expected values are what 2026.9.6's own markdownToTelegramHtml returned for these texts
  // (dist/text-chunk-limit-LqLRfc4Y.mjs, run on the installed package).
  it('links the URL of the all-models-429 reply, leaving the sentence around it', () => {
    const text = 'Visit https://platform.openai.com/account/rate-limits to learn more.; Retry-After: 120 seconds';
    expect(linkifyUrls(escapeHtml(text))).toBe(
      'Visit <a href="https://platform.openai.com/account/rate-limits">https://platform.openai.com/account/rate-limits</a> to learn more.; Retry-After: 120 seconds',
    );
  });

  it('keeps trailing punctuation and an unbalanced ")" outside the link, escapes & inside it', () => {
    expect(linkifyUrls(escapeHtml('see https://x.y/z. and http://a.b/c?d=1&e=2, (https://q.r/s) end'))).toBe(
      'see <a href="https://x.y/z">https://x.y/z</a>. and <a href="http://a.b/c?d=1&amp;e=2">http://a.b/c?d=1&amp;e=2</a>, ' +
        '(<a href="https://q.r/s">https://q.r/s</a>) end',
    );
  });

  it('leaves text without a scheme alone', () => {
    expect(linkifyUrls('↪️ Model Fallback: openai/gpt-4o-mini (selected google/gemini-2.5-flash; timeout)')).toBe(
      '↪️ Model Fallback: openai/gpt-4o-mini (selected google/gemini-2.5-flash; timeout)',
    );
  });
});
