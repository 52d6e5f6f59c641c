/**
 * Runs given hostile outputs and inputs: each is refused before any work
 * starts, with one paragraph and exit 2, and leaves no folder behind. The
 * CLI's side (one line, exit code) is shown in child processes; the rest
 * calls the commands in-process, which is where the checks live and is
 * seconds faster per case.
 */
import { execFile } from 'node:child_process';
import { access, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCompare } from '../../src/commands/compare.ts';
import { runIncident } from '../../src/commands/incident.ts';
import { runRunCommand } from '../../src/commands/run.ts';
import { runStart } from '../../src/commands/start.ts';
import { cli, type Outcome } from '../support/cli.ts';

const SCENARIO = 'scenarios/single-message.json5';
const AFTER = 'scenarios/configs/feb27-after.json5';
const CHILD_MS = 60_000;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'quotastorm-hostile-runs-'));
});

function expectRefused(outcome: Outcome, ...phrases: string[]): void {
  expect(outcome.code).toBe(2);
  expect(outcome.stdout).toBe('');
  expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
  expect(outcome.stderr).not.toMatch(/\n\s+at /);
  for (const phrase of phrases) expect(outcome.stderr).toContain(phrase);
}

/** A command refused with a `UserError` (exit 2) whose message holds every phrase. */
async function expectUserError(work: Promise<unknown>, ...phrases: string[]): Promise<void> {
  const error = await work.then(
    () => undefined,
    (thrown: unknown) => thrown as Error & { exitCode?: number },
  );
  expect(error?.name).toBe('UserError');
  expect(error?.exitCode).toBe(2);
  for (const phrase of phrases) expect(error?.message).toContain(phrase);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

describe.concurrent('on the command line', () => {
  it('a file as --out: one line, exit 2', async () => {
    const file = join(root, 'passwd');
    await writeFile(file, 'root:x:0:0\n');
    expectRefused(await cli('run', SCENARIO, '--out', file), `--out ${file} is a file`);
  }, CHILD_MS);

  it('compare with a single --config: one line saying it needs two, exit 2', async () => {
    expectRefused(await cli('compare', SCENARIO, '-c', AFTER), 'needs at least two', `one --config (${AFTER})`);
  }, CHILD_MS);

  it('--force empties an existing folder first, so no stale file sits beside the new run', async () => {
    const out = join(root, 'forced');
    await mkdir(join(out, 'old-subfolder'), { recursive: true });
    await writeFile(join(out, 'stale.txt'), 'from an earlier run');
    const outcome = await cli('run', SCENARIO, '--out', out, '--force');
    expect(outcome.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(
      ['gateway.err.log', 'gateway.log', 'journal.jsonl', 'record.json', 'report.md', 'result.json', 'sessions.json', 'telegram-journal.jsonl'],
    );
  }, CHILD_MS);

  it('a run past its heap bound stops, writes its folder with the result incomplete, and exits 2 saying why', async () => {
    const out = join(root, 'heap-bound');
    const outcome = await new Promise<Outcome>((resolve) =>
      execFile(process.execPath, ['src/cli.ts', 'run', SCENARIO, '--out', out], { env: { ...process.env, NO_COLOR: '1', QUOTASTORM_MAX_HEAP_MB: '1' } }, (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr }),
      ),
    );
    expectRefused(outcome, 'past the 1 MB bound (QUOTASTORM_MAX_HEAP_MB', 'result marked incomplete');
    const result = JSON.parse(await readFile(join(out, 'result.json'), 'utf8')) as { incomplete: boolean };
    expect(result.incomplete).toBe(true);
  }, CHILD_MS);
});

describe('output paths, checked before the run', () => {
  it.each([
    ['run', () => runRunCommand(SCENARIO, { out: '/proc/x' })],
    ['suite', () => runRunCommand('scenarios/stress-suite.json5', { out: '/proc/x' })],
    ['incident', () => runIncident({ out: '/proc/x' })],
    ['start', () => runStart({ out: '/proc/x', profile: '2026.2' })],
  ] as const)('%s refuses --out /proc/x at once instead of spinning', async (_command, command) => {
    await expectUserError(command(), '--out /proc/x is inside /proc');
  });

  it('compare refuses --out under /sys', async () => {
    await expectUserError(runCompare(SCENARIO, { config: [AFTER, AFTER], out: '/sys/x' }), '--out /sys/x is inside /sys');
  });

  it('refuses --junit /proc/x.xml before the run, writing no run folder', async () => {
    const out = join(root, 'junit-proc');
    await expectUserError(runRunCommand(SCENARIO, { out, junit: '/proc/x.xml' }), '--junit /proc/x.xml is inside /proc');
    expect(await exists(out)).toBe(false);
  });

  it('refuses an existing folder that holds files, and leaves it as it was', async () => {
    const out = join(root, 'earlier-run');
    await mkdir(out);
    await writeFile(join(out, 'report.md'), 'an earlier run');
    await expectUserError(runRunCommand(SCENARIO, { out }), 'already holds 1 file(s) (report.md)', '--force');
    expect(await readdir(out)).toEqual(['report.md']);
  });
});

describe('inputs, checked before the first run', () => {
  it('compare finds a missing second config before the first runs, leaving no folder', async () => {
    const out = join(root, 'compare-missing');
    await expectUserError(runCompare(SCENARIO, { config: [AFTER, join(root, 'nope.json5')], out }), 'nope.json5 was not found');
    expect(await exists(out)).toBe(false);
  });

  it('a runaway workload is refused before any folder is made, naming the limit', async () => {
    const scenario = join(root, 'runaway.json5');
    await writeFile(
      scenario,
      `{ name: "runaway", config: "${join(process.cwd(), AFTER)}", steps: [{ name: "flood", send: [{ kind: "poisson", perHour: 10000, tokens: 30 }], run: "12h", checks: [{ check: "error-replies", max: 0 }] }] }`,
    );
    const out = join(root, 'runaway-out');
    await expectUserError(runRunCommand(scenario, { out }), 'more than the 100,000 one run may send');
    expect(await exists(out)).toBe(false);
  });
});
