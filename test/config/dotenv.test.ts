/**
 * `.env` files loaded as OpenClaw loads them at start: the working
 * directory's, then the state directory's (a config file named
 * openclaw.json stands in its state directory), neither overriding the
 * environment, the first file winning; values never in the notes.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDotEnv } from '../../src/config/dotenv.ts';
import { ENV_RULES_2026_2, ENV_RULES_2026_9 } from '../../src/config/env-substitution.ts';
import { loadConfig } from '../../src/config/load.ts';

const CONFIG = '{ models: { providers: { ollama: { baseUrl: "${OLLAMA_HOST_URL}", api: "ollama", models: [] } } } }';

async function stateDir(dotenv: string, configName = 'openclaw.json'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'quotastorm-dotenv-'));
  await writeFile(join(dir, configName), CONFIG);
  await writeFile(join(dir, '.env'), dotenv);
  return join(dir, configName);
}
const emptyDir = () => mkdtemp(join(tmpdir(), 'quotastorm-cwd-'));
const baseUrlOf = (loaded: Awaited<ReturnType<typeof loadConfig>>) => loaded.config.models?.providers?.['ollama']?.baseUrl;

describe('the state directory .env', () => {
  it("fills a ${VAR} the environment leaves unset, and the note names the file and the variable but not the value", async () => {
    const file = await stateDir('# local server\nOLLAMA_HOST_URL=http://10.0.0.7:11434\n');
    const loaded = await loadConfig(file, { env: {}, cwd: await emptyDir() });
    expect(baseUrlOf(loaded)).toBe('http://10.0.0.7:11434');
    expect(loaded.notes).toEqual([`loaded OLLAMA_HOST_URL from ${join(file, '..', '.env')}, as OpenClaw loads .env files at start`]);
    expect(loaded.dotEnvSecrets).toEqual(['http://10.0.0.7:11434']);
  });

  it('does not override a variable the environment sets', async () => {
    const file = await stateDir('OLLAMA_HOST_URL=http://10.0.0.7:11434\n');
    const loaded = await loadConfig(file, { env: { OLLAMA_HOST_URL: 'http://127.0.0.1:11434' }, cwd: await emptyDir() });
    expect(baseUrlOf(loaded)).toBe('http://127.0.0.1:11434');
    expect(loaded.notes).toEqual([]);
  });

  it('is not read next to a config file of another name', async () => {
    const file = await stateDir('OLLAMA_HOST_URL=http://10.0.0.7:11434\n', 'my-config.json5');
    await expect(loadConfig(file, { env: {}, cwd: await emptyDir() })).rejects.toThrow(/OLLAMA_HOST_URL/);
  });
});

describe('the working directory .env', () => {
  it('wins over the state directory file', async () => {
    const file = await stateDir('OLLAMA_HOST_URL=http://10.0.0.7:11434\n');
    const cwd = await emptyDir();
    await writeFile(join(cwd, '.env'), 'OLLAMA_HOST_URL="http://10.0.0.8:11434"\n');
    expect(baseUrlOf(await loadConfig(file, { env: {}, cwd }))).toBe('http://10.0.0.8:11434');
  });

  it('loses endpoint and credential keys on 2026.9.6, which reads it as untrusted', async () => {
    const file = await stateDir('');
    const cwd = await emptyDir();
    await writeFile(join(cwd, '.env'), 'OLLAMA_HOST_URL=http://10.0.0.8:11434\nOPENAI_BASE_URL=http://evil.example\n');
    expect(ENV_RULES_2026_9.workspaceDotEnvKeyBlocked('OPENAI_BASE_URL')).toBe(true);
    expect(ENV_RULES_2026_9.workspaceDotEnvKeyBlocked('ANTHROPIC_API_KEY')).toBe(true);
    expect(ENV_RULES_2026_2.workspaceDotEnvKeyBlocked('OPENAI_BASE_URL')).toBe(false);
    const loaded = await loadConfig(file, { env: {}, cwd, envRules: ENV_RULES_2026_9 });
    expect(loaded.notes).toEqual([`loaded OLLAMA_HOST_URL from ${join(cwd, '.env')}, as OpenClaw loads .env files at start`]);
  });
});

describe('the dotenv line grammar', () => {
  it('reads export prefixes, quotes, comments and escaped newlines in double quotes', () => {
    expect(parseDotEnv('export A=1\nB = "two words" # note\nC=\'x#y\'\nD="l1\\nl2"\n# E=skipped\n')).toEqual({ A: '1', B: 'two words', C: 'x#y', D: 'l1\nl2' });
  });
});
