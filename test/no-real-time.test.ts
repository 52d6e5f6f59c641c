import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// Determinism rests on one door to time and randomness: src/clock. Anything else that reads the wall
// clock, schedules a real timer or draws unseeded numbers makes runs unrepeatable.
const FORBIDDEN = /\bDate\.now\(|\bMath\.random\(|(?<![.\w])setTimeout\(|(?<![.\w])setInterval\(|(?<![.\w])setImmediate\(|\bperformance\.now\(/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => join(entry.parentPath, entry.name));
}

it('keeps Date.now, Math.random, real timers and performance.now inside src/clock', async () => {
  const offenders: string[] = [];
  for (const file of [...(await sourceFiles('src')), ...(await sourceFiles('mocks'))]) {
    if (file.startsWith(join('src', 'clock'))) continue;
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.forEach((line, index) => {
      if (FORBIDDEN.test(line) && !line.trimStart().startsWith('//') && !line.trimStart().startsWith('*')) offenders.push(`${file}:${index + 1}: ${line.trim()}`);
    });
  }
  expect(offenders).toEqual([]);
});
