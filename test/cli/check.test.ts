/**
 * `quotastorm check <run-dir>`: a saved stress-suite run judged again from
 * its folder. Each suite run is made once, by the CLI, and judged many ways.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, type Outcome } from '../support/cli.ts';

const AFTER = 'scenarios/configs/feb27-after.json5';
const BEFORE = 'scenarios/configs/feb27-before.json5';

/** The check rows and the verdict line: what a run and a re-judging must agree on. */
function verdicts(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^ {2}(PASS|FAIL|ERROR) /.test(line) || /^(INCOMPLETE — )?\d+\/\d+ passed/.test(line));
}

function expectOneParagraphUserError(outcome: Outcome): void {
  expect(outcome.code).toBe(2);
  expect(outcome.stdout).toBe('');
  expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
}

let root: string;
const runs: Record<'after' | 'before', Outcome & { dir: string }> = {} as never;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'quotastorm-check-'));
  for (const [name, config] of [['after', AFTER], ['before', BEFORE]] as const) {
    const dir = join(root, name);
    runs[name] = { dir, ...(await cli('suite', 'scenarios/stress-suite.json5', '--config', config, '--out', dir)) };
  }
}, 120_000);

describe('quotastorm check', () => {
  it('prints the verdicts the stress-suite run printed, 6/6 on the fixed config, exit 0', async () => {
    const outcome = await cli('check', runs.after.dir);
    expect(runs.after.code).toBe(0);
    expect(outcome.code).toBe(0);
    expect(verdicts(outcome.stdout)).toHaveLength(7);
    expect(verdicts(outcome.stdout)).toEqual(verdicts(runs.after.stdout));
    expect(outcome.stdout).toMatch(/^6\/6 passed$/m);
  }, 60_000);

  it('prints the failing verdicts the run printed on the incident’s config, exit 1', async () => {
    const outcome = await cli('check', runs.before.dir);
    expect(runs.before.code).toBe(1);
    expect(outcome.code).toBe(1);
    expect(verdicts(outcome.stdout)).toEqual(verdicts(runs.before.stdout));
  }, 60_000);

  it('fails with a tighter threshold: exit 1, the changed checks named with their new limit', async () => {
    const outcome = await cli('check', runs.after.dir, '--threshold', 'session-count<=0');
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toMatch(/^ {2}FAIL +gateway +Session count ≤ 0 +1 session in the store \(max 0\)$/m);
    expect(outcome.stdout).toContain('4/6 passed — failed: Session count ≤ 0, Session count ≤ 0');
    expect(outcome.stdout).toContain("judged with --threshold 'session-count<=0'");
  }, 60_000);

  it('applies a threshold only to the checks its tags pick', async () => {
    const outcome = await cli('check', runs.before.dir, '--threshold', 'session-count{step:after activity}<=100');
    expect(outcome.stdout).toMatch(/^ {2}PASS +gateway +Session count ≤ 100 /m);
    expect(outcome.stdout).toMatch(/^ {2}FAIL +gateway +Session count ≤ 20 /m);
  }, 60_000);

  it('judges with another suite’s checks, steps matched by name', async () => {
    const suite = join(root, 'other-suite.json5');
    await writeFile(
      suite,
      '{ name: "other", steps: [{ name: "burst of 3 messages 5 s apart", checks: [{ check: "replies-delivered", min: 2 }, { check: "peak-usage", model: "google/gemini-2.5-flash", metric: "rpm", min: 1 }] }] }',
    );
    const outcome = await cli('check', runs.after.dir, '--suite', suite);
    expect(outcome.code).toBe(0);
    expect(verdicts(outcome.stdout)).toEqual([
      expect.stringMatching(/^ {2}PASS +users +At least 2 replies delivered +2 replies for 3 messages \(needed 2\)$/),
      expect.stringMatching(/^ {2}PASS +providers +google\/gemini-2\.5-flash peak RPM ≥ 1 /),
      '2/2 passed',
    ]);
  }, 60_000);

  it('rejects a threshold it cannot read in one paragraph naming the flag, the value and the expected form, exit 2', async () => {
    const values = ['session-count=10', 'session-count==10', 'no-such-check<=1', 'replies-delivered<=3', 'rate-limit-errors{step:nope}<=1', 'session-count>=3'];
    const outcomes = await Promise.all(values.map((value) => cli('check', runs.after.dir, '--threshold', value)));
    for (const [index, value] of values.entries()) {
      const outcome = outcomes[index]!;
      expectOneParagraphUserError(outcome);
      expect(outcome.stderr).toContain(`--threshold '${value}'`);
      expect(outcome.stderr).toContain('Expected METRIC<=N, METRIC<N, METRIC>=N, METRIC>N or METRIC==0 with METRIC one of config-verification,');
    }
  }, 60_000);

  it('fails a run whose p95 time to reply is over a p95_reply threshold: exit 1, the added check named', async () => {
    // The fixed config's suite answers its 4 messages in 15.6–20.6 s of virtual time (reports/examples/stress-suite-after.md).
    const outcome = await cli('check', runs.after.dir, '--threshold', 'p95_reply<10s');
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toMatch(/^ {2}FAIL +users +p95 time to reply < 10\.0 s +p95 20\.\d+ s over 4 answered messages$/m);
    expect(outcome.stdout).toMatch(/^6\/7 passed/m);
  }, 60_000);

  it('passes the same run under a looser p95_reply threshold, exit 0', async () => {
    const outcome = await cli('check', runs.after.dir, '--threshold', 'p95_reply<30s');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^ {2}PASS +users +p95 time to reply < 30\.0 s /m);
    expect(outcome.stdout).toMatch(/^7\/7 passed$/m);
  }, 60_000);

  it('names the missing file of an incomplete run folder, exit 2', async () => {
    const partial = join(root, 'partial');
    await cli('run', 'scenarios/single-message.json5', '--out', partial);
    await rm(join(partial, 'journal.jsonl'));
    const outcome = await cli('check', partial);
    expectOneParagraphUserError(outcome);
    expect(outcome.stderr).toContain(`Run folder ${partial}: journal.jsonl is missing`);
  }, 60_000);
});
