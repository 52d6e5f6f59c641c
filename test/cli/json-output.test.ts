/**
 * `--json` on run, suite and compare: stdout is one JSON document — result.json's
 * value plus `files`, where the run was written — and the human summary goes to
 * stderr. Exit codes are those without --json. Scenarios and configs are named
 * by their bundled names, as from an installed package.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, type Outcome } from '../support/cli.ts';

type RunJson = {
  quotastorm: { version: string };
  seed: number;
  reproduce: string;
  verdict: { passed: number; total: number; ok: boolean };
  checks: { check: string; status: string; summary: string; evidence: string[] }[];
  messages: { sent: number };
  files: { dir: string; report: string; result: string; junit?: string };
};

let root: string;
let after: Outcome;
let before: Outcome;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'quotastorm-json-'));
  after = await cli('suite', 'stress-suite', '--json', '--out', join(root, 'after'), '--junit', join(root, 'after.xml'));
  before = await cli('suite', 'stress-suite', '--config', 'feb27-before', '--json', '--out', join(root, 'before'));
}, 180_000);

describe('suite --json', () => {
  it('prints one JSON document holding result.json and the paths written, exit 0 when every check passed', async () => {
    expect(after.code).toBe(0);
    const printed = JSON.parse(after.stdout) as RunJson;
    const { files, ...result } = printed;
    expect(files).toEqual({ dir: join(root, 'after'), report: join(root, 'after', 'report.md'), result: join(root, 'after', 'result.json'), junit: join(root, 'after.xml') });
    expect(result).toEqual(JSON.parse(await readFile(files.result, 'utf8')));
  });

  it('gives the verdict, each check with its status and evidence, the message accounting, seed and reproduce line', () => {
    const printed = JSON.parse(after.stdout) as RunJson;
    expect(printed.verdict).toMatchObject({ passed: 6, total: 6, ok: true });
    expect(printed.checks).toHaveLength(6);
    for (const check of printed.checks) {
      expect(check.status).toBe('pass');
      expect(check.evidence.length).toBeGreaterThan(0);
    }
    expect(printed.messages.sent).toBeGreaterThan(0);
    expect(printed.seed).toBe(20260227);
    expect(printed.reproduce).toContain('--seed 20260227');
  });

  it('writes the human summary to stderr', () => {
    expect(after.stderr).toMatch(/^6\/6 passed$/m);
    expect(after.stdout).not.toContain('6/6 passed');
  });

  it('exits 1 with the document when a check failed', () => {
    expect(before.code).toBe(1);
    const printed = JSON.parse(before.stdout) as RunJson;
    expect(printed.verdict.ok).toBe(false);
    expect(printed.checks.some((check) => check.status === 'fail')).toBe(true);
  });

  it('prints nothing on stdout for bad input, exit 2', async () => {
    const outcome = await cli('run', 'no-such-scenario', '--json', '--out', join(root, 'bad'));
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain('no-such-scenario');
  }, 60_000);
});

describe('compare --json', () => {
  it('prints every run as suite --json does, the report path and whether all passed', async () => {
    const out = join(root, 'compare');
    const outcome = await cli('compare', 'stress-suite', '--config', 'feb27-before', '--config', 'feb27-after', '--json', '--out', out);
    expect(outcome.code).toBe(1);
    const printed = JSON.parse(outcome.stdout) as { ok: boolean; report: string; runs: RunJson[] };
    expect(printed.ok).toBe(false);
    expect(printed.report).toBe(join(out, 'compare.md'));
    expect(printed.runs.map((run) => run.verdict.ok)).toEqual([false, true]);
    expect(printed.runs[1]!.files.dir).toBe(join(out, '2-feb27-after'));
    expect(outcome.stderr).toContain('report: ');
  }, 180_000);
});
