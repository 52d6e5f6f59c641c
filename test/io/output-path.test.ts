import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputDir, checkOutputFile, claimOutputDir, makeDirectories } from '../../src/io/output-path.ts';

const OUT = { flag: '--out', force: false };

async function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'quotastorm-output-path-'));
}

describe('checkOutputDir', () => {
  it('accepts a new folder under a writable one and creates nothing', async () => {
    const root = await scratch();
    await checkOutputDir(join(root, 'a', 'b'), OUT);
    expect(await readdir(root)).toEqual([]);
  });

  it('accepts an existing empty folder', async () => {
    await expect(checkOutputDir(await scratch(), OUT)).resolves.toBeUndefined();
  });

  it('refuses a file, naming it', async () => {
    const file = join(await scratch(), 'passwd');
    await writeFile(file, 'x');
    await expect(checkOutputDir(file, OUT)).rejects.toThrow(`--out ${file} is a file`);
  });

  it('refuses a folder below a file', async () => {
    const file = join(await scratch(), 'passwd');
    await writeFile(file, 'x');
    await expect(checkOutputDir(join(file, 'x'), OUT)).rejects.toThrow(`${file} is not a folder`);
  });

  it.each(['/proc/x', '/proc/self/x', '/sys/x', '/dev/fd/x'])('refuses %s, a kernel file system, at once', async (dir) => {
    await expect(checkOutputDir(dir, OUT)).rejects.toThrow(/is inside \/(proc|sys|dev), a kernel file system/);
  });

  it('refuses a non-empty folder without --force, naming what it holds', async () => {
    const dir = await scratch();
    await writeFile(join(dir, 'report.md'), 'old');
    await expect(checkOutputDir(dir, OUT)).rejects.toThrow(/already holds 1 file\(s\) \(report\.md\).*--force/);
  });

  it('accepts a non-empty folder with --force', async () => {
    const dir = await scratch();
    await writeFile(join(dir, 'report.md'), 'old');
    await expect(checkOutputDir(dir, { flag: '--out', force: true })).resolves.toBeUndefined();
  });

  it('refuses --force on a folder that holds the current one', async () => {
    await expect(checkOutputDir(process.cwd(), { flag: '--out', force: true })).rejects.toThrow(/holds the current folder/);
  });
});

describe('checkOutputFile', () => {
  it('refuses a folder and a place under /proc', async () => {
    const dir = await scratch();
    await expect(checkOutputFile(dir, '--junit')).rejects.toThrow(`--junit ${dir} is a folder`);
    await expect(checkOutputFile('/proc/x.xml', '--junit')).rejects.toThrow('--junit /proc/x.xml is inside /proc');
  });

  it('accepts a new file in a folder yet to be made', async () => {
    await expect(checkOutputFile(join(await scratch(), 'junit', 'checks.xml'), '--junit')).resolves.toBeUndefined();
  });
});

describe('claimOutputDir', () => {
  it('with force, leaves no earlier file beside the new run', async () => {
    const dir = await scratch();
    await writeFile(join(dir, 'stale.txt'), 'old');
    await mkdir(join(dir, 'old-run'));
    await claimOutputDir(dir, { force: true });
    expect(await readdir(dir)).toEqual([]);
  });

  it('without force, makes the folder and its parents', async () => {
    const dir = join(await scratch(), 'a', 'b');
    await claimOutputDir(dir, { force: false });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('makeDirectories', () => {
  // Node's recursive mkdir never returns for /proc/x; one level at a time fails at once.
  it('fails at once under /proc instead of spinning', async () => {
    await expect(makeDirectories('/proc/quotastorm-x/y')).rejects.toThrow('Cannot make the folder /proc/quotastorm-x');
  });
});
