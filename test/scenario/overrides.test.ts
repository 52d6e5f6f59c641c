import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { overrideFlags } from '../../src/scenario/override-flags.ts';
import { applyOverrides, parseDurationFlag, parseRateFlag, parseUsersFlag } from '../../src/scenario/overrides.ts';
import { inlineScenario } from './support.ts';

const TRAFFIC = inlineScenario(`{
  name: "traffic",
  users: { count: 3, paired: [0, 2] },
  steps: [
    { name: "warm-up", run: "5m" },
    { name: "the day", send: [{ kind: "poisson", perHour: 20, tokens: 100, until: "20h" }, { kind: "message", at: "1h", tokens: 50 }], run: "24h",
      checks: [{ check: "rate-limit-errors", max: 3 }] },
  ],
}`);

describe('--duration', () => {
  it("sets the longest step's length, and its Poisson traffic ends with it", () => {
    const [, day] = applyOverrides(TRAFFIC, { duration: '2h' }).scenario.steps;
    expect(day!.run).toBe(2 * 3_600_000);
    expect(day!.send[0]).toMatchObject({ kind: 'poisson', until: 2 * 3_600_000 });
  });

  it('leaves the other steps as written', () => {
    expect(applyOverrides(TRAFFIC, { duration: '2h' }).scenario.steps[0]!.run).toBe(5 * 60_000);
  });

  it('refuses a length before a fixed message of that step, naming the flag', () => {
    expect(() => applyOverrides(TRAFFIC, { duration: '30m' })).toThrow('--duration 30m is shorter than step "the day" of scenario inline-scenario.json5, which sends a message at 3600 s');
  });

  it('refuses a scenario whose longest step is not one step', () => {
    const twins = inlineScenario('{ name: "x", steps: [{ name: "a", run: "1h" }, { name: "b", run: "1h", checks: [{ check: "session-count", max: 1 }] }] }');
    expect(() => applyOverrides(twins, { duration: '10m' })).toThrow('has 2 steps of the longest length ("a", "b")');
  });

  it.each(['10', '0s', '32d', 'ten minutes'])('refuses %s: a length with a unit, up to 31 days', (text) => {
    expect(() => parseDurationFlag(text)).toThrow(`--duration needs a length with a unit, above 0 and at most 31 days, e.g. 10m, 2h, 24h or 1h30m; got "${text}".`);
  });
});

describe('--rate', () => {
  it.each([
    ['30/min', 1_800],
    ['20/h', 20],
    ['1/s', 3_600],
    ['48/d', 2],
    ['0.5/min', 30],
  ])('reads %s as %d messages an hour', (text, perHour) => {
    expect(parseRateFlag(text)).toBe(perHour);
  });

  it("sets the Poisson arrival's perHour", () => {
    expect(applyOverrides(TRAFFIC, { rate: '30/min' }).scenario.steps[1]!.send[0]).toMatchObject({ kind: 'poisson', perHour: 1_800 });
  });

  it.each(['30', '30/week', '0/min', '3/s'])('refuses %s: messages per s, min, h or d, at most 10,000 an hour', (text) => {
    expect(() => parseRateFlag(text)).toThrow(`--rate needs messages per unit, above 0 and at most 10,000 an hour, written N/s, N/min, N/h or N/d, e.g. 30/min or 20/h; got "${text}".`);
  });

  it('refuses a scenario without Poisson traffic', async () => {
    const burst = await loadScenario('scenarios/burst-5s.json5');
    expect(() => applyOverrides(burst, { rate: '1/min' })).toThrow('--rate 1/min sets the rate of the scenario\'s one Poisson arrival (`kind: "poisson"`), but scenario scenarios/burst-5s.json5 sends only single messages and bursts at fixed times');
  });
});

describe('--users', () => {
  it('sets users.count', () => {
    expect(applyOverrides(TRAFFIC, { users: 8 }).scenario.users.count).toBe(8);
  });

  it('refuses fewer users than the scenario names, as the file would be refused', () => {
    expect(() => applyOverrides(TRAFFIC, { users: 2 })).toThrow('Scenario inline-scenario.json5 with --users 2 is invalid: at users.paired.1 it needs a user index below users.count (2;');
  });

  it.each(['0', '1001', '2.5', 'many'])('refuses %s: a whole number from 1 to 1,000', (text) => {
    expect(() => parseUsersFlag(text)).toThrow(`--users needs a whole number of Telegram users from 1 to 1,000; got "${text}".`);
  });
});

describe('--profile and --threshold', () => {
  it("replaces the scenario's profile", () => {
    expect(applyOverrides(TRAFFIC, { profile: '2026.9' }).scenario.profile).toBe('2026.9');
  });

  it("lays thresholds over the scenario's checks before the run", () => {
    const checks = applyOverrides(TRAFFIC, { thresholds: ['rate_limit_errors==0', 'p95_reply<30s'] }).scenario.steps[1]!.checks;
    expect(checks).toEqual([
      { check: 'rate-limit-errors', window: 'step', max: 0 },
      { check: 'reply-time', window: 'run', percentile: 95, belowMs: 30_000 },
    ]);
  });

  it('refuses a threshold that matches no check, listing the checks', () => {
    expect(() => applyOverrides(TRAFFIC, { thresholds: ['session-count<=3'] })).toThrow("--threshold 'session-count<=3' matches no check of this run; its checks are rate-limit-errors{step:the day}");
  });
});

describe('the flags the result and the reproduce line repeat', () => {
  it('are the overrides as given, in a fixed order, quoted for a shell', () => {
    expect(overrideFlags({ users: 3, duration: '10m', thresholds: ["p95_reply<30s"], rate: '30/min', profile: '2026.9' })).toBe(
      " --duration 10m --rate 30/min --users 3 --profile 2026.9 --threshold 'p95_reply<30s'",
    );
  });

  it('are empty without overrides', () => {
    expect(overrideFlags({})).toBe('');
  });
});
