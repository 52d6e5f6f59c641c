/**
 * The reproduce line a run prints works from any folder: paths below the folder quotastorm ran in
 * stay relative, any other path (the CLI itself included) is absolute.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/scenario/result.ts';

const run = promisify(execFile);
const CLI = resolve('src/cli.ts');

async function runIn(cwd: string, args: readonly string[]): Promise<RunResult> {
  const out = join(await mkdtemp(join(tmpdir(), 'quotastorm-reproduce-')), 'run');
  await run(process.execPath, [CLI, ...args, '--out', out], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  return JSON.parse(await readFile(join(out, 'result.json'), 'utf8')) as RunResult;
}

describe('the reproduce line', () => {
  it('printed in a folder outside the project names every file absolutely, and runs from yet another folder', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'quotastorm-elsewhere-'));
    const first = await runIn(elsewhere, ['run', resolve('scenarios/single-message.json5'), '--config', resolve('scenarios/configs/feb27-after.json5')]);
    expect(first.reproduce).toBe(`node ${CLI} run ${resolve('scenarios/single-message.json5')} --config ${resolve('scenarios/configs/feb27-after.json5')} --seed ${first.seed}`);

    const another = await mkdtemp(join(tmpdir(), 'quotastorm-another-'));
    const [node, cli, ...args] = first.reproduce.split(' ');
    expect([node, cli]).toEqual(['node', CLI]);
    const again = await runIn(another, args);
    expect(again.verdict).toEqual(first.verdict);
    expect(again.reproduce).toBe(first.reproduce);
  }, 60_000);
});
