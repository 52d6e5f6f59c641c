import { describe, expect, it } from 'vitest';
import { deliveredReplyText } from '../../src/gateway/reply-text.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';

// Expected values are what the installed dists return for a one-text-block assistant message:
// 2026.2.26 extractAssistantText + trim, 2026.9.6 extractAssistantVisibleText + trimTextPreservingCode.
describe('a reply is trimmed before delivery', () => {
  it('2026.9 drops the trailing space of a reply cut at the output cap (golden compaction-model-window, turn 4)', () => {
    expect(deliveredReplyText('Use the digital RAM sensor, then you can ', PROFILES['2026.9'].replyTrim)).toBe('Use the digital RAM sensor, then you can');
  });

  it('2026.2 trims both ends, whitespace of any kind', () => {
    const trim = PROFILES['2026.2'].replyTrim;
    expect(deliveredReplyText('then you can ', trim)).toBe('then you can');
    expect(deliveredReplyText('\n  hello \u00a0\n', trim)).toBe('hello');
    expect(deliveredReplyText('\n\n    code line\nmore  ', trim)).toBe('code line\nmore');
    expect(deliveredReplyText(' \n\t', trim)).toBe('');
  });

  it('2026.9 trims both ends but keeps the indentation of a leading indented code block', () => {
    const trim = PROFILES['2026.9'].replyTrim;
    expect(deliveredReplyText('  hello  ', trim)).toBe('hello');
    expect(deliveredReplyText('   three spaces\n', trim)).toBe('three spaces');
    expect(deliveredReplyText('\n  ```js\nx\n```\n', trim)).toBe('```js\nx\n```');
    expect(deliveredReplyText('\n\n    code line\nmore  ', trim)).toBe('    code line\nmore');
    expect(deliveredReplyText('\n  \n    code', trim)).toBe('    code');
    expect(deliveredReplyText('\t tab\n', trim)).toBe('\t tab');
    expect(deliveredReplyText('  \tx', trim)).toBe('  \tx');
    expect(deliveredReplyText('\r\n    code\r\n', trim)).toBe('    code');
    expect(deliveredReplyText(' ', trim)).toBe('');
  });

  it('keeps whitespace inside the text', () => {
    for (const profile of ['2026.2', '2026.9'] as const) {
      expect(deliveredReplyText('x\n    y  \n', PROFILES[profile].replyTrim)).toBe('x\n    y');
    }
  });
});
