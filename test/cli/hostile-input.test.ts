import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

async function scratchFile(name: string, content: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'quotastorm-hostile-')), name);
  await writeFile(file, content);
  return file;
}

const SCENARIO = 'scenarios/single-message.json5';

describe('command-line values', () => {
  it.each(['1e30', '9007199254740993', '1.5', '-1', '0x10'])('refuse --seed %s, which is not an exact whole number, with exit 2', async (seed) => {
    const outcome = await cli('run', SCENARIO, '--seed', seed, '--out', '/nonexistent/never-written');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(`--seed needs a whole number from 0 to 9007199254740991, written in digits, got "${seed}"`);
  });

  it('refuse compare with one config, saying why', async () => {
    const outcome = await cli('compare', SCENARIO, '--config', 'scenarios/configs/feb27-after.json5');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('got one --config (scenarios/configs/feb27-after.json5), but a comparison needs at least two');
  });
});

describe('hostile config files', () => {
  it('refuse nesting 20,000 levels deep with exit 2 and one paragraph naming the limit', async () => {
    const file = await scratchFile('deep.json5', `{ agents: ${'['.repeat(20_000)}${']'.repeat(20_000)} }`);
    const outcome = await cli('config', 'validate', '--config', file);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
    expect(outcome.stderr).toContain('MAX_NESTING_DEPTH = 64');
  });

  it.each([['config', 'validate'], ['lint'], ['config', 'report']])('never echo a malformed apiKey in %s', async (...command) => {
    const file = await scratchFile('secret.json5', '{ models: { providers: { p: { baseUrl: "u", apiKey: { value: "sk-CANARY-obj" }, models: [] } } } }');
    const outcome = await cli(...command, '--config', file);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('models.providers.p.apiKey');
    expect(outcome.stdout + outcome.stderr).not.toContain('CANARY');
  });
});
