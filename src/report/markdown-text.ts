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

/** Reports keep prose lines this short, so they read in a terminal and a diff without scrolling sideways. */
export const PROSE_WIDTH = 100;

/**
 * A Markdown document with its prose lines wrapped at `width` characters: paragraphs, list items
 * (continuations indented under the item's text) and block quotes (continuations quoted). Left as
 * they are: fenced blocks (charts, logs, mermaid), tables (a row is one line), headings (one line by
 * definition), and a word longer than the width. A line is never broken before a word that would
 * start another construct at the head of a line (`- `, `1. `, `#`, `>`, `|`, a fence).
 */
export function wrapProse(markdown: string, width = PROSE_WIDTH): string {
  let fence: string | undefined;
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    const fenceMark = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (fenceMark !== undefined && fenceMark[0] === fence[0] && fenceMark.length >= fence.length && line.trim() === fenceMark) fence = undefined;
      out.push(line);
    } else if (fenceMark !== undefined) {
      fence = fenceMark;
      out.push(line);
    } else {
      out.push(...wrapLine(line, width));
    }
  }
  return out.join('\n');
}

function wrapLine(line: string, width: number): string[] {
  if ([...line].length <= width || line.startsWith('|') || /^#{1,6} /.test(line)) return [line];
  const lead = /^(> ?|\s*(?:[-*+]|\d{1,9}[.)]) )?/.exec(line)![0];
  const continuation = lead.startsWith('>') ? lead : ' '.repeat(lead.length);
  const room = width - continuation.length;
  // A code span is kept on one line when it fits one; only a longer one is broken at its spaces.
  const words = units(line.slice(lead.length)).flatMap((unit) => ([...unit].length > room && unit.includes(' ') ? unit.split(' ') : [unit]));
  const lines: string[] = [];
  let current = lead + words[0]!;
  for (const word of words.slice(1)) {
    if ([...`${current} ${word}`].length > width && !startsConstruct(word) && current.trim() !== lead.trim()) {
      lines.push(current);
      current = continuation + word;
    } else {
      current = `${current} ${word}`;
    }
  }
  return [...lines, current];
}

/** Text split at spaces outside code spans: a span with spaces inside stays one unit. */
function units(text: string): string[] {
  const result: string[] = [];
  let current = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\\') {
      current += text.slice(index, index + 2);
      index += 2;
    } else if (char === '`') {
      const ticks = /^`+/.exec(text.slice(index))![0];
      const close = text.slice(index + ticks.length).search(new RegExp(`(?<!\`)${ticks}(?!\`)`));
      const end = close === -1 ? index + ticks.length : index + ticks.length + close + ticks.length;
      current += text.slice(index, end);
      index = end;
    } else if (char === ' ') {
      result.push(current);
      current = '';
      index++;
    } else {
      current += char;
      index++;
    }
  }
  return [...result, current];
}

/** Words that, at the head of a line, would turn it into a list item, heading, quote, table, fence or underline. */
function startsConstruct(word: string): boolean {
  return /^(#{1,6}|[-+*]|\d{1,9}[.)]|=+|-+)$/.test(word) || /^(>|\||```|~~~)/.test(word) || word === '';
}
