/**
 * A case's `atMs` in the golden runner (src/sut/conformance/golden-run.ts):
 * the next message goes out at its instant, whether or not the turn before
 * it is over, as the recorder sends it (src/sut/turn-timing.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConformance } from '../../src/sut/conformance/golden-run.ts';
import { loadTraceCase } from '../../src/sut/trace-case.ts';
import { GoldenTraceSchema } from '../../src/sut/trace.ts';

const CASE = 'flash-429-pro-429-other-ok';
const golden = GoldenTraceSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../golden/openclaw-2026.2.26', `${CASE}.json`), 'utf8')));

describe('turns at set offsets in the golden runner', () => {
  it('sends a message 5 s after the one before it while that turn is still retrying, and the turn after it waits for all to be quiet', async () => {
    const traceCase = await loadTraceCase(CASE);
    const burst = { ...traceCase, turns: [traceCase.turns[0]!, { text: 'are you still there?', atMs: 5_000 }] };
    const { run } = await checkConformance(golden, burst);
    const [first, second] = run.trace.turns;
    // The incident chain's first turn takes ~28 s (Flash ×4, Pro ×4, then GPT-4o mini); only its first 5 s belong to it.
    expect(first!.settled).toBe(true);
    expect(first!.requests.every((request) => request.offsetMs < 5_000)).toBe(true);
    expect(first!.requests.length).toBeGreaterThan(0);
    expect(second!.requests.some((request) => request.model === 'gemini-2.5-flash' && request.offsetMs < 2_000)).toBe(true);
    expect(second!.settled).toBe(true);
    expect(run.trace.turns.flatMap((turn) => turn.requests).length).toBeGreaterThan(golden.turns[0]!.requests.length);
  });
});
