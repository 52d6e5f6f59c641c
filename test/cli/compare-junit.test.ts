/** `compare --junit FILE`: one JUnit file, a `<testsuite>` per config, totals summed, exit as compare's. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

describe('compare --junit', () => {
  it('writes a testsuite per config with the failures of each and their sum', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quotastorm-compare-junit-'));
    const junit = join(dir, 'compare.xml');
    const { code } = await cli('compare', 'stress-suite', '--config', 'feb27-before', '--config', 'feb27-after', '--out', join(dir, 'runs'), '--junit', junit);
    expect(code).toBe(1);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain('<testsuites name="quotastorm" tests="12" failures="4" errors="0" time="0">');
    expect([...xml.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)"/g)].map((match) => match.slice(1))).toEqual([
      ['stress-suite on feb27-before.json5', '6', '4'],
      ['stress-suite on feb27-after.json5', '6', '0'],
    ]);
  }, 60_000);

  it('refuses a --junit path it cannot write before any run starts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quotastorm-compare-junit-'));
    const { code, stderr } = await cli('compare', 'stress-suite', '--config', 'feb27-before', '--config', 'feb27-after', '--out', join(dir, 'runs'), '--junit', '/proc/compare.xml');
    expect(code).toBe(2);
    expect(stderr).toContain('--junit');
  });
});
