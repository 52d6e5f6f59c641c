/**
 * The embedded gateway against every golden trace of the real OpenClaw
 * (test/golden/openclaw-<V>/<case>.json), replayed under the recorder's
 * conditions by src/sut/conformance/golden-run.ts and judged by
 * compareTrace with its default tolerances.
 *
 * A case either matches (`ok`), or is a known gap (known-gaps.ts) whose
 * differences must be exactly the recorded ones: fixing a gap, or changing
 * how it fails, makes this test fail until known-gaps.ts is updated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConformance } from '../../src/sut/conformance/golden-run.ts';
import { formatDifferences } from '../../src/sut/compare.ts';
import { loadTraceCase } from '../../src/sut/trace-case.ts';
import { GoldenTraceSchema } from '../../src/sut/trace.ts';
import { fingerprint } from '../../src/sut/conformance/fingerprint.ts';
import { KNOWN_GAPS } from './known-gaps.ts';

const GOLDEN_DIR = join(import.meta.dirname, '../golden');
const traces = readdirSync(GOLDEN_DIR)
  .filter((name) => name.startsWith('openclaw-'))
  .sort()
  .flatMap((dir) => readdirSync(join(GOLDEN_DIR, dir)).filter((file) => file.endsWith('.json')).sort().map((file) => ({ dir, file })));

describe('embedded gateway vs golden traces of the real OpenClaw', () => {
  it('finds traces of both versions', () => {
    expect(new Set(traces.map((trace) => trace.dir))).toEqual(new Set(['openclaw-2026.2.26', 'openclaw-2026.9.6']));
  });

  it('lists no known gap without a trace', () => {
    const present = new Set(traces.map(({ dir, file }) => `${dir.replace('openclaw-', '')}/${file.replace(/\.json$/, '')}`));
    for (const gap of KNOWN_GAPS) expect(present, `${gap.version}/${gap.case}`).toContain(`${gap.version}/${gap.case}`);
  });

  for (const { dir, file } of traces) {
    const name = file.replace(/\.json$/, '');
    const version = dir.replace('openclaw-', '');
    const gap = KNOWN_GAPS.find((entry) => entry.case === name && entry.version === version);
    it(`${version} ${name}: ${gap ? 'known gap, unchanged' : 'matches'}`, async () => {
      const golden = GoldenTraceSchema.parse(JSON.parse(readFileSync(join(GOLDEN_DIR, dir, file), 'utf8')));
      const { comparison } = await checkConformance(golden, await loadTraceCase(name));
      if (gap === undefined) {
        expect(comparison.ok, formatDifferences(comparison)).toBe(true);
      } else {
        expect(comparison.ok, `${version}/${name} now matches: remove it from known-gaps.ts`).toBe(false);
        expect(comparison.differences.map(fingerprint), `${version}/${name}: the gap changed; update known-gaps.ts\n${formatDifferences(comparison)}`).toEqual(gap.differences);
      }
    });
  }
});
