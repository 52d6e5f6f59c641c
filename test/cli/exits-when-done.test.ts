/**
 * A run that ends with turns still in flight (parked in a mock on the virtual clock) exits once
 * its files are written: the provider SDKs' own real-time request timers must not keep the
 * process alive with nothing left to do.
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

describe('the CLI after a run', () => {
  it('exits with the verdict when the run ends with messages still pending', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'quotastorm-exit-')), 'run');
    const outcome = await cli('suite', 'scenarios/stress-suite.json5', '--config', 'test/fixtures/real-configs/docs-secure-dm.json5', '--out', out);
    expect(outcome.stdout).toMatch(/messages: 4 sent · .* · [1-9]\d* pending/);
    expect(outcome.code).toBe(1);
    expect(existsSync(join(out, 'result.json'))).toBe(true);
  }, 60_000);
});
