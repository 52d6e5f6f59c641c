import { describe, expect, it } from 'vitest';
import { renderChart, renderMultiChart } from '../../src/report/chart.ts';

describe('renderChart', () => {
  const tokens = { values: [400_000, 800_000, 1_420_000, 600_000], minutesPerColumn: 1, spanMs: 4 * 60_000 };

  it('draws the limit dashed on a round-numbered axis that starts at zero', () => {
    const lines = renderChart({ ...tokens, limit: 1_000_000 });
    expect(lines[0]).toMatch(/^ {3}1\.6M ┤/);
    expect(lines.find((line) => line.startsWith('     1M ┤'))).toContain('╌');
    expect(lines.at(-3)).toMatch(/^ {6}0 ┼|^ {6}0 ┤/);
    expect(lines.at(-1)).toBe('        0 4m');
    expect(lines.join('\n')).not.toMatch(/\u001b/);
  });

  it('marks the axis with ┼ only where the series starts', () => {
    const lines = renderChart({ ...tokens, limit: 1_000_000 });
    expect(lines.filter((line) => line[8] === '┼')).toHaveLength(1);
  });

  it('gives small integer series one row per unit, and can start the axis at the data', () => {
    expect(renderChart({ values: [1, 3, 2], minutesPerColumn: 1, spanMs: 180_000 }).filter((l) => /┤|┼/.test(l))).toHaveLength(4);
    const sessions = renderChart({ values: [57, 58, 61], minutesPerColumn: 1, spanMs: 180_000, baseline: 'data' });
    expect(sessions[0]).toMatch(/^ {5}61 /);
    expect(sessions.filter((l) => /┤|┼/.test(l)).at(-1)).toMatch(/^ {5}57 /);
  });

  it('has no trailing spaces, so editors cannot change the golden bytes', () => {
    for (const line of renderChart({ ...tokens, limit: 1_000_000 })) expect(line).toBe(line.trimEnd());
  });
});

describe('renderMultiChart', () => {
  it('draws each series in its own line style on one scale, the later one on top', () => {
    const lines = renderMultiChart({ series: [[0, 4, 4, 0], [2, 2, 2, 2]], minutesPerColumn: 1, spanMs: 240_000 });
    const plot = lines.slice(0, -2).join('\n');
    expect(plot).toContain('─');
    expect(plot).toContain('━');
    expect(lines[0]).toMatch(/^ {6}4 ┤/);
    expect(lines.find((line) => line.startsWith('      2 '))).toMatch(/━━/);
  });

  it('is renderChart when given one series', () => {
    const input = { values: [1, 3, 2], minutesPerColumn: 1, spanMs: 180_000, limit: 3 };
    expect(renderMultiChart({ ...input, series: [input.values] })).toEqual(renderChart(input));
  });
});
