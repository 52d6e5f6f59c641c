/**
 * A compact, stable rendering of compareTrace's differences, so a known gap
 * can say exactly which difference it expects: `where: actual`, with request
 * sequences run-length encoded and texts cut to 80 characters. Virtual time
 * makes the embedded gateway's side deterministic, so these strings do not
 * drift; any change of behaviour (fixed or otherwise) changes them.
 */
import type { TraceDifference } from '../../src/sut/compare.ts';

export function fingerprint(difference: TraceDifference): string {
  return `${difference.where}: ${render(difference.actual)}`;
}

function render(value: unknown): string {
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
