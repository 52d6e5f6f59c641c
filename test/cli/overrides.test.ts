/**
 * k6-style run-time flags on `run` and `suite`: `--duration`, `--rate`, `--users` and
 * `--threshold` change the scenario before it runs, are recorded in result.json and the
 * report header, are repeated by the reproduce line, and a failed threshold fails the run.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, type Outcome } from '../support/cli.ts';

const CHILD_MS = 120_000;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'quotastorm-overrides-'));
});

describe('run heartbeat-storm --duration 10m --rate 60/h --users 2', () => {
  let outcome: Outcome;
  let result: { scenario: { overrides?: unknown }; reproduce: string; simulatedMs: number; messages: { sent: number } };
  let dir: string;
  beforeAll(async () => {
    dir = join(root, 'storm');
    outcome = await cli('run', 'heartbeat-storm', '--duration', '10m', '--rate', '60/h', '--users', '2', '--out', dir, '--quiet');
    result = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8'));
  }, CHILD_MS);

  it('runs the shortened scenario', () => {
    expect(result.simulatedMs).toBeLessThan(15 * 60_000);
    expect(result.messages.sent).toBeGreaterThan(0);
  });

  it('records the overrides in result.json as given', () => {
    expect(result.scenario.overrides).toEqual({ duration: '10m', rate: '60/h', users: 2 });
  });

  it('shows them in the report header', async () => {
    expect(await readFile(join(dir, 'report.md'), 'utf8')).toContain('| Overrides | `--duration 10m` · `--rate 60/h` · `--users 2` |'.slice(0, 60));
  });

  it('keeps them in the reproduce line, which runs the same scenario again', async () => {
    expect(result.reproduce).toMatch(/ --duration 10m --rate 60\/h --users 2$/);
    const again = join(root, 'storm-again');
    const args = result.reproduce.split(' ').slice(2).concat('--out', again, '--quiet');
    await cli(...args);
    const rerun = JSON.parse(await readFile(join(again, 'result.json'), 'utf8'));
    expect({ ...rerun, reproduce: '' }).toEqual({ ...result, reproduce: '' });
  }, CHILD_MS);
}, CHILD_MS);

describe('--threshold on suite', () => {
  it('fails a passing suite with exit 1 when the run misses it, as a check of its own in the report and JUnit', async () => {
    const dir = join(root, 'suite');
    const junit = join(root, 'suite.xml');
    const outcome = await cli('suite', 'stress-suite', '--threshold', 'p95_reply<1s', '--threshold', 'rate_limit_errors==0', '--out', dir, '--junit', junit);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toMatch(/FAIL\s+users\s+p95 time to reply < 1\.0 s/);
    expect(await readFile(join(dir, 'report.md'), 'utf8')).toContain("`--threshold 'p95_reply<1s'`");
    expect(await readFile(junit, 'utf8')).toContain('p95 time to reply &lt; 1.0 s');
  }, CHILD_MS);

  it('passes when the run meets it', async () => {
    const outcome = await cli('suite', 'stress-suite', '--threshold', 'p95_reply<5m', '--out', join(root, 'suite-ok'), '--quiet');
    expect(outcome.stdout.split('\n')[0]).toBe('7/7 passed');
    expect(outcome.code).toBe(0);
  }, CHILD_MS);

  it('refuses an expression it cannot read with exit 2, listing the metrics', async () => {
    const outcome = await cli('suite', 'stress-suite', '--threshold', 'p95<30s', '--out', join(root, 'suite-bad'));
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain("--threshold 'p95<30s' is not a threshold. Expected METRIC<=N, METRIC<N, METRIC>=N, METRIC>N or METRIC==0 with METRIC one of config-verification, session-count, rate-limit-errors");
    expect(outcome.stderr).toContain('p95_reply');
  }, CHILD_MS);
});

describe('bad override values', () => {
  it('a workload the flags make too large: refused naming the flags, exit 2', async () => {
    const outcome = await cli('run', 'incident-2026-02-27', '--rate', '9000/h', '--duration', '31d', '--out', join(root, 'too-large'));
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('incident-2026-02-27.json5 with --duration 31d --rate 9000/h sends about 6,696,000 messages, more than the 100,000 one run may send');
  }, CHILD_MS);

  it.each([
    [['--duration', '10'], '--duration needs a length with a unit'],
    [['--rate', 'fast'], '--rate needs messages per unit'],
    [['--users', '0'], '--users needs a whole number of Telegram users from 1 to 1,000'],
    [['--rate', '1/min'], "--rate 1/min sets the rate of the scenario's one Poisson arrival"],
  ])('%j: one paragraph naming the flag, exit 2, nothing written', async (flags, message) => {
    const dir = join(root, `bad-${flags.join('')}`.replace(/\W/g, '_'));
    const outcome = await cli('run', 'burst-5s', ...flags, '--out', dir);
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
    expect(outcome.stderr).toContain(message);
  }, CHILD_MS);
});
