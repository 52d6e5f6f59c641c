/**
 * The few Markdown constructs reports use, written so they render on GitHub
 * and still read as plain text in a terminal: pipe tables, fenced blocks,
 * code spans. Escaping is minimal on purpose — every backslash a terminal
 * reader sees is noise — and covers only what GitHub would otherwise turn
 * into markup or swallow (`<uuid>` looks like an HTML tag and vanishes).
 */

export type Align = 'left' | 'right';

/** A pipe table; `align` per column (default left). Cells are escaped here. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string[] {
  const rule = header.map((_, index) => (align[index] === 'right' ? '--:' : '---'));
  return [tableRow(header), tableRow(rule, false), ...rows.map((cells) => tableRow(cells))];
}

/** A fenced block whose fence is longer than any backtick run inside, so content never closes it early. */
export function fenced(info: string, lines: readonly string[]): string[] {
  const longestRun = Math.max(0, ...lines.map((line) => Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return [`${fence}${info}`, ...lines, fence];
}

/** An inline code span that survives backticks in its content. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/**
 * Prose from the result (titles, summaries, user texts) made safe for inline
 * Markdown: characters that would start emphasis, links, HTML or entities are
 * backslash-escaped; underscores inside words (`rate_limit`) are left alone
 * because GitHub never reads them as emphasis.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*[\]]/g, (char) => `\\${char}`)
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Text split into lines for a fenced block; CRLF and a trailing newline do not add blank lines. */
export function blockLines(text: string): string[] {
  return text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
}

function tableRow(cells: readonly string[], escape = true): string {
  return `| ${cells.map((cell) => (escape ? escapeCell(cell) : cell)).join(' | ')} |`;
}

/** A pipe would end the cell and a newline the row. */
function escapeCell(cell: string): string {
  return cell.replace(/\r?\n/g, ' ').replaceAll('|', '\\|');
}
