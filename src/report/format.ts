/**
 * Numbers and times as reports print them. Hand-rolled rather than
 * `toLocaleString`/`Intl`, so the bytes do not depend on the ICU data a Node
 * build ships with: a report must regenerate byte for byte anywhere.
 */

export { formatOffsetMs } from '../clock/format-offset.ts';

/** `1420000` → `1,420,000`; negative numbers keep their sign. Non-integers keep up to 2 decimals. */
export function formatCount(value: number): string {
  const sign = value < 0 ? '-' : '';
  const absolute = Math.abs(value);
  const rounded = Math.round(absolute * 100) / 100;
  const [whole, fraction] = String(rounded).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Three significant digits with a k/M/B suffix, for chart axes: `1.42M`, `250k`, `12`. */
export function formatCompact(value: number): string {
  const absolute = Math.abs(value);
  const units: Array<[number, string]> = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  // Thresholds sit half a unit of the third digit below each size, so 999,600 reads `1M`, not `1000k`.
  for (const [size, suffix] of units) {
    if (absolute >= size * 0.9995) return `${trimZeros((value / size).toPrecision(3))}${suffix}`;
  }
  if (Number.isInteger(value)) return String(value);
  return trimZeros(value.toPrecision(3));
}

/** `part` of `whole` as a whole percentage; `<1%` for a small non-zero share. */
export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return '–';
  const percent = (part / whole) * 100;
  if (percent > 0 && percent < 1) return '<1%';
  return `${Math.round(percent)}%`;
}

/** Signed difference for delta columns: `+12`, `-1,234`, `±0`. */
export function formatSignedCount(delta: number): string {
  if (delta === 0) return '±0';
  return `${delta > 0 ? '+' : '-'}${formatCount(Math.abs(delta))}`;
}

/** US dollars: `$3.71`, `<$0.01` for a tiny non-zero amount. */
export function formatUsd(amount: number): string {
  if (amount > 0 && amount < 0.005) return '<$0.01';
  const [whole, cents] = (Math.round(amount * 100) / 100).toFixed(2).split('.');
  return `$${formatCount(Number(whole))}.${cents}`;
}

/** A length of time for people: `6h`, `1h 30m`, `2m 5s`, `850ms`, `0s`. */
export function formatDurationMs(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const parts: string[] = [];
  let rest = Math.round(ms / 1000);
  const units: Array<[number, string]> = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'm'],
    [1, 's'],
  ];
  for (const [size, unit] of units) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join(' ');
}

/** The first 12 hex digits of a sha256: enough to tell files apart in a table. */
export function shortSha(sha256: string): string {
  return sha256.slice(0, 12);
}

/** The last segment of a path, whichever separator the runner used. */
export function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] ?? file;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
