/**
 * Loaded into the real gateway with `--import` (NODE_OPTIONS, set by
 * gateway-process.ts): replaces Math.random with streams of quotastorm's
 * seeded PRNG when QUOTASTORM_GATEWAY_SEED is set — one stream per calling
 * function.
 *
 * Why: OpenClaw draws retry jitter from Math.random — 2026.9.6's transient
 * same-model retries wait 1 s·2^(n-1)·U(0.5, 1.5) within a 90 s window, so
 * even the *number* of attempts varies between runs; 2026.2.26's bundled
 * OpenAI SDK jitters its own retries by up to 25 %.
 *
 * Why per caller: with one shared stream, other code (ids, sampling) draws
 * in between in a timing-dependent order, and the k-th retry delay gets a
 * different number on every run (observed on 2026.9.6: four of six delays
 * differed). Keyed by the caller's frame (function, file name, line and
 * column — stable for one installed version), the k-th draw of
 * `resolveTransientRetryDelayMs` is the same on every run, as a named child
 * stream is in quotastorm's own PRNG. Nothing else about the gateway changes.
 * Worker threads are not seeded.
 */
import type { Prng } from '../../clock/prng.ts';
import { mathRandomRoot } from '../seeded-random.ts';

const seed = process.env['QUOTASTORM_GATEWAY_SEED'];
if (seed !== undefined && seed !== '') {
  const root = mathRandomRoot(seed);
  const streams = new Map<string, Prng>();
  const seededRandom = (): number => {
    const key = callerKey(seededRandom);
    let stream = streams.get(key);
    if (stream === undefined) {
      stream = root.fork(key);
      streams.set(key, stream);
    }
    return stream.float();
  };
  Math.random = seededRandom;
}

/** `resolveTransientRetryDelayMs embedded-agent-BaH7wGBd.mjs:4140:59`: the frame that called Math.random, path-free. */
function callerKey(replacement: () => number): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 1;
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, replacement);
  Error.stackTraceLimit = limit;
  const frame = (holder.stack ?? '').split('\n')[1]?.trim().replace(/^at /, '') ?? '';
  // "fn (file:///…/dir/file.mjs:12:34)" or "file:///…/file.mjs:12:34" → "fn file.mjs:12:34"
  return frame.replace(/\(?(?:file:\/\/)?[^\s()]*\/([^/\s()]+)\)?$/, '$1');
}
