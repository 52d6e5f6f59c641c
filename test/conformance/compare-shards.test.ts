/**
 * Compare-only conformance over the committed golden traces: the report of
 * one unsharded run and the merge of its three shards are the same files,
 * byte for byte (`quotastorm conformance compare` / `merge`).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runConformanceCompare } from '../../src/commands/conformance-compare.ts';
import { runConformanceMerge } from '../../src/commands/conformance-merge.ts';
import { parseReport } from '../../src/sut/conformance/report.ts';
import { KNOWN_GAPS } from './known-gaps.ts';

const GOLDEN_DIR = join(import.meta.dirname, '../golden');
const scratch = mkdtempSync(join(tmpdir(), 'qs-conformance-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
vi.spyOn(process.stderr, 'write').mockImplementation(() => true);

/** The committed traces of each version, as the report counts them. */
const tracesOf = (version: string) => readdirSync(join(GOLDEN_DIR, `openclaw-${version}`)).filter((file) => file.endsWith('.json')).length;
const TRACES = { '2026.2.26': tracesOf('2026.2.26'), '2026.9.6': tracesOf('2026.9.6') };
const ALL = TRACES['2026.2.26'] + TRACES['2026.9.6'];

const read = (dir: string) => ['conformance.json', 'conformance.md'].map((file) => readFileSync(join(scratch, dir, file), 'utf8'));

describe('conformance compare over recorded traces, sharded and merged', () => {
  // 48 embedded runs (24 traces, twice): ~3 s on an idle 2-core machine, more under load.
  beforeAll(async () => {
    await runConformanceCompare([GOLDEN_DIR], { out: join(scratch, 'whole') });
    for (const index of [1, 2, 3]) await runConformanceCompare([GOLDEN_DIR], { out: join(scratch, `shard-${index}`), shard: `${index}/3` });
    await runConformanceMerge([3, 1, 2].map((index) => join(scratch, `shard-${index}`)), { out: join(scratch, 'merged') });
  }, 120_000);

  it('merges shards 1/3, 2/3 and 3/3 of the golden traces into the unsharded report, byte for byte', () => {
    const [wholeJson, wholeMarkdown] = read('whole');
    expect(read('merged')).toEqual([wholeJson, wholeMarkdown]);

    const whole = parseReport(wholeJson!, 'whole');
    expect(whole.shard).toBeNull();
    expect(whole.totals.map((totals) => [totals.version, totals.cases])).toEqual(Object.entries(TRACES));
    const shards = [1, 2, 3].map((index) => parseReport(read(`shard-${index}`)[0]!, `shard-${index}`));
    // Index mod 3 over the sorted traces: shard i gets the traces at i-1, i+2, i+5, …
    expect(shards.map((shard) => shard.verdicts.length)).toEqual([0, 1, 2].map((offset) => Math.ceil((ALL - offset) / 3)));
    expect(shards[1]!.shard).toEqual({ index: 2, count: 3 });
    // Sorted by version/case, index mod 3: shard 2 starts with the second trace.
    expect(`${shards[1]!.verdicts[0]!.version}/${shards[1]!.verdicts[0]!.case}`).toBe('2026.2.26/all-ok');
  });

  it('agrees with the golden conformance test on requests, order and user texts for every golden trace', () => {
    const whole = parseReport(read('whole')[0]!, 'whole');
    for (const totals of whole.totals) {
      const traces = TRACES[totals.version as keyof typeof TRACES];
      expect(totals.dimensions.requests, totals.version).toBe(traces);
      expect(totals.dimensions.order, totals.version).toBe(traces);
      expect(totals.dimensions.userTexts, totals.version).toBe(traces);
    }
    // 2026.9.6's processing time (test/conformance/known-gaps.ts) shows as timing disagreements, one per known gap.
    const timingGaps = KNOWN_GAPS.filter((gap) => gap.version === '2026.9.6').length;
    expect(whole.totals[1]!.dimensions.timing).toBe(TRACES['2026.9.6'] - timingGaps);
    const markdown = read('whole')[1]!;
    expect(markdown).toContain(`| 2026.2.26 | ${TRACES['2026.2.26']} |`);
    expect(markdown).toContain('### openclaw@2026.9.6 all-ok');
    expect(markdown).toContain('`turns[0].requests[0].offsetMs: real 4814 / embedded 0`');
  });

  it('refuses to merge an incomplete or mixed set of shards', async () => {
    await expect(runConformanceMerge([join(scratch, 'shard-1'), join(scratch, 'shard-2')], { out: join(scratch, 'bad-1') })).rejects.toThrow(/3\/3 missing/);
    await expect(runConformanceMerge([join(scratch, 'shard-1'), join(scratch, 'shard-1')], { out: join(scratch, 'bad-2') })).rejects.toThrow(/given twice/);
    await expect(runConformanceMerge([join(scratch, 'whole')], { out: join(scratch, 'bad-3') })).rejects.toThrow(/not a shard's/);
  });

  it('refuses a shard outside 1…n', async () => {
    await expect(runConformanceCompare([GOLDEN_DIR], { out: join(scratch, 'bad-4'), shard: '4/3' })).rejects.toThrow(/--shard needs i\/n/);
  });
});

describe('conformance compare, bad input', () => {
  it('refuses a file that is not a recorded trace, naming it', async () => {
    const notATrace = join(scratch, 'not-a-trace.json');
    writeFileSync(notATrace, '{"format": "something else"}');
    await expect(runConformanceCompare([notATrace], { out: join(scratch, 'bad-5') })).rejects.toThrow(/not-a-trace.json is not a recorded trace/);
  });

  it('refuses a folder without traces', async () => {
    await expect(runConformanceCompare([join(import.meta.dirname, '../../docs')], { out: join(scratch, 'bad-6') })).rejects.toThrow(/No recorded traces/);
  });
});
