import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../src/scenario/record.ts';
import type { CheckSpec } from '../../src/scenario/schema.ts';
import { parseThreshold, withThresholds } from '../../src/scenario/thresholds.ts';

function step(name: string, checks: Record<string, unknown>[]): StepRecord {
  return {
    name,
    fromMs: 0,
    toMs: 0,
    messagesSent: 0,
    messagesSentInRun: 0,
    checks: checks.map((check) => ({ window: 'step', ...check }) as CheckSpec),
    store: { sessions: [], writes: 0 },
    seen: { journal: 0, telegramJournal: 0, log: 0, deliveries: 0, messageFates: 0 },
  };
}

const STEPS = [
  step('before', [{ check: 'session-count', max: 20, title: 'Session count ≤ 20 before' }]),
  step('burst', [
    { check: 'peak-usage', model: 'google/gemini-2.5-flash', metric: 'tpm', max: 'limit' },
    { check: 'peak-usage', model: 'moonshot/kimi-k2.5', metric: 'tpm', min: 5 },
    { check: 'session-count', max: 20 },
  ]),
];

const judgedWith = (...thresholds: string[]) => STEPS.map(withThresholds(STEPS, (s) => s.checks, thresholds.map(parseThreshold)));

describe('--threshold', () => {
  it('reads k6’s shape: a check, optional {tag:value} filters, <= or >= and a number or keyword', () => {
    expect(parseThreshold('peak-usage{model:google/gemini-2.5-flash, metric:tpm} <= 500000')).toMatchObject({
      check: 'peak-usage',
      tags: { model: 'google/gemini-2.5-flash', metric: 'tpm' },
      parameter: 'max',
      value: 500_000,
    });
    expect(parseThreshold('replies-delivered>=all')).toMatchObject({ check: 'replies-delivered', tags: {}, parameter: 'min', value: 'all' });
  });

  it('sets max for <= and min for >= on every check of that name, dropping the title that stated the old limit', () => {
    const [before, burst] = judgedWith('session-count<=10');
    expect(before).toEqual([{ check: 'session-count', window: 'step', max: 10 }]);
    expect(burst![2]).toEqual({ check: 'session-count', window: 'step', max: 10 });
  });

  it('applies only where the tags match, step and parameters alike', () => {
    const [before, burst] = judgedWith('session-count{step:burst}<=10', 'peak-usage{model:moonshot/kimi-k2.5}<=900');
    expect(before![0]).toMatchObject({ max: 20, title: 'Session count ≤ 20 before' });
    expect(burst![0]).toMatchObject({ max: 'limit' });
    expect(burst![1]).toEqual({ check: 'peak-usage', window: 'step', model: 'moonshot/kimi-k2.5', metric: 'tpm', max: 900 });
    expect(burst![2]).toMatchObject({ max: 10 });
  });

  it.each([
    ['session-count<10', 'max', 9],
    ['replies-delivered>2', 'min', 3],
    ['rate_limit_errors==0', 'max', 0],
  ] as const)('reads %s k6-style: a strict bound on a count is the inclusive one next to it, == 0 is at most 0, _ is -', (source, parameter, value) => {
    expect(parseThreshold(source)).toMatchObject({ check: source.startsWith('session') ? 'session-count' : source.startsWith('replies') ? 'replies-delivered' : 'rate-limit-errors', parameter, value });
  });

  it('matches a parameter the scenario left to its default', () => {
    const [, burst] = judgedWith('peak-usage{metric:tpm}<=1');
    expect(burst!.slice(0, 2).map((spec) => (spec as { max?: number }).max)).toEqual([1, 1]);
  });

  it.each([
    ['session-count=10', 'is not a threshold'],
    ['session-count==3', 'uses == with a number other than 0'],
    ['session-count<0', 'asks for a count below 0'],
    ['peak-usage<limit', 'uses < with "limit", which takes only <= or >='],
    ['session-count<=ten', 'is not a threshold'],
    ['sessions<=10', 'names no metric. Expected METRIC<=N, METRIC<N, METRIC>=N, METRIC>N or METRIC==0 with METRIC one of config-verification, session-count'],
    ['session-count{step}<=10', 'has a tag "step" that is not TAG:VALUE'],
  ])('rejects %s: %s', (source, why) => {
    expect(() => parseThreshold(source)).toThrow(`--threshold '${source}' ${why}`);
  });

  it('rejects a threshold that matches no check of the run, listing them', () => {
    expect(() => judgedWith('session-count{step:after}<=10')).toThrow(
      "--threshold 'session-count{step:after}<=10' matches no check of this run; its checks are session-count{step:before}, peak-usage{step:burst}",
    );
  });

  it('rejects a threshold its check has no parameter for, naming the operator it takes', () => {
    expect(() => judgedWith('session-count>=1')).toThrow("--threshold 'session-count>=1' does not fit session-count, which takes <= (its max)");
  });
});

describe('--threshold on time to reply', () => {
  const REPLY_STEPS = [step('burst', [{ check: 'reply-time', percentile: 99, maxMs: 60_000, title: 'p99 under a minute' }])];
  const judged = (...thresholds: string[]) => REPLY_STEPS.map(withThresholds(REPLY_STEPS, (s) => s.checks, thresholds.map(parseThreshold)));

  it.each([
    ['p95_reply<30s', { percentile: '95' }, 'belowMs', 30_000],
    ['p99_reply <= 45000', { percentile: '99' }, 'maxMs', 45_000],
    ['max_reply<2m', { percentile: '100' }, 'belowMs', 120_000],
    ['p99.9_reply{step:burst}<=1.5s', { step: 'burst', percentile: '99.9' }, 'maxMs', 1_500],
  ])('reads %s k6-style: a percentile, < (strictly under) or <=, a duration', (source, tags, parameter, value) => {
    expect(parseThreshold(source)).toEqual({ source, check: 'reply-time', tags, parameter, value });
  });

  it('replaces the bound of the reply-time check of that percentile', () => {
    expect(judged('p99_reply<30s')).toEqual([[{ check: 'reply-time', window: 'step', percentile: 99, belowMs: 30_000 }]]);
  });

  it('adds a whole-run check to the last step when the run has none of that percentile', () => {
    const [burst] = judged('p95_reply<30s');
    expect(burst).toEqual([REPLY_STEPS[0]!.checks[0], { check: 'reply-time', window: 'run', percentile: 95, belowMs: 30_000 }]);
  });

  it.each([
    ['reply-time<=30000', 'sets reply-time, which takes its own names: pN_reply<DURATION (belowMs) or pN_reply<=DURATION (maxMs)'],
    ['p0_reply<1s', 'asks for percentile 0, which is not above 0 and at most 100'],
    ['p95_reply>=1s', 'is not a reply-time threshold'],
    ['p95_reply<30h', 'is not a reply-time threshold'],
  ])('rejects %s: %s', (source, why) => {
    expect(() => parseThreshold(source)).toThrow(`--threshold '${source}' ${why}`);
  });
});
