import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeDirectories } from './output-path.ts';

/**
 * Writes a file so that readers see the old content or the new, never half:
 * a sibling temporary file, then rename (atomic within one file system).
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await makeDirectories(dirname(file));
  const temporary = join(dirname(file), `.${process.pid}.${tmpCounter++}.tmp`);
  try {
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

let tmpCounter = 0;
