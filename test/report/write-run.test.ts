import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderJUnit } from '../../src/report/junit.ts';
import { renderRunReport } from '../../src/report/markdown.ts';
import { writeRunOutputs } from '../../src/report/write-run.ts';
import { passingRun } from './fixtures.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('writeRunOutputs', () => {
  it('writes report.md, result.json and the JUnit file into the run folder, and no temporary files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quotastorm-report-'));
    dirs.push(dir);
    const result = passingRun();
    const written = await writeRunOutputs(result, { dir: join(dir, 'run'), junitFile: join(dir, 'junit.xml') });
    expect(written.jsonFile).toBe(join(dir, 'run', 'result.json'));
    expect(await readFile(written.markdownFile, 'utf8')).toBe(renderRunReport(result));
    expect(JSON.parse(await readFile(written.jsonFile, 'utf8'))).toEqual(JSON.parse(JSON.stringify(result)));
    expect(await readFile(join(dir, 'junit.xml'), 'utf8')).toBe(renderJUnit(result));
    expect((await readdir(join(dir, 'run'))).sort()).toEqual(['report.md', 'result.json']);
  });
});
