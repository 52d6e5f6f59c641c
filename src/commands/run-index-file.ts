/**
 * Writes `index.md` into a folder that holds several runs, with each run's
 * folder linked relative to it (`/`-separated, so links work on GitHub from
 * any OS). The commands that write such folders (`start`, `compare`,
 * `incident`) call it last, once every run in it is complete.
 */
import { join, relative, sep } from 'node:path';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import { renderRunIndex, type IndexedDocument, type IndexedRun } from '../report/run-index.ts';

export type IndexFileInput = {
  readonly title: string;
  readonly about: string;
  /** Each run's folder as an absolute (or cwd-relative) path. */
  readonly runs: readonly IndexedRun[];
  /** Other pages, paths relative to `folder`. */
  readonly documents?: readonly IndexedDocument[];
};

export async function writeRunIndex(folder: string, input: IndexFileInput): Promise<string> {
  const file = join(folder, 'index.md');
  const runs = input.runs.map((run) => ({ ...run, dir: relative(folder, run.dir).split(sep).join('/') }));
  await writeFileAtomic(file, renderRunIndex({ ...input, runs }));
  return file;
}
