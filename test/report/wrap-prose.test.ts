import { describe, expect, it } from 'vitest';
import { wrapProse } from '../../src/report/markdown-text.ts';

const words = (count: number, word = 'word') => Array.from({ length: count }, () => word).join(' ');

describe('wrapProse', () => {
  it('wraps a long paragraph at the width, on spaces, keeping every word', () => {
    const wrapped = wrapProse(words(40), 30).split('\n');
    expect(wrapped.length).toBeGreaterThan(1);
    for (const line of wrapped) expect(line.length).toBeLessThanOrEqual(30);
    expect(wrapped.join(' ')).toBe(words(40));
  });

  it('indents a list item’s continuation under its text and quotes a quote’s', () => {
    expect(wrapProse(`- ${words(8)}`, 22).split('\n')).toEqual(['- word word word word', '  word word word word']);
    expect(wrapProse(`> ${words(8)}`, 22).split('\n')).toEqual(['> word word word word', '> word word word word']);
  });

  it('leaves tables, headings and fenced blocks alone, however long', () => {
    const long = words(30);
    const doc = [`| ${long} |`, `# ${long}`, '```text', long, '```', ''].join('\n');
    expect(wrapProse(doc, 30)).toBe(doc);
  });

  it('does not break before a word that would start a list item, heading or quote', () => {
    for (const marker of ['-', '1.', '#', '>x', '|']) {
      const lines = wrapProse(`aaaa bbbb ${marker} cccc`, 10).split('\n');
      expect(lines.every((line) => !line.startsWith(marker))).toBe(true);
    }
  });

  it('keeps a code span with spaces on one line when it fits one, and breaks a longer one at its spaces', () => {
    expect(wrapProse('aaaa bbbb `cc dd ee` ff', 14).split('\n')).toEqual(['aaaa bbbb', '`cc dd ee` ff']);
    expect(wrapProse('a `b c d e f g h` i', 8).split('\n')).toEqual(['a `b c d', 'e f g h`', 'i']);
  });

  it('keeps a word longer than the width whole', () => {
    expect(wrapProse(`a ${'x'.repeat(20)} b`, 10).split('\n')).toEqual(['a', 'x'.repeat(20), 'b']);
  });
});
