/**
 * Where a command may write, decided before any work starts: a run that
 * takes minutes must not fail at its last step because `--out` names a file,
 * a read-only place or a kernel file system. The checks create nothing, so a
 * run refused (or interrupted before it starts) leaves no folder behind; the
 * folder is made, or emptied with `--force`, when the run claims it.
 *
 * Folders are created one level at a time with plain `mkdir`, never with
 * `mkdir({ recursive: true })`: Node's recursive mkdir retries forever under
 * /proc (it spins at full CPU on `/proc/x`), so it never meets a user's path.
 */
import { constants } from 'node:fs';
import { access, lstat, mkdir, readdir, realpath, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.ts';

/** Kernel file systems: writes there are never a report, and some of them hang or lie. */
const FORBIDDEN_ROOTS = ['/proc', '/sys', '/dev'] as const;

export type OutputDirOptions = {
  /** The flag that named the folder, for the message (`--out`). */
  readonly flag: string;
  /** `--force`: an existing non-empty folder is emptied when the run claims it. */
  readonly force: boolean;
};

/** Throws a `UserError` unless `dir` can become this run's folder. Creates nothing. */
export async function checkOutputDir(dir: string, options: OutputDirOptions): Promise<void> {
  const path = resolve(dir);
  const existing = await nearestExisting(path, options.flag);
  await refuseForbidden(path, existing, options.flag);
  if (existing === path) {
    if (!(await stat(path)).isDirectory()) throw new UserError(`${options.flag} ${dir} is a file; ${options.flag} needs a folder (new, or empty).`);
    const entries = await readdir(path);
    if (entries.length > 0 && !options.force) {
      throw new UserError(
        `${options.flag} ${dir}: the folder already holds ${entries.length} file(s) (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}); ` +
          `a run writes into an empty or new folder so no stale file sits beside its own. Pick a new folder, or pass --force to empty this one first.`,
      );
    }
    if (entries.length > 0) refuseToEmpty(path, dir, options.flag);
  }
  await requireWritable(existing, dir, options.flag);
}

/** Throws a `UserError` unless `file` can be written (its folder made if missing). Creates nothing. */
export async function checkOutputFile(file: string, flag: string): Promise<void> {
  const path = resolve(file);
  const existing = await nearestExisting(path, flag);
  await refuseForbidden(path, existing, flag);
  if (existing === path) {
    if ((await stat(path)).isDirectory()) throw new UserError(`${flag} ${file} is a folder; ${flag} needs a file name, e.g. ${join(file, 'checks.xml')}.`);
    await requireWritable(path, file, flag);
    return;
  }
  await requireWritable(existing, file, flag);
}

/** Makes the checked folder this run's own: created if missing, emptied first when `force`. */
export async function claimOutputDir(dir: string, options: { force: boolean }): Promise<void> {
  const path = resolve(dir);
  await makeDirectories(path);
  if (!options.force) return;
  for (const entry of await readdir(path)) await rm(join(path, entry), { recursive: true, force: true });
}

/** `mkdir -p`, one level at a time (see the file comment); a part that is a file is a `UserError`. */
export async function makeDirectories(dir: string): Promise<void> {
  const missing: string[] = [];
  let current = resolve(dir);
  for (;;) {
    const found = await kindOf(current);
    if (found === 'directory') break;
    if (found === 'other') throw new UserError(`Cannot make the folder ${dir}: ${current} exists and is not a folder.`);
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing) {
    try {
      await mkdir(level);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && (await kindOf(level)) === 'directory') continue;
      throw new UserError(`Cannot make the folder ${level} (${code ?? String(error)}).`, { cause: error });
    }
  }
}

/** The path itself if it exists, else its nearest existing ancestor, which must be a folder. */
async function nearestExisting(path: string, flag: string): Promise<string> {
  let current = path;
  for (;;) {
    const found = await kindOf(current);
    if (found === 'directory') return current;
    if (found === 'other') {
      if (current === path) return current;
      throw new UserError(`${flag} ${path}: ${current} is not a folder, so nothing can be written under it.`);
    }
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
}

async function refuseForbidden(path: string, existing: string, flag: string): Promise<void> {
  // The real path of what exists catches a symlink into /proc (such as /dev/fd); the rest of the path is below it.
  const real = join(await realpath(existing), relative(existing, path));
  const root = FORBIDDEN_ROOTS.find((forbidden) => [path, real].some((candidate) => candidate === forbidden || candidate.startsWith(`${forbidden}${sep}`)));
  if (root !== undefined) {
    throw new UserError(`${flag} ${path} is inside ${root}, a kernel file system: quotastorm writes its reports only to ordinary folders.`);
  }
}

function refuseToEmpty(path: string, shown: string, flag: string): void {
  const cwd = process.cwd();
  if (path === dirname(path) || path === homedir() || cwd === path || cwd.startsWith(`${path}${sep}`)) {
    throw new UserError(`${flag} ${shown} --force would empty ${path}, which is the root, your home or holds the current folder: name a folder of its own.`);
  }
}

async function requireWritable(existing: string, shown: string, flag: string): Promise<void> {
  try {
    await access(existing, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${flag} ${shown}: ${existing} is not writable (${code ?? String(error)}).`, { cause: error });
  }
}

async function kindOf(path: string): Promise<'directory' | 'other' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return (await lstat(path).then(() => true, () => false)) ? 'other' : 'missing';
    if (code === 'ENOTDIR') return 'missing';
    return 'other';
  }
}
