/**
 * The installable package (`npm run build`, `npm run pack`): what it ships and
 * that its JavaScript runs. Built into its own folder under build/ so the
 * emitted code resolves its dependencies from the repository's node_modules
 * and runs without an install; .ci/run installs the packed tarball into an
 * empty folder, which needs the registry and so stays out of `npm test`.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage } from './build.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIR = join(ROOT, 'build', `test-package-${process.pid}`);
const TIMEOUT_MS = 180_000;

type PackedFile = { path: string };

let packed: string[] = [];

describe('the package npm run pack makes', () => {
  beforeAll(async () => {
    buildPackage(DIR);
    // npm runs on whatever Node is on PATH; --dry-run --json only lists what `npm pack` would put in the tarball.
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: DIR });
    packed = (JSON.parse(stdout) as [{ files: PackedFile[] }])[0].files.map((file) => file.path);
  }, TIMEOUT_MS);
  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  it('ships JavaScript and no TypeScript or tests', () => {
    expect(packed).toContain('src/cli.js');
    expect(packed).toContain('mocks/server.js');
    expect(packed.filter((file) => file.endsWith('.ts'))).toEqual([]);
    expect(packed.filter((file) => file.startsWith('test/'))).toEqual([]);
  });

  it('ships the data files the code reads by path', () => {
    expect(packed).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'src/config/catalog/openclaw-2026.2.26.json',
        'src/config/catalog/openclaw-2026.9.6.json',
        'src/sut/pins/openclaw-2026.2.26/package-lock.json',
        'src/sut/pins/openclaw-2026.9.6/package.json',
        'src/sut/stubs/libsignal/index.js',
        'src/sut/preload/seeded-math-random.js',
        'scenarios/stress-suite.json5',
        'scenarios/configs/feb27-after.json5',
        'scenarios/trace-cases/all-ok.json5',
      ]),
    );
  });

  it('declares the command, ESM, Node >= 24 and only the dependencies the shipped code imports', () => {
    const manifest = JSON.parse(readFileSync(join(DIR, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'quotastorm', type: 'module', bin: { quotastorm: 'src/cli.js' }, engines: { node: '>=24' } });
    const dependencies = Object.keys(manifest['dependencies'] as object);
    expect(dependencies).toEqual(expect.arrayContaining(['commander', 'msw', 'zod', 'openai']));
    expect(dependencies).not.toContain('nock');
  });

  it('has a command that starts with a shebang and runs a bundled suite by name', async () => {
    expect(readFileSync(join(DIR, 'src/cli.js'), 'utf8').split('\n', 1)[0]).toBe('#!/usr/bin/env node');
    const out = join(DIR, 'runs', 'suite');
    const { stdout } = await run(process.execPath, [join(DIR, 'src/cli.js'), 'suite', 'stress-suite', '--json', '--out', out], { cwd: DIR });
    const result = JSON.parse(stdout) as { verdict: { ok: boolean }; files: { result: string } };
    expect(result.verdict.ok).toBe(true);
    expect(result.files.result).toBe(join(out, 'result.json'));
  }, TIMEOUT_MS);
});
