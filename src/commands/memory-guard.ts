/**
 * Stops a run whose heap grows past a bound, while there is still room to
 * write its files: the workload limit (scenario/workload.ts) bounds what a
 * scenario asks for, this bounds what a run turns out to hold (a long day
 * of large transcripts on a small machine). Node's own limit ends in an
 * out-of-memory crash with nothing written; this ends in a result marked
 * incomplete and one line saying why.
 *
 * The bound is `QUOTASTORM_MAX_HEAP_MB`, else 70 % of Node's heap limit
 * (`--max-old-space-size`), leaving the rest for writing the record out.
 */
import { getHeapStatistics } from 'node:v8';
import { UserError } from '../errors.ts';

const SHARE_OF_HEAP_LIMIT = 0.7;
const MB = 1024 * 1024;

export type MemoryGuard = {
  /** Aborted once the heap has passed the bound. */
  readonly signal: AbortSignal;
  /** Samples the heap; the runner's progress callback calls it once per simulated minute. */
  check(): void;
  /** A `UserError` (exit 2) explaining the stop, once the guard has tripped. */
  failure(dir: string): UserError | undefined;
};

export function createMemoryGuard(env: NodeJS.ProcessEnv = process.env): MemoryGuard {
  const limitBytes = boundOf(env);
  const controller = new AbortController();
  let peakBytes = 0;
  return {
    signal: controller.signal,
    check() {
      if (controller.signal.aborted) return;
      const used = process.memoryUsage().heapUsed;
      if (used <= limitBytes) return;
      peakBytes = used;
      controller.abort();
    },
    failure(dir) {
      if (!controller.signal.aborted) return undefined;
      return new UserError(
        `The run used ${Math.round(peakBytes / MB)} MB of heap, past the ${Math.round(limitBytes / MB)} MB bound (QUOTASTORM_MAX_HEAP_MB, default 70 % of Node's heap limit): ` +
          `it stopped there and ${dir} holds its files with the result marked incomplete. Lower the scenario's workload or length, or raise the bound (node --max-old-space-size).`,
      );
    },
  };
}

function boundOf(env: NodeJS.ProcessEnv): number {
  const setting = env['QUOTASTORM_MAX_HEAP_MB'];
  if (setting === undefined || setting === '') return getHeapStatistics().heap_size_limit * SHARE_OF_HEAP_LIMIT;
  const mb = Number(setting);
  if (!Number.isFinite(mb) || mb <= 0) throw new UserError(`QUOTASTORM_MAX_HEAP_MB needs a number of megabytes > 0, got "${setting}".`);
  return mb * MB;
}
