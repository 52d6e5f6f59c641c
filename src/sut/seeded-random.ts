/**
 * The streams behind the real gateway's seeded Math.random
 * (preload/seeded-math-random.ts): one per calling frame, under
 * `createPrng(seed).fork('openclaw-math-random')`. Shared with the
 * conformance harness, which hands the embedded gateway the stream a real
 * gateway's caller drew from, so that both draw the same numbers.
 */
import { createPrng, type Prng } from '../clock/prng.ts';

const ROOT_STREAM = 'openclaw-math-random';

/** The Math.random stream of `callerKey` (`fn file.mjs:line:column`) in a gateway seeded with `seed`. */
export function mathRandomStream(seed: string, callerKey: string): Prng {
  return mathRandomRoot(seed).fork(callerKey);
}

export function mathRandomRoot(seed: string): Prng {
  return createPrng(seed).fork(ROOT_STREAM);
}
