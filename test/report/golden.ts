/**
 * Golden files: a renderer's output compared byte for byte with the file
 * committed under test/report/golden/. `UPDATE_GOLDEN=1 vitest run
 * test/report` rewrites them; review the diff before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');

export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual, 'utf8');
    return;
  }
  if (!existsSync(file)) throw new Error(`${file} is missing: run UPDATE_GOLDEN=1 vitest run test/report, then review and commit it`);
  // toBe on strings shows a diff; the byte comparison below also catches a BOM or CRLF an editor added.
  const expected = readFileSync(file, 'utf8');
  expect(actual).toBe(expected);
  expect(Buffer.compare(Buffer.from(actual, 'utf8'), readFileSync(file))).toBe(0);
}
