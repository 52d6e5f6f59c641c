/**
 * One shard of the real-config corpus as tests: every config whose index in the sorted corpus
 * is `shard` modulo `of` goes through corpus.ts's commands and must meet the bar (suite-bar.ts),
 * or, if KNOWN_GAPS lists it, still miss it exactly as listed; and its line in
 * reports/examples/real-configs.md must be the one this run writes. Shards are separate test
 * files so vitest runs them side by side.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_FIXTURES, CORPUS_REPORT, KNOWN_GAPS, corpusLine, problemsOf, runCorpusEntry, type CorpusEntry } from './corpus.ts';

const RUN_TIMEOUT_MS = 60_000;

export function describeCorpusShard(shard: number, of: number): void {
  const names = CORPUS_FIXTURES.filter((_, index) => index % of === shard);
  let scratchDir = '';
  let committed: readonly string[] = [];
  beforeAll(async () => {
    scratchDir = await mkdtemp(join(tmpdir(), `quotastorm-corpus-${shard}-`));
    committed = (await readFile(CORPUS_REPORT, 'utf8')).split('\n');
  });

  describe.each(names)('%s', (name) => {
    let entry: CorpusEntry | undefined;
    beforeAll(async () => {
      entry = await runCorpusEntry(name, scratchDir);
    }, RUN_TIMEOUT_MS);

    const gap = KNOWN_GAPS[name];
    if (gap === undefined) {
      it('meets the bar through validate, get, report, lint and the stress suite', () => {
        expect(problemsOf(entry!)).toEqual([]);
      });
    } else {
      it(`still misses the bar as KNOWN_GAPS says (${gap}); once it meets it, remove its entry`, () => {
        const problems = problemsOf(entry!).join('\n');
        expect(problems === '' ? 'meets the bar now: remove it from KNOWN_GAPS in test/corpus/corpus.ts' : problems).toContain(gap);
      });
    }

    it(`has its line in ${CORPUS_REPORT} as this run writes it`, () => {
      const line = corpusLine(entry!);
      expect(committed.includes(line) ? line : `${CORPUS_REPORT} is stale (npm run corpus rewrites it); this run writes:\n${line}`).toBe(line);
    });
  });
}
