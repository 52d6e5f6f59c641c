/**
 * judgeTrace: a real trace against an embedded one, per dimension. Each
 * test changes one thing of a golden trace and names the dimensions that
 * must notice it — and only those.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, judgeTrace, type Dimension } from '../../src/sut/conformance/judge.ts';
import { GoldenTraceSchema, type GoldenTrace } from '../../src/sut/trace.ts';

const golden = GoldenTraceSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../golden/openclaw-2026.2.26/flash-429-pro-429-other-ok.json'), 'utf8')));

function changed(change: (trace: GoldenTrace) => void): GoldenTrace {
  const copy = structuredClone(golden);
  change(copy);
  return copy;
}

function disagreeing(embedded: GoldenTrace): Dimension[] {
  const { dimensions } = judgeTrace(golden, embedded);
  return DIMENSIONS.filter((dimension) => !dimensions[dimension]);
}

describe('judging a trace per dimension', () => {
  it('agrees on everything with itself', () => {
    expect(judgeTrace(golden, golden)).toEqual({ dimensions: Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, true])), differences: [] });
  });

  it('sees two requests swapped as order only (the same requests, statuses in another order too)', () => {
    const swapped = changed((trace) => {
      const requests = trace.turns[0]!.requests;
      const offsets = requests.map((request) => request.offsetMs);
      [requests[3], requests[4]] = [requests[4]!, requests[3]!];
      requests.forEach((request, index) => (request.offsetMs = offsets[index]!));
    });
    expect(disagreeing(swapped)).toEqual(['order']);
  });

  it('sees an extra request as requests, order and outcomes', () => {
    const extra = changed((trace) => trace.turns[0]!.requests.push({ ...trace.turns[0]!.requests.at(-1)!, offsetMs: trace.turns[0]!.requests.at(-1)!.offsetMs + 10 }));
    expect(disagreeing(extra)).toEqual(['requests', 'order', 'outcomes']);
  });

  it('sees another status as outcomes only', () => {
    expect(disagreeing(changed((trace) => Object.assign(trace.turns[0]!.requests.at(-1)!, { status: 500, outcome: 'server-error' })))).toEqual(['outcomes']);
  });

  it('sees another text as user texts only', () => {
    expect(disagreeing(changed((trace) => (trace.turns[0]!.userTexts = ['something else'])))).toEqual(['userTexts']);
  });

  it('sees a missing log line as log lines only, naming the line', () => {
    const fewer = changed((trace) => trace.turns[0]!.logLines.pop());
    expect(disagreeing(fewer)).toEqual(['logLines']);
    expect(judgeTrace(golden, fewer).differences).toEqual(['turns[0].logLines: only real [INFO [telegram] telegram sendMessage ok chat=424242 message=2] / only embedded []']);
  });

  it('takes the console form of a Telegram send and a non-UUID run id as the same log line', () => {
    const consoleForm = changed((trace) => {
      for (const line of trace.turns[0]!.logLines) line.line = line.line.replace('[telegram] telegram ', '[telegram] ').replace('runId=<uuid>', 'runId=<id>');
    });
    expect(disagreeing(consoleForm)).toEqual([]);
  });

  it('sees a retry 1.5 s late as timing only', () => {
    expect(disagreeing(changed((trace) => trace.turns[0]!.requests.slice(1).forEach((request) => (request.offsetMs += 1_500))))).toEqual(['timing']);
  });

  it('sees a missing turn on every dimension', () => {
    expect(disagreeing(changed((trace) => trace.turns.push(structuredClone(trace.turns[0]!))))).toEqual([...DIMENSIONS]);
  });
});
