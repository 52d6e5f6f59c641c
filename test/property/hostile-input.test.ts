/**
 * A fixed-seed batch of hostile configs and scenarios (test/fuzz/hostile-inputs.ts) through the
 * real entry points: each ends in a result or a one-paragraph user error, never a crash or a
 * planted secret in the output. The long campaign is `npm run fuzz` (README, Development).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect } from 'vitest';
import { hostileConfig, hostileScenario } from '../fuzz/hostile-inputs.ts';
import { judgeConfig, judgeScenario, type Verdict } from '../fuzz/judge.ts';

// Fixed, so the batch is the same on every machine; fast-check prints seed and path on a failure.
const SEED = 18;

const problemOf = (verdict: Verdict) => (verdict.ok ? 'none' : verdict.problem);

describe('hostile input', () => {
  let scratchDir = '';
  beforeAll(async () => {
    scratchDir = await mkdtemp(join(tmpdir(), 'quotastorm-property-'));
  });

  test.prop([hostileConfig], { seed: SEED, numRuns: 120 })('a mutated config ends in exit 0, 1 or 2 and never prints a planted secret', async (input) => {
    expect(problemOf(await judgeConfig(input, scratchDir))).toBe('none');
  }, 60_000);

  test.prop([hostileScenario], { seed: SEED, numRuns: 300 })('a mutated scenario loads or is refused with a user error that echoes no secret', async (input) => {
    expect(problemOf(await judgeScenario(input))).toBe('none');
  }, 60_000);

  test('a generated case can plant a secret and nest past the limit, so the batch can fail', () => {
    const samples = fc.sample(hostileConfig, { seed: SEED, numRuns: 300 });
    expect(samples.some((input) => input.canaries.length > 0)).toBe(true);
    expect(samples.some((input) => input.mutations.some((m) => m.includes('"deep"')))).toBe(true);
  });
});
