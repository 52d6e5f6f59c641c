/**
 * The gateway's transpile caches, kept per installed version and copied
 * into each run's TMPDIR. OpenClaw loads its plugins through jiti, which
 * caches transpiled files under $TMPDIR/jiti, and enables Node's compile
 * cache ($TMPDIR/node-compile-cache). Every run has a fresh TMPDIR (runs
 * must not share state), and a cold one costs 20+ s of startup on 2 cores
 * (measured on 2026.2.26: 24 s to the first log line cold, 6 s with a warm
 * jiti cache). Both caches are keyed by source content, so reusing them
 * changes nothing but startup time, which is not under test.
 */
import { existsSync } from 'node:fs';
import { cp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { makeDirectories } from '../io/output-path.ts';

const CACHES = ['jiti', 'node-compile-cache'] as const;

function cacheDir(installDir: string): string {
  return join(installDir, '.runtime-cache');
}

/** Copies the saved caches (if any) into a run's TMPDIR before the gateway starts. */
export async function primeRuntimeCache(installDir: string, runTmpDir: string): Promise<boolean> {
  const saved = cacheDir(installDir);
  if (!existsSync(saved)) return false;
  await makeDirectories(runTmpDir);
  for (const name of CACHES) {
    if (existsSync(join(saved, name))) await cp(join(saved, name), join(runTmpDir, name), { recursive: true });
  }
  return true;
}

/** After a run: keeps its caches for the next runs, once (first writer wins). */
export async function saveRuntimeCache(installDir: string, runTmpDir: string): Promise<void> {
  const saved = cacheDir(installDir);
  if (existsSync(saved) || !CACHES.some((name) => existsSync(join(runTmpDir, name)))) return;
  const staging = `${saved}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await makeDirectories(staging);
  for (const name of CACHES) {
    if (existsSync(join(runTmpDir, name))) await cp(join(runTmpDir, name), join(staging, name), { recursive: true });
  }
  await rename(staging, saved).catch(() => rm(staging, { recursive: true, force: true }));
}

/** The run's copies of the caches (~40 MB a run) go once they are saved: the run directory keeps only evidence. */
export async function discardRuntimeCache(runTmpDir: string): Promise<void> {
  for (const name of CACHES) await rm(join(runTmpDir, name), { recursive: true, force: true });
}
