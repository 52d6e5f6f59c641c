/**
 * A compact, stable rendering of compareTrace's differences, so a known gap
 * (test/conformance/known-gaps.ts) can say exactly which difference it
 * expects, and a conformance report lists each disagreement on one line:
 * `where: actual`, with request sequences run-length encoded and texts cut
 * to 80 characters. Virtual time makes the embedded gateway's side
 * deterministic, so these strings do not drift; any change of behaviour
 * (fixed or otherwise) changes them.
 */
import type { TraceDifference } from '../compare.ts';

export function fingerprint(difference: TraceDifference): string {
  return `${difference.where}: ${renderCompact(difference.actual)}`;
}

/** A value on one line: lists run-length encoded (`a ×3 | b`), strings cut to 80 characters. */
export function renderCompact(value: unknown): string {
  if (!Array.isArray(value)) return typeof value === 'string' ? cut(value) : JSON.stringify(value);
  const runs: { item: string; count: number }[] = [];
  for (const item of value.map((entry) => (typeof entry === 'string' ? cut(entry) : JSON.stringify(entry)))) {
    const last = runs.at(-1);
    if (last?.item === item) last.count++;
    else runs.push({ item, count: 1 });
  }
  return `[${runs.map((run) => (run.count > 1 ? `${run.item} ×${run.count}` : run.item)).join(' | ')}]`;
}

function cut(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat;
}
