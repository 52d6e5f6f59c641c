/**
 * SIGINT and SIGTERM at any moment of a run: before it starts nothing is
 * written; during it the run's files are written whole, its result marked
 * incomplete, and the exit code says which signal (130, 143); a second
 * signal ends the process at once, still leaving no half-written file.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { access, mkdtemp, open, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';

type Exit = { code: number | null; signal: NodeJS.Signals | null; stderr: string };

function start(...args: string[]): { child: ChildProcess; exited: Promise<Exit> } {
  const child = spawn(process.execPath, ['src/cli.ts', ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { child, exited };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

/** Resolves once `path` exists: the run has claimed its folder, so it is under way. */
async function untilExists(path: string): Promise<void> {
  for (let waitedMs = 0; !(await exists(path)); waitedMs += 20) {
    if (waitedMs > 60_000) throw new Error(`${path} never appeared`);
    await sleep(20);
  }
}

/** Every file under `dir`, each checked: JSON parses, every JSONL line parses, no temporary is left. */
async function expectEveryFileValid(dir: string): Promise<string[]> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  for (const file of names) {
    expect(file, 'a temporary file was left behind').not.toMatch(/\.tmp$/);
    const text = await readFile(file, 'utf8');
    if (file.endsWith('.json')) expect(() => JSON.parse(text), file).not.toThrow();
    if (file.endsWith('.jsonl')) for (const line of text.split('\n').filter(Boolean)) expect(() => JSON.parse(line), file).not.toThrow();
  }
  return names;
}

async function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'quotastorm-signals-'));
}

describe.concurrent('signals during an incident run', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s once the first run is under way: exit %i, its files valid and its result incomplete, no later run started', async (signal, code) => {
    const out = join(await scratch(), 'incident');
    const { child, exited } = start('incident', '--out', out);
    await untilExists(join(out, 'before-quotas'));
    child.kill(signal);
    const exit = await exited;
    expect(exit).toMatchObject({ code, signal: null });
    expect(exit.stderr).toContain(`interrupted by ${signal}`);
    expect(exit.stderr).not.toMatch(/\n\s+at /);
    const files = await expectEveryFileValid(out);
    expect(files.map((file) => file.slice(out.length + 1)).sort()).toContain('before-quotas/result.json');
    const result = JSON.parse(await readFile(join(out, 'before-quotas', 'result.json'), 'utf8')) as { incomplete: boolean };
    expect(result.incomplete).toBe(true);
    expect(await readdir(out)).toEqual(['before-quotas']);
  }, 90_000);

  it('a second SIGINT exits at once, leaving no half-written file', async () => {
    const out = join(await scratch(), 'incident');
    const { child, exited } = start('incident', '--out', out);
    await untilExists(join(out, 'before-quotas'));
    child.kill('SIGINT');
    await sleep(50);
    child.kill('SIGINT');
    const exit = await exited;
    expect(exit.code).toBe(130);
    await expectEveryFileValid(out);
  }, 90_000);
});

describe('a signal before the run has started', () => {
  // The scenario is a FIFO: the CLI blocks reading it, so the signal lands while inputs are still being read.
  it('SIGTERM while the scenario is loading: exit 143, one line, no run folder', async () => {
    const dir = await scratch();
    const fifo = join(dir, 'scenario.json5');
    execFileSync('mkfifo', [fifo]);
    const out = join(dir, 'out');
    const { child, exited } = start('run', fifo, '--out', out);
    const writer = await open(fifo, 'w'); // returns once the CLI has opened the scenario: its handlers are installed
    child.kill('SIGTERM');
    // Exiting waits for the read blocked on the FIFO; end it once the signal has had time to land first.
    await sleep(500);
    await writer.close();
    const exit = await exited;
    expect(exit.code).toBe(143);
    expect(exit.stderr.trim()).toBe('quotastorm: interrupted by SIGTERM before any run started; nothing was written.');
    expect(await exists(out)).toBe(false);
  }, 60_000);
});
