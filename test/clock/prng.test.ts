import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/clock/prng.ts';

const draw = (seed: number | string, count = 5) => {
  const rng = createPrng(seed);
  return Array.from({ length: count }, () => rng.uint32());
};

describe('Prng', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draw(42)).toEqual(draw(42));
  });

  it('gives different sequences for different seeds', () => {
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('forks children that do not shift when the parent draws more', () => {
    const quiet = createPrng(7);
    const busy = createPrng(7);
    for (let i = 0; i < 1_000; i++) busy.uint32();
    expect(busy.fork('faults').uint32()).toBe(quiet.fork('faults').uint32());
    expect(quiet.fork('faults').path).toBe('7/faults');
  });

  it('forks differently named children into different streams', () => {
    const rng = createPrng(7);
    expect(rng.fork('workload').uint32()).not.toBe(rng.fork('faults').uint32());
  });

  it('keeps int() within bounds, inclusive, and covers them', () => {
    const rng = createPrng('bounds');
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) {
      const value = rng.int(3, 7);
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(7);
      seen.add(value);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('draws floats in [0, 1) with a mean near one half', () => {
    const rng = createPrng('floats');
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = rng.float();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
  });

  it('draws exponential gaps whose mean matches the requested mean', () => {
    const rng = createPrng('poisson');
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += rng.exponential(5_000);
    expect(sum / 20_000 / 5_000).toBeCloseTo(1, 1);
  });

  it('rejects impossible ranges and empty picks', () => {
    const rng = createPrng(1);
    expect(() => rng.int(5, 1)).toThrow(RangeError);
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});
