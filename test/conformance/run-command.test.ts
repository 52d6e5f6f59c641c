/**
 * `quotastorm conformance run` refuses a bad command line before it looks
 * for an install or records anything (recording itself needs the real
 * gateway: docs/conformance.md).
 */
import { describe, expect, it } from 'vitest';
import { runConformanceRun, type ConformanceRunOptions } from '../../src/commands/conformance-run.ts';
import { UserError } from '../../src/errors.ts';

const base: ConformanceRunOptions = { gateway: ['openclaw@2026.2.26'], out: '/nonexistent/out', runsDir: '/nonexistent/runs', isolation: false };

describe('conformance run, bad input', () => {
  it.each([
    ['cases and a seed', ['all-ok'], { seed: 1, count: 2 }, /either --seed S --count N .* or case files/],
    ['neither cases nor a seed', [], {}, /either --seed S --count N .* or case files/],
    ['a seed without a count', [], { seed: 1 }, /both --seed and --count/],
    ['no gateway', ['all-ok'], { gateway: [] }, /needs --gateway openclaw@<version>/],
    ['both clocks', ['all-ok'], { virtualTime: true, realTime: true }, /--virtual-time or --real-time/],
    ['a shard outside 1…n', ['all-ok'], { shard: '0/2' }, /--shard needs i\/n/],
  ] as const)('refuses %s', async (_what, cases, options, message) => {
    const run = runConformanceRun([...cases], { ...base, ...options } as ConformanceRunOptions);
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow(message);
  });
});
