/**
 * Seeded, splittable pseudo-random numbers: the only randomness in quotastorm.
 *
 * One run seed; every consumer takes a named child stream (`rng.fork('faults')`).
 * A child's seed derives from its parent's seed and its name, never from how
 * many numbers the parent has drawn, so a new draw in the workload does not
 * shift the faults. The generator is sfc32 (passes PractRand to 2^50 bytes),
 * seeded through cyrb128 of the stream path.
 */
export type Prng = {
  /** The stream path, e.g. `42/workload/telegram`: printed in repro commands. */
  readonly path: string;
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
  /** Uniform float in [0, 1). */
  float(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Exponentially distributed with the given mean (inter-arrival times of a Poisson process). */
  exponential(mean: number): number;
  /** Normally distributed (Box–Muller). */
  normal(mean: number, stdDev: number): number;
  shuffle<T>(items: readonly T[]): T[];
  /** An independent child stream named `name`. */
  fork(name: string): Prng;
};

export function createPrng(seed: number | string): Prng {
  return streamAt(String(seed));
}

function streamAt(path: string): Prng {
  const next = sfc32(cyrb128(path));
  const float = () => next() / 4294967296;
  const prng: Prng = {
    path,
    uint32: next,
    float,
    int(min, max) {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
        throw new RangeError(`prng.int needs integers min <= max, got ${min}, ${max}`);
      }
      return min + Math.floor(float() * (max - min + 1));
    },
    chance: (p) => float() < p,
    pick(items) {
      if (items.length === 0) throw new RangeError('prng.pick from an empty list');
      return items[Math.floor(float() * items.length)]!;
    },
    exponential: (mean) => -Math.log(1 - float()) * mean,
    normal(mean, stdDev) {
      const u = 1 - float();
      const v = float();
      return mean + stdDev * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    shuffle(items) {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(float() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    fork: (name) => streamAt(`${path}/${name}`),
  };
  return prng;
}

/** sfc32: small fast chaotic generator, 128-bit state. */
function sfc32([a0, b0, c0, d0]: [number, number, number, number]): () => number {
  let a = a0, b = b0, c = c0, d = d0;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32 mixes weakly right after seeding.
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** cyrb128: a 128-bit string hash, good enough to spread seeds apart. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
