/**
 * The box-drawing table openclaw@2026.9.6 prints for `openclaw sessions` and
 * `sessions cleanup --dry-run` (terminal-core `renderTable` and `wrapLine` in
 * its dist `table-*.mjs`): one space of padding, columns as wide as their
 * widest cell, then — when the table is wider than the terminal — the flex
 * column shrunk to its header, then the widest other columns one column at a
 * time; a flex column takes up whatever width is left, so the table is
 * exactly as wide as the terminal. Cells wrap at spaces, `/`, `-`, `_` and
 * `.`, else mid-word.
 *
 * The width is fixed at 120: OpenClaw reads `process.stdout.columns`, which
 * is unset when stdout is not a terminal, and falls back to 120. quotastorm
 * prints the same table wherever its output goes. Two things of
 * renderTable are left out because quotastorm's cells cannot trigger them:
 * ANSI styling (nothing is coloured off a terminal) and replacing the home
 * directory in cells with `~` (no cell holds a path).
 */
import { splitGraphemes, textWidth, truncateToWidth } from './text-width.ts';

export type BoxColumn = {
  readonly key: string;
  readonly header: string;
  /** Shrinks first and takes the width left over. */
  readonly flex?: boolean;
};

/** OpenClaw's width when stdout is not a terminal (getTerminalTableWidth's fallback). */
const TABLE_WIDTH_COLUMNS = 120;

const PADDING = 1;
const MIN_COLUMN_WIDTH = 3;

/** The table, each line without a trailing newline, joined by `\n`. */
export function renderBoxTable(columns: readonly BoxColumn[], rows: readonly Readonly<Record<string, string>>[], tableWidth = TABLE_WIDTH_COLUMNS): string {
  const widths = columnWidths(columns, rows, tableWidth);
  const contentWidth = (index: number) => Math.max(1, widths[index]! - PADDING * 2);
  const rule = (left: string, middle: string, right: string) => `${left}${widths.map((width) => '─'.repeat(width)).join(middle)}${right}`;
  const lines = [rule('┌', '┬', '┐')];
  const renderRow = (cells: readonly string[]) => {
    const wrapped = cells.map((cell, index) => wrapCell(cell, contentWidth(index)));
    const height = Math.max(...wrapped.map((cellLines) => cellLines.length));
    for (let line = 0; line < height; line++) {
      const parts = wrapped.map((cellLines, index) => ` ${padCell(cellLines[line] ?? '', contentWidth(index))} `);
      lines.push(`│${parts.join('│')}│`);
    }
  };
  renderRow(columns.map((column) => column.header));
  lines.push(rule('├', '┼', '┤'));
  for (const row of rows) renderRow(columns.map((column) => row[column.key] ?? ''));
  lines.push(rule('└', '┴', '┘'));
  return lines.join('\n');
}

function columnWidths(columns: readonly BoxColumn[], rows: readonly Readonly<Record<string, string>>[], tableWidth: number): number[] {
  const headerWidths = columns.map((column) => textWidth(column.header));
  const widths = columns.map((column, index) => {
    const cellWidth = rows.reduce((max, row) => Math.max(max, textWidth(row[column.key] ?? '')), 0);
    return Math.max(MIN_COLUMN_WIDTH, Math.max(headerWidths[index]!, cellWidth) + PADDING * 2);
  });
  const minWidths = headerWidths.map((width) => Math.max(width + PADDING * 2, MIN_COLUMN_WIDTH));
  const separators = columns.length + 1;
  let over = sum(widths) + separators - tableWidth;
  const flex = columns.flatMap((column, index) => (column.flex === true ? [index] : []));
  const fixed = columns.flatMap((column, index) => (column.flex === true ? [] : [index]));
  // renderTable shrinks against a preferred and an absolute minimum; without column minWidths they are the same.
  if (over > 0) over = shrinkWidest(widths, flex, minWidths, over);
  if (over > 0) shrinkWidest(widths, fixed, minWidths, over);
  const extra = tableWidth - (sum(widths) + separators);
  if (extra > 0 && flex.length > 0) spread(widths, flex, extra);
  return widths;
}

// One column at a time from the widest (the first of equals), until the table fits or all are at their minimum.
function shrinkWidest(widths: number[], indices: readonly number[], minWidths: readonly number[], over: number): number {
  while (over > 0) {
    let widest: number | undefined;
    for (const index of indices) {
      if (widths[index]! <= minWidths[index]!) continue;
      if (widest === undefined || widths[index]! > widths[widest]!) widest = index;
    }
    if (widest === undefined) break;
    widths[widest]! -= 1;
    over -= 1;
  }
  return over;
}

// Flex columns share the leftover evenly; the first ones take the remainder.
function spread(widths: number[], flex: readonly number[], extra: number): void {
  while (extra > 0) {
    const share = Math.max(1, Math.floor(extra / flex.length));
    for (const index of flex) {
      const amount = Math.min(share, extra);
      widths[index]! += amount;
      extra -= amount;
      if (extra <= 0) break;
    }
  }
}

function padCell(text: string, width: number): string {
  const content = textWidth(text) > width ? truncateToWidth(text, width) : text;
  return content + ' '.repeat(Math.max(0, width - textWidth(content)));
}

const isBreakCharacter = (character: string) => character === ' ' || character === '/' || character === '-' || character === '_' || character === '.';

/**
 * wrapLine without ANSI: lines of at most `width` columns, broken after the
 * last break character that fits, else mid-word; leading spaces of a line
 * dropped, trailing ones trimmed.
 */
export function wrapCell(text: string, width: number): string[] {
  if (width <= 0) return [text];
  if (text.length <= width && /^[!-~](?:[ -~]*[!-~])?$/.test(text)) return [text];
  const lines: string[] = [];
  let buffer: { value: string; width: number }[] = [];
  let bufferWidth = 0;
  let lastBreak: number | null = null;
  let lineHasOutput = false;
  let skipNextLineFeed = false;
  let sawCharacter = false;
  const flush = (breakAt: number | null) => {
    const whole = breakAt === null || breakAt <= 0;
    const left = whole ? buffer : buffer.slice(0, breakAt);
    if (bufferWidth > 0 || !lineHasOutput) {
      lines.push(left.map((token) => token.value).join('').trimEnd());
      lineHasOutput = true;
    }
    buffer = whole ? [] : buffer.slice(breakAt);
    bufferWidth = buffer.reduce((total, token) => total + token.width, 0);
    lastBreak = null;
  };
  for (const cluster of splitGraphemes(text)) {
    sawCharacter = true;
    const value = cluster.replaceAll('\t', ' ');
    if (skipNextLineFeed && value === '\n') {
      skipNextLineFeed = false;
      continue;
    }
    if (value === '\n' || value === '\r' || value === '\r\n') {
      skipNextLineFeed = value === '\r';
      flush(buffer.length);
      lineHasOutput = false;
      continue;
    }
    const valueWidth = textWidth(value);
    if (bufferWidth + valueWidth > width && bufferWidth > 0) {
      flush(lastBreak);
      if (bufferWidth + valueWidth > width && bufferWidth > 0) flush(null);
    }
    if (bufferWidth === 0 && value === ' ') continue;
    buffer.push({ value, width: valueWidth });
    bufferWidth += valueWidth;
    skipNextLineFeed = false;
    if (isBreakCharacter(value)) lastBreak = buffer.length;
  }
  if (!sawCharacter) return [text];
  if (bufferWidth > 0) flush(buffer.length);
  return lines.length > 0 ? lines : [''];
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
