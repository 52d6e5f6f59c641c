import { rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeDirectories } from './output-path.ts';

/**
 * Writes a file so that readers see the old content or the new, never half:
 * a sibling temporary file, then rename (atomic within one file system).
 * A process that exits mid-write (a second Ctrl-C) removes its temporaries
 * on the way out, so a folder never holds a half-written file of any name.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await makeDirectories(dirname(file));
  const temporary = join(dirname(file), `.${process.pid}.${tmpCounter++}.tmp`);
  inFlight.add(temporary);
  removeLeftoversOnExit();
  try {
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    inFlight.delete(temporary);
  }
}

let tmpCounter = 0;
const inFlight = new Set<string>();
let exitHookInstalled = false;

function removeLeftoversOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const temporary of inFlight) rmSync(temporary, { force: true });
  });
}
