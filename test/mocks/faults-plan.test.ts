import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/clock/prng.ts';
import { UserError } from '../../src/errors.ts';
import { createFaultPlan } from '../../mocks/providers/fault-plan.ts';
import { FaultScheduleSchema, parseFaultSchedule } from '../../mocks/providers/fault-schedule.ts';
import type { FaultPlan, FaultRequest } from '../../mocks/providers/faults.ts';

const T0 = Date.UTC(2026, 1, 27, 18, 0, 0);

function plan(schedule: unknown, seed = 7): FaultPlan {
  return createFaultPlan(parseFaultSchedule(schedule), { prng: createPrng(seed).fork('faults'), startMs: T0 });
}

function request(fields: Partial<FaultRequest> = {}): FaultRequest {
  return {
    atMs: T0,
    provider: 'gemini',
    api: 'streamGenerateContent',
    model: 'gemini-2.5-flash',
    stream: true,
    scopeKey: 'gemini/account:default/gemini-2.5-flash',
    inputTokens: 100,
    clientRetryCount: undefined,
    ...fields,
  };
}

/** Which of `count` requests get a fault, as a 0/1 string. */
function firings(faults: FaultPlan, count: number, fields: Partial<FaultRequest> = {}): string {
  return Array.from({ length: count }, () => (faults.decide(request(fields))?.fault ? '1' : '0')).join('');
}

const ones = (pattern: string) => pattern.split('').filter((bit) => bit === '1').length;

describe('fault schedule (zod, at the edge)', () => {
  it('accepts the documented example', () => {
    const schedule = {
      rules: [
        { match: { provider: 'gemini', model: 'gemini-2.5-flash' }, script: ['429', '429', 'ok'] },
        { name: 'pro-breaks', match: { model: 'gemini-2.5-pro' }, when: { fromMs: 60_000, untilMs: 120_000 }, fault: 'finish-reason:MALFORMED_FUNCTION_CALL' },
        { match: { provider: 'anthropic' }, fault: 'overloaded', probability: 0.3 },
        { match: { provider: 'openai' }, fault: 'rate-limit', probability: { base: 0.05, perThousandPromptTokens: 0.01, max: 0.9 } },
        { latency: { distribution: 'normal', meanMs: 800, stdDevMs: 200 } },
      ],
    };
    expect(FaultScheduleSchema.parse(schedule)).toEqual(schedule);
  });

  it.each([
    [{ rules: [{ fault: 'meltdown' }] }, 'at rules[0].fault, expected a fault: rate-limit, rate-limit-no-retry-after, overloaded, server-error', 'got "meltdown"'],
    [{ rules: [{ fault: 'overloaded', probability: 1.5 }] }, 'at rules[0].probability, expected a probability from 0 to 1', 'got 1.5'],
    [{ rules: [{ script: ['429', 'ok', '430'] }] }, 'at rules[0].script[2], expected ok, 401, 402, 403, 429, 500, 502, 503, 504, 529 or a fault', 'got "430"'],
    [{ rules: [{ fault: 'server-error', probabilty: 0.5 }] }, 'at rules[0].probabilty, unknown key', ''],
    [{ rules: [{ script: ['429'], probability: 0.5 }] }, 'at rules[0].probability, expected no probability beside a script', ''],
    [{ rules: [{ match: { provider: 'google' }, fault: 'overloaded' }] }, 'at rules[0].match.provider', 'got "google"'],
    [{ rules: [{ fault: 'overloaded', when: { fromMs: 10, untilMs: 5 } }] }, 'at rules[0].when.untilMs, expected untilMs after fromMs', 'got 5'],
    [{ rules: [{ latency: { distribution: 'gamma', meanMs: 1 } }] }, 'at rules[0].latency.distribution', ''],
    [{ rules: [{ name: 'a', fault: 'overloaded' }, { name: 'a', fault: 'server-error' }] }, 'at rules[1].name, expected a name no earlier rule has', ''],
  ])('rejects %j, naming the path', (schedule, where, got) => {
    const error = (() => {
      try {
        parseFaultSchedule(schedule, 'storm.json5');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain('Invalid fault schedule in storm.json5: ');
    expect((error as UserError).message).toContain(where);
    expect((error as UserError).message).toContain(got);
  });
});

describe('fault plan', () => {
  it('plays a script per model, then stops matching; another model is untouched', () => {
    const faults = plan({ rules: [{ match: { provider: 'gemini' }, script: ['429', '429', 'ok'] }] });
    const flash = () => faults.decide(request())?.fault?.label;
    const pro = () => faults.decide(request({ model: 'gemini-2.5-pro' }))?.fault?.label;
    expect([flash(), pro(), flash(), flash(), flash()]).toEqual([
      'rule 1: script 429 (1/3)',
      'rule 1: script 429 (1/3)',
      'rule 1: script 429 (2/3)',
      undefined,
      undefined,
    ]);
  });

  it('repeats a script when asked, counting rounds in the label', () => {
    const faults = plan({ rules: [{ name: 'flaky', script: ['ok', 'server-error'], repeat: true }] });
    const labels = Array.from({ length: 4 }, () => faults.decide(request())?.fault?.label);
    expect(labels).toEqual([undefined, 'rule 1 "flaky": script server-error (2/2)', undefined, 'rule 1 "flaky": script server-error (2/2, round 2)']);
  });

  it('fires a window only inside [fromMs, untilMs) of run time', () => {
    const faults = plan({ rules: [{ fault: 'unavailable', when: { fromMs: 60_000, untilMs: 120_000 } }] });
    const at = (elapsedMs: number) => faults.decide(request({ atMs: T0 + elapsedMs }))?.fault?.kind;
    expect([at(0), at(59_999), at(60_000), at(119_999), at(120_000)]).toEqual([undefined, undefined, 'unavailable', 'unavailable', undefined]);
  });

  it('never fires at probability 0 and always at 1', () => {
    expect(firings(plan({ rules: [{ fault: 'overloaded', probability: 0 }] }), 500)).toBe('0'.repeat(500));
    expect(firings(plan({ rules: [{ fault: 'overloaded', probability: 1 }] }), 500)).toBe('1'.repeat(500));
  });

  it('makes the same seeded decisions every run, about 30 % at 0.3, and different ones for another seed', () => {
    const schedule = { rules: [{ fault: 'rate-limit', probability: 0.3 }] };
    const first = firings(plan(schedule), 2_000);
    expect(firings(plan(schedule), 2_000)).toBe(first);
    expect(ones(first) / 2_000).toBeGreaterThan(0.27);
    expect(ones(first) / 2_000).toBeLessThan(0.33);
    expect(firings(plan(schedule, 8), 2_000)).not.toBe(first);
    const faults = plan(schedule);
    const fired = Array.from({ length: 20 }, () => faults.decide(request())?.fault).find((fault) => fault !== undefined);
    expect(fired?.label).toBe('rule 1: rate-limit (p=0.3)');
  });

  it("keeps a model's decisions whatever traffic other models get", () => {
    const schedule = { rules: [{ fault: 'overloaded', probability: 0.5 }] };
    const alone = firings(plan(schedule), 200);
    const shared = plan(schedule);
    let interleaved = '';
    for (let i = 0; i < 200; i++) {
      shared.decide(request({ model: 'gemini-2.5-pro' }));
      interleaved += shared.decide(request())?.fault ? '1' : '0';
    }
    expect(interleaved).toBe(alone);
  });

  it("keeps a model's decisions when another model gains a rule (a named rule even when inserted before it)", () => {
    const flashRule = { name: 'flash', match: { model: 'gemini-2.5-flash' }, fault: 'overloaded', probability: 0.5 };
    const proRule = { match: { model: 'gemini-2.5-pro' }, fault: 'server-error', probability: 0.5 };
    const base = firings(plan({ rules: [flashRule] }), 200);
    expect(firings(plan({ rules: [flashRule, proRule] }), 200)).toBe(base);
    expect(firings(plan({ rules: [proRule, flashRule] }), 200)).toBe(base);
  });

  it('fires more often for bigger prompts with a prompt-token probability', () => {
    const faults = plan({ rules: [{ fault: 'rate-limit', probability: { perThousandPromptTokens: 0.01, max: 0.8 } }] });
    const small = ones(firings(faults, 1_000, { inputTokens: 2_000 }));
    const big = ones(firings(faults, 1_000, { inputTokens: 60_000 }));
    expect(small).toBeLessThan(50); // p = 0.02
    expect(big).toBeGreaterThan(540); // p = 0.6
    expect(big).toBeLessThan(660);
    expect(faults.decide(request({ inputTokens: 100_000 }))?.fault?.label).toBe('rule 1: rate-limit (p=0.8 at 100000 prompt tokens)');
  });

  it('lets the first firing fault decide and adds the latencies that go with the answer', () => {
    const faults = plan({
      rules: [
        { latency: { distribution: 'fixed', ms: 100 } },
        { fault: 'server-error', latency: { distribution: 'fixed', ms: 1_000 } },
        { fault: 'overloaded', latency: { distribution: 'fixed', ms: 30_000 } },
      ],
    });
    expect(faults.decide(request())).toEqual({ fault: { kind: 'server-error', label: 'rule 2: server-error' }, latencyMs: 1_100 });
  });

  it('draws latencies from seeded distributions, whole milliseconds, never negative', () => {
    const draws = (latency: object) => {
      const faults = plan({ rules: [{ latency }] });
      return Array.from({ length: 400 }, () => faults.decide(request())?.latencyMs ?? 0);
    };
    const normal = draws({ distribution: 'normal', meanMs: 100, stdDevMs: 80 });
    expect(normal).toEqual(draws({ distribution: 'normal', meanMs: 100, stdDevMs: 80 }));
    expect(normal.every((ms) => Number.isInteger(ms) && ms >= 0)).toBe(true);
    const uniform = draws({ distribution: 'uniform', minMs: 200, maxMs: 300 });
    expect(Math.min(...uniform)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...uniform)).toBeLessThanOrEqual(300);
    const exponential = draws({ distribution: 'exponential', meanMs: 500, maxMs: 2_000 });
    const mean = exponential.reduce((sum, ms) => sum + ms, 0) / exponential.length;
    expect(mean).toBeGreaterThan(380);
    expect(mean).toBeLessThan(560);
    expect(Math.max(...exponential)).toBeLessThanOrEqual(2_000);
  });

  it('matches on provider, model, api and stream, lists meaning any of', () => {
    const faults = plan({ rules: [{ match: { provider: ['gemini', 'xai'], api: 'streamGenerateContent', stream: true }, fault: 'empty-stream' }] });
    expect(faults.decide(request())?.fault?.kind).toBe('empty-stream');
    expect(faults.decide(request({ stream: false, api: 'generateContent' }))).toBeUndefined();
    expect(faults.decide(request({ provider: 'openai' }))).toBeUndefined();
  });
});
