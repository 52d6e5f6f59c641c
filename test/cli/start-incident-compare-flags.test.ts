/**
 * The flags `run` and `suite` have, where `start`, `incident` and `compare` need them:
 * `--profile` reaches every run `start` and `incident` make, `--json` prints one document
 * on stdout with everything else on stderr, `--quiet` drops the tables, and `compare`
 * takes the scenario overrides and `--prices`.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planIncident } from '../../src/commands/incident.ts';
import { planStart } from '../../src/commands/start.ts';
import { cli, type Outcome } from '../support/cli.ts';

const CHILD_MS = 300_000;

type RunDoc = { config: { profile: string }; scenario: { overrides?: { profile?: string } }; reproduce: string; files: { report: string } };

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'quotastorm-start-flags-'));
});

describe('--profile on start and incident', () => {
  it('reaches the suite and all four incident runs', async () => {
    const { suitePlan, incidentPlan } = await planStart({ out: join(root, 'plan-start'), profile: '2026.9' });
    expect(suitePlan.loaded.scenario.profile).toBe('2026.9');
    expect(Object.values(incidentPlan.runs).map((plan) => plan.loaded.scenario.profile)).toEqual(['2026.9', '2026.9', '2026.9', '2026.9']);
  });

  it("is no override when it names the scenario's own profile, so the default start's reproduce lines stay as they were", async () => {
    const { suitePlan } = await planStart({ out: join(root, 'plan-default'), profile: '2026.2' });
    expect(suitePlan.overrides).toEqual({});
  });

  it('reaches incident on its own', async () => {
    const plan = await planIncident({ out: join(root, 'plan-incident'), profile: '2026.9' });
    expect(plan.runs['after-quotas'].loaded.scenario.profile).toBe('2026.9');
    expect(plan.runs['after-quotas'].overrides).toEqual({ profile: '2026.9' });
  });
});

describe('start --profile 2026.9 --json --quiet', () => {
  let outcome: Outcome;
  let printed: { ok: boolean; suite: RunDoc; incident: { reproduced: boolean; report: string; runs: Record<string, RunDoc> }; configReport: string };
  beforeAll(async () => {
    outcome = await cli('start', '--profile', '2026.9', '--json', '--quiet', '--out', join(root, 'start'));
    try {
      printed = JSON.parse(outcome.stdout);
    } catch (error) {
      throw new Error(`start --json printed no JSON (exit ${outcome.code}): ${outcome.stdout.slice(-300)} / ${outcome.stderr.slice(-300)}`, { cause: error });
    }
  }, CHILD_MS);

  it('prints one JSON document whose ok is the exit status', () => {
    expect(printed.ok).toBe(outcome.code === 0);
    expect(Object.keys(printed.incident.runs)).toEqual(['before-quotas', 'before-finish-reason', 'after-quotas', 'after-finish-reason']);
  });

  it('runs the suite and every incident run on 2026.9, and says so in each reproduce line', () => {
    for (const run of [printed.suite, ...Object.values(printed.incident.runs)]) {
      expect(run.config.profile).toBe('2026.9');
      expect(run.reproduce).toContain('--profile 2026.9');
    }
  });

  it('writes reports that name the profile', async () => {
    expect(await readFile(printed.suite.files.report, 'utf8')).toContain('| Gateway | embedded, behaviour profile `2026.9` |');
    expect((await readFile(printed.incident.report, 'utf8')).replaceAll('\n', ' ')).toContain('behaviour profile 2026.9');
    expect(await readFile(printed.configReport, 'utf8')).toContain('2026.9');
  });

  it('keeps stderr to verdict lines and paths', () => {
    expect(outcome.stderr).not.toMatch(/PASS|FAIL/);
    expect(outcome.stderr).toMatch(/^report: .*report\.md$/m);
    expect(outcome.stderr).toMatch(/^root-cause settings: .*config-report\.md$/m);
  });
}, CHILD_MS);

describe('compare with overrides, --prices and --quiet', () => {
  let outcome: Outcome;
  let dir: string;
  beforeAll(async () => {
    dir = join(root, 'compare');
    const prices = join(root, 'prices.json');
    await writeFile(prices, JSON.stringify({ 'google/gemini-2.5-flash': { input: 0.5, output: 4, source: 'our invoice' } }));
    outcome = await cli('compare', 'heartbeat-storm', '-c', 'feb27-before', '-c', 'feb27-after', '--duration', '20m', '--threshold', 'p95_reply<10m', '--prices', prices, '--quiet', '--out', dir);
  }, CHILD_MS);

  it('prints a verdict line per config and the report path only', () => {
    expect(outcome.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^feb27-before: \d+\/3 passed$/),
      expect.stringMatching(/^feb27-after: \d+\/3 passed$/),
      expect.stringMatching(/^report: .*compare\.md$/),
    ]);
  });

  it('gives every run the same overrides', async () => {
    for (const run of ['1-feb27-before', '2-feb27-after']) {
      const result = JSON.parse(await readFile(join(dir, run, 'result.json'), 'utf8'));
      expect(result.scenario.overrides).toEqual({ duration: '20m', thresholds: ['p95_reply<10m'] });
    }
  });

  it("prices the cost table with the file's rows, naming their source", async () => {
    const report = await readFile(join(dir, 'compare.md'), 'utf8');
    expect(report).toContain('| `google/gemini-2.5-flash` | $0.50 | $4.00 | our invoice |');
  });

  it('refuses a prices file that is not model → {input, output}, exit 2 naming the file', async () => {
    const bad = join(root, 'bad-prices.json');
    await writeFile(bad, JSON.stringify({ 'kimi-k2.5': { input: 'cheap' } }));
    const refused = await cli('compare', 'burst-5s', '-c', 'feb27-before', '-c', 'feb27-after', '--prices', bad, '--out', join(root, 'compare-bad'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Prices file (--prices) ${bad} is invalid`);
    expect(refused.stderr).toContain('provider/model');
  }, CHILD_MS);
}, CHILD_MS);
