import { describe, expect, it } from 'vitest';
import { renderBoxTable, wrapCell } from '../../../src/openclaw-store/sqlite/box-table.ts';

describe('wrapCell (openclaw@2026.9.6 terminal-core wrapLine)', () => {
  it('keeps a cell that fits on one line', () => {
    expect(wrapCell('gpt-4o', 10)).toEqual(['gpt-4o']);
  });

  it('breaks after the last space, slash, dash, underscore or dot that fits', () => {
    expect(wrapCell('agent:main:openai-user:bob', 25)).toEqual(['agent:main:openai-', 'user:bob']);
  });

  it('breaks mid-word when no break character fits, and drops the space a line would start with', () => {
    expect(wrapCell('visibility:shared id:abc', 5)).toEqual(['visib', 'ility', ':shar', 'ed', 'id:ab', 'c']);
  });
});

describe('renderBoxTable (openclaw@2026.9.6 terminal-core renderTable)', () => {
  const columns = [
    { key: 'kind', header: 'Kind' },
    { key: 'flags', header: 'Flags', flex: true },
  ];

  it('widens the flex column so the table is exactly as wide as asked', () => {
    const lines = renderBoxTable(columns, [{ kind: 'direct', flags: 'system' }], 30).split('\n');
    expect(lines.every((line) => line.length === 30)).toBe(true);
    expect(lines[3]).toBe('│ direct │ system            │');
  });

  it('shrinks the flex column to its header before any other, and wraps what no longer fits', () => {
    const table = renderBoxTable(columns, [{ kind: 'direct', flags: 'visibility:shared' }], 18);
    expect(table).toBe(
      ['┌────────┬───────┐', '│ Kind   │ Flags │', '├────────┼───────┤', '│ direct │ visib │', '│        │ ility │', '│        │ :shar │', '│        │ ed    │', '└────────┴───────┘'].join('\n'),
    );
  });
});
