/**
 * Writes test/fixtures/real-configs/openclaw-verdicts.json: for every config of the real-config
 * corpus, what each pinned OpenClaw says when it reads the file at start — valid, or refused with
 * its issue list (path and message). The gateway's own read is the oracle: 2026.2.26
 * `createConfigIO().readConfigFileSnapshot()` (dist/auth-profiles-6WJHPoy1.js: JSON5, `$include`,
 * `${VAR}`, `validateConfigObjectWithPlugins`), 2026.9.6 `readConfigFileSnapshot()`
 * (dist/io.runtime-hPN4FOBi.mjs, the read behind `assertValidGatewayStartupConfigSnapshot`).
 *
 *   QUOTASTORM_CACHE_DIR=… node test/config/record-openclaw-verdicts.ts
 *
 * Each read runs in its own process with a fresh home and state directory and none of the
 * config's `${VAR}`s set, as the corpus runs (test/corpus/corpus.ts `withoutVariablesOf`).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const VERSIONS = ['2026.2.26', '2026.9.6'] as const;
const CORPUS_DIR = 'test/fixtures/real-configs';
const OUT = join(CORPUS_DIR, 'openclaw-verdicts.json');
const cacheDir = resolve(process.env['QUOTASTORM_CACHE_DIR'] ?? '.cache');

type Verdict = { readonly valid: boolean; readonly issues: readonly { path: string; message: string }[] };

if (process.argv[2] === '--one') {
  process.stdout.write(JSON.stringify(await readOne(process.argv[3]!)));
  process.exit(0); // the bundle's modules keep handles open
}

const configs = readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.json5')).sort();
const verdicts: Record<string, Record<string, Verdict>> = {};
for (const version of VERSIONS) {
  verdicts[version] = {};
  for (const name of configs) {
    verdicts[version][name] = readInIsolation(version, join(CORPUS_DIR, name));
    process.stdout.write(`${version} ${name}: ${verdicts[version][name].valid ? 'valid' : 'refused'}\n`);
  }
}
const sources = {
  '2026.2.26': 'dist/auth-profiles-6WJHPoy1.js createConfigIO().readConfigFileSnapshot()',
  '2026.9.6': 'dist/io.runtime-hPN4FOBi.mjs readConfigFileSnapshot()',
};
writeFileSync(OUT, `${JSON.stringify({ sources, verdicts }, null, 1)}\n`);

function readInIsolation(version: string, file: string): Verdict {
  const home = mkdtempSync(join(tmpdir(), 'quotastorm-verdict-'));
  try {
    const configPath = join(home, 'openclaw.json');
    copyFileSync(file, configPath);
    const env = { PATH: process.env['PATH'] ?? '', HOME: home, OPENCLAW_STATE_DIR: join(home, '.openclaw'), OPENCLAW_CONFIG_PATH: configPath, OPENCLAW_VERSION_UNDER_TEST: version, QUOTASTORM_CACHE_DIR: cacheDir, NO_COLOR: '1' };
    const out = execFileSync(process.execPath, [import.meta.filename, '--one', version], { cwd: home, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return JSON.parse(out) as Verdict;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

async function readOne(version: string): Promise<Verdict> {
  const dist = join(cacheDir, 'openclaw', version, 'node_modules', 'openclaw', 'dist');
  const snapshot =
    version === '2026.2.26'
      ? await ((await import(pathToFileURL(join(dist, 'auth-profiles-6WJHPoy1.js')).href)) as { A: () => { readConfigFileSnapshot(): Promise<Snapshot> } }).A().readConfigFileSnapshot()
      : await ((await import(pathToFileURL(join(dist, 'io.runtime-hPN4FOBi.mjs')).href)) as { c: () => Promise<Snapshot> }).c();
  // The scratch home shows up in paths OpenClaw resolves (plugins.load.paths): named, so the file is the same on every run.
  const home = process.env['HOME'] ?? '';
  return { valid: snapshot.valid, issues: snapshot.issues.map(({ path, message }) => ({ path, message: message.replaceAll(home, '<home>') })) };
}

type Snapshot = { valid: boolean; issues: { path: string; message: string }[] };
