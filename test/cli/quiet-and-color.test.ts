/**
 * `--quiet` prints only the verdict, the report's path and the reproduce line on failure;
 * colour follows `--no-color`, NO_COLOR and FORCE_COLOR before asking whether stdout is a terminal
 * (here it is a pipe).
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ANSI = /\u001b\[/;

function suite(config: string, flags: readonly string[], env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    mkdtemp(join(tmpdir(), 'quotastorm-quiet-')).then((dir) => {
      const base = { ...process.env };
      delete base['NO_COLOR'];
      delete base['FORCE_COLOR'];
      execFile(process.execPath, ['src/cli.ts', 'suite', 'stress-suite', '--config', config, '--out', join(dir, 'run'), ...flags], { env: { ...base, ...env } }, (error, stdout) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout });
      });
    }, reject);
  });
}

// Each case runs the suite in a child process: seconds on a quiet machine, more on a busy one.
describe('--quiet', { timeout: 60_000 }, () => {
  it('prints the verdict and the report path of a passing run, nothing else', async () => {
    const { code, stdout } = await suite('feb27-after', ['--quiet'], {});
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toEqual(['6/6 passed', expect.stringMatching(/^report: .*report\.md$/)]);
  });

  it('adds the reproduce line when checks fail', async () => {
    const { code, stdout } = await suite('feb27-before', ['-q'], {});
    expect(code).toBe(1);
    expect(stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^2\/6 passed — failed: /), expect.stringMatching(/^report: /), expect.stringMatching(/^reproduce: node /)]);
  });
});

describe('colour', { timeout: 60_000 }, () => {
  it('is off in a pipe by default', async () => {
    expect((await suite('feb27-after', ['-q'], {})).stdout).not.toMatch(ANSI);
  });

  it('is on in a pipe with FORCE_COLOR=1', async () => {
    expect((await suite('feb27-after', ['-q'], { FORCE_COLOR: '1' })).stdout).toMatch(ANSI);
  });

  it('stays off with FORCE_COLOR=0', async () => {
    expect((await suite('feb27-after', ['-q'], { FORCE_COLOR: '0' })).stdout).not.toMatch(ANSI);
  });

  it('is off with --no-color or NO_COLOR, whatever FORCE_COLOR says', async () => {
    expect((await suite('feb27-after', ['-q', '--no-color'], { FORCE_COLOR: '1' })).stdout).not.toMatch(ANSI);
    expect((await suite('feb27-after', ['-q'], { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toMatch(ANSI);
  }, 30_000); // two runs of the suite, each a few seconds on a loaded machine
});
