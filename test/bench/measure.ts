import { performance } from 'node:perf_hooks';

/** `ms` per item (or per request when `rps` is set); `ratio` against the suite's baseline; `figure` replaces both when the measure is not a time. */
export type BenchRow = { name: string; ms: number; rps?: number; ratio?: number; target?: string; met?: boolean; figure?: string };

/** Best of `runs` wall-clock timings after one warm-up: the least disturbed run on a shared 2-core box. */
export async function measure(body: () => Promise<void>, runs = 3): Promise<number> {
  await body();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await body();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}
