/** A folder that holds several runs opens on an index.md: one row per run, linked to its report. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

describe('index.md', () => {
  it('compare writes one, linking compare.md and each config’s run report with its verdict', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'quotastorm-index-')), 'runs');
    const { code } = await cli('compare', 'stress-suite', '--config', 'feb27-before', '--config', 'feb27-after', '--out', out);
    expect(code).toBe(1);
    const index = await readFile(join(out, 'index.md'), 'utf8');
    expect(index).toContain('[compare.md](compare.md)');
    const rows = index.split('\n').filter((line) => line.startsWith('| ['));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^\| \[1-feb27-before\]\(1-feb27-before\/report\.md\) \| \*\*FAIL 2\/6\*\* \|/);
    expect(rows[1]).toMatch(/^\| \[2-feb27-after\]\(2-feb27-after\/report\.md\) \| \*\*PASS 6\/6\*\* \|/);
  }, 60_000);
});
