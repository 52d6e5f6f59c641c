/**
 * How many terminal columns text takes, as openclaw@2026.9.6's
 * terminal-core measures it (`visibleWidth`: string-width 8 over grapheme
 * clusters, East Asian Wide and Fullwidth characters and emoji count 2,
 * marks and format characters 0). quotastorm's cells carry no ANSI codes:
 * every cell OpenClaw would colour is printed plain (not a TTY), and
 * sanitizeTerminalText has already removed control characters.
 *
 * The East Asian Width table is the wide blocks in use (CJK, kana, Hangul,
 * fullwidth forms, emoji presentation), not all of Unicode's W ranges: a
 * rare wide character outside them is measured 1 column.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/;
const ZERO_WIDTH_CLUSTER = /^(?:\p{Default_Ignorable_Code_Point}|\p{Control}|\p{Format}|\p{Nonspacing_Mark}|\p{Enclosing_Mark}|\p{Surrogate})+$/v;
const RGI_EMOJI = /^\p{RGI_Emoji}$/v;
const WIDE = /[\u1100-\u115F\u231A\u231B\u2329\u232A\u23E9-\u23EC\u23F0\u23F3\u25FD\u25FE\u2614\u2615\u2648-\u2653\u267F\u2693\u26A1\u26AA\u26AB\u26BD\u26BE\u26C4\u26C5\u26CE\u26D4\u26EA\u26F2\u26F3\u26F5\u26FA\u26FD\u2705\u270A\u270B\u2728\u274C\u274E\u2753-\u2755\u2757\u2795-\u2797\u27B0\u27BF\u2B1B\u2B1C\u2B50\u2B55\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6\u{16FE0}-\u{18CFF}\u{1AFF0}-\u{1B2FF}\u{1F004}\u{1F0CF}\u{1F18E}\u{1F191}-\u{1F19A}\u{1F200}-\u{1F251}\u{1F300}-\u{1F64F}\u{1F680}-\u{1F6FF}\u{1F7E0}-\u{1F7EB}\u{1F90C}-\u{1F9FF}\u{1FA70}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;

/** Columns `text` takes on a terminal. */
export function textWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += clusterWidth(segment);
  // terminal-core counts a tab as one column more than string-width's 0.
  for (const character of text) if (character === '\t') width += 1;
  return width;
}

/** The grapheme clusters of `text`: what key truncation and line wrapping count in. */
export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (part) => part.segment);
}

/** The longest prefix of whole clusters that fits in `maxWidth` columns (truncateToVisibleWidth). */
export function truncateToWidth(text: string, maxWidth: number): string {
  if (maxWidth <= 0) return '';
  if (textWidth(text) <= maxWidth) return text;
  let out = '';
  let used = 0;
  for (const cluster of splitGraphemes(text)) {
    const width = textWidth(cluster);
    if (used + width > maxWidth) break;
    out += cluster;
    used += width;
  }
  return out;
}

function clusterWidth(cluster: string): number {
  if (ZERO_WIDTH_CLUSTER.test(cluster)) return 0;
  if (RGI_EMOJI.test(cluster)) return 2;
  const visible = cluster.replace(/^[\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}]+/v, '');
  const first = String.fromCodePoint(visible.codePointAt(0) ?? 0x20);
  return WIDE.test(first) ? 2 : 1;
}
