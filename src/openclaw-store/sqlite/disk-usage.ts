/**
 * What a 2026.9.6 session store takes on disk, as `sessions cleanup` measures
 * it for the disk budget (`readSessionPhysicalDiskUsage` in its dist
 * `disk-budget-files-*.mjs`): the SQLite file and its -wal (never the -shm),
 * plus every file in the store's session folder, its `cold/` archive and its
 * prompt blobs, each file once. The session folder is `sessions/` beside
 * `agent/` for the standard layout, else the store's own folder
 * (resolveSessionArtifactDirectory). Only sizes are read.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type SessionDiskUsage = {
  readonly totalBytes: number;
  /** Files the unreferenced-artifact scan looks at: the session folder's files and the prompt blobs. */
  readonly artifactFiles: number;
};

export function measureSessionDiskUsage(storePath: string): SessionDiskUsage {
  const artifactDir = sessionArtifactDirectory(storePath);
  const folderFiles = regularFiles(artifactDir).filter((file) => !isMigrationArchive(basename(file)));
  const coldFiles = regularFiles(join(artifactDir, 'cold')).filter((file) => !isMigrationArchive(basename(file)));
  const blobs = promptBlobFiles(artifactDir);
  const databaseFiles = [storePath, `${storePath}-wal`].filter((file) => statSync(file, { throwIfNoEntry: false })?.isFile() === true);
  const sharedMemory = canonical(`${storePath}-shm`);
  const sizes = new Map<string, number>();
  for (const file of [...folderFiles, ...coldFiles, ...blobs, ...databaseFiles]) {
    const path = canonical(file);
    if (path !== sharedMemory) sizes.set(path, statSync(file).size);
  }
  return { totalBytes: [...sizes.values()].reduce((sum, size) => sum + size, 0), artifactFiles: folderFiles.length + blobs.length };
}

function sessionArtifactDirectory(storePath: string): string {
  const storeDir = dirname(storePath);
  return basename(storeDir) === 'agent' ? join(dirname(storeDir), 'sessions') : storeDir;
}

function regularFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(dir, entry.name));
  } catch {
    return [];
  }
}

// skills-prompts/sha256/<2 hex>/<64 hex>.txt (and their temp files).
function promptBlobFiles(artifactDir: string): string[] {
  const root = join(artifactDir, 'skills-prompts', 'sha256');
  let prefixes: string[];
  try {
    prefixes = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory() && /^[a-f0-9]{2}$/.test(entry.name)).map((entry) => entry.name);
  } catch {
    return [];
  }
  return prefixes.flatMap((prefix) =>
    regularFiles(join(root, prefix)).filter((file) => /^[a-f0-9]{64}\.txt(?:\.(?:\d+\.)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp)?$/.test(basename(file))),
  );
}

// Migration rollback copies beside their source are not session artifacts.
function isMigrationArchive(name: string): boolean {
  return /\.migrated(?:\.\d+)?$/.test(name) || /\.jsonl\.pre-doctor-(?:branch|openai-codex)-repair-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.bak$/.test(name);
}

function canonical(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}
