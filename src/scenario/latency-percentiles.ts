/**
 * Percentiles of a set of durations from an HDR histogram (hdr-histogram-js,
 * which autocannon also reports its latencies from).
 * Four significant digits: a value is exact up to 32,767 ms and within 0.01 %
 * above, so a 30 s threshold compares against the value measured. A
 * percentile reads as its bucket's highest equivalent value, which can pass
 * the largest value recorded; it is capped there, since no percentile exceeds
 * the maximum. Values are whole milliseconds of virtual time.
 */
import { build } from 'hdr-histogram-js';

export type Percentiles = { readonly p50Ms: number; readonly p95Ms: number; readonly p99Ms: number; readonly maxMs: number };

/** A percentile from 0 to 100 of `valuesMs`; undefined when there are none. */
export function percentileMs(valuesMs: readonly number[], percentile: number): number | undefined {
  return histogramOf(valuesMs)?.(percentile);
}

/** p50, p95, p99 and max of `valuesMs`; undefined when there are none. */
export function percentilesOf(valuesMs: readonly number[]): Percentiles | undefined {
  const at = histogramOf(valuesMs);
  if (at === undefined) return undefined;
  return { p50Ms: at(50), p95Ms: at(95), p99Ms: at(99), maxMs: at(100) };
}

function histogramOf(valuesMs: readonly number[]): ((percentile: number) => number) | undefined {
  if (valuesMs.length === 0) return undefined;
  const histogram = build({ numberOfSignificantValueDigits: 4, useWebAssembly: false });
  let maxMs = 0;
  for (const value of valuesMs) {
    const ms = Math.max(0, Math.round(value));
    histogram.recordValue(ms);
    maxMs = Math.max(maxMs, ms);
  }
  return (percentile) => (percentile >= 100 ? maxMs : Math.min(histogram.getValueAtPercentile(percentile), maxMs));
}
