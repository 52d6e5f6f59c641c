import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IncludeError, resolveIncludes } from '../../src/config/includes.ts';
import { loadConfig } from '../../src/config/load.ts';
import { UserError } from '../../src/errors.ts';

/** An in-memory file tree under /cfg, the main config at /cfg/openclaw.json. */
const filesReader = (files: Record<string, string>) => (path: string) => {
  const text = files[path];
  if (text === undefined) throw new Error('ENOENT');
  return text;
};
const MAIN = '/cfg/openclaw.json';

describe('$include, followed as OpenClaw follows it', () => {
  it('replaces an object holding only $include by the included file', () => {
    const read = filesReader({ '/cfg/agents.json5': '{ defaults: { maxConcurrent: 2 } }' });
    expect(resolveIncludes({ agents: { $include: './agents.json5' } }, MAIN, read)).toEqual({ agents: { defaults: { maxConcurrent: 2 } } });
  });

  it('merges a list of includes in order, then the sibling keys over them: arrays concatenate, objects merge, scalars are replaced', () => {
    const read = filesReader({
      '/cfg/a.json5': '{ list: [1], nested: { x: 1, y: 1 }, scalar: "a" }',
      '/cfg/b.json5': '{ list: [2], nested: { y: 2 }, scalar: "b" }',
    });
    expect(resolveIncludes({ $include: ['a.json5', 'b.json5'], list: [3], nested: { z: 3 } }, MAIN, read)).toEqual({
      list: [1, 2, 3],
      nested: { x: 1, y: 2, z: 3 },
      scalar: 'b',
    });
  });

  it('follows nested includes relative to the including file', () => {
    const read = filesReader({ '/cfg/sub/a.json5': '{ $include: "./b.json5" }', '/cfg/sub/b.json5': '{ deep: true }' });
    expect(resolveIncludes({ $include: './sub/a.json5' }, MAIN, read)).toEqual({ deep: true });
  });

  it.each([
    ['a cycle', { '/cfg/a.json5': '{ $include: "./a.json5" }' }, { $include: './a.json5' }, 'Circular include detected'],
    ['a path outside the config directory', {}, { $include: '../etc/x.json5' }, 'Include path escapes config directory'],
    ['a missing file', {}, { $include: './nope.json5' }, 'Failed to read include file: ./nope.json5'],
    ['a non-string entry', {}, { $include: [1] }, 'Invalid $include array item'],
  ])('refuses %s', (_what, files, raw, message) => {
    expect(() => resolveIncludes(raw, MAIN, filesReader(files))).toThrow(IncludeError);
    expect(() => resolveIncludes(raw, MAIN, filesReader(files))).toThrow(message);
  });
});

describe('loading a config with $include', () => {
  it('validates the merged config and no longer warns about the key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quotastorm-include-'));
    await mkdir(join(dir, 'parts'));
    await writeFile(join(dir, 'parts', 'model.json5'), '{ primary: "google/gemini-2.5-pro" }');
    await writeFile(join(dir, 'openclaw.json'), '{ agents: { defaults: { model: { $include: "./parts/model.json5" } } } }');
    const loaded = await loadConfig(join(dir, 'openclaw.json'), { env: {} });
    expect(loaded.config.agents?.defaults?.model).toEqual({ primary: 'google/gemini-2.5-pro' });
    expect(loaded.warnings).toEqual([]);
  });

  it('refuses an include it cannot follow as bad input naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quotastorm-include-'));
    await writeFile(join(dir, 'openclaw.json'), '{ $include: "./missing.json5" }');
    const error = await loadConfig(join(dir, 'openclaw.json'), { env: {} }).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain('"$include": "./missing.json5"');
  });
});
