/**
 * Real OpenClaw configs, collected from public repositories, issues and OpenClaw's docs
 * (test/fixtures/real-configs/SOURCES.md says where each came from). Each goes through what a
 * user runs — `config validate`, `config get`, `config report`, `lint` on both profiles and the
 * stress suite — in the shard tests of test/real-configs/ (test/corpus/describe-shard.ts), which
 * also hold reports/examples/real-configs.md to what they saw. Here: the corpus as a whole.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, CORPUS_FIXTURES, CORPUS_REPORT, KNOWN_GAPS, REPORT_HEADER } from './corpus/corpus.ts';

describe('the real-config corpus', () => {
  it('holds at least 50 configs', () => {
    expect(CORPUS_FIXTURES.length).toBeGreaterThanOrEqual(50);
  });

  it('names the source of every config in SOURCES.md', async () => {
    const sources = await readFile(join(CORPUS_DIR, 'SOURCES.md'), 'utf8');
    const unsourced = CORPUS_FIXTURES.filter((name) => !sources.includes(`\`${name}\``));
    expect(unsourced).toEqual([]);
  });

  it('lists in KNOWN_GAPS only configs it holds', () => {
    expect(Object.keys(KNOWN_GAPS).filter((name) => !CORPUS_FIXTURES.includes(name))).toEqual([]);
  });

  it(`has one line per config in ${CORPUS_REPORT}, in order, under its header`, async () => {
    const lines = (await readFile(CORPUS_REPORT, 'utf8')).split('\n');
    expect(lines.slice(0, REPORT_HEADER.length)).toEqual(REPORT_HEADER);
    const named = lines.slice(REPORT_HEADER.length).filter((line) => line !== '').map((line) => /^\| \[([^\]]+)\]/.exec(line)?.[1] ?? line);
    expect(named).toEqual(CORPUS_FIXTURES);
  });
});
