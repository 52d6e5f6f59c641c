/**
 * No run folder holds a secret of the config it ran, whichever command wrote
 * it: every one writes through runAndWrite (run, suite, compare, incident,
 * start). The canaries are not key-shaped, so only the config's own secret
 * list can catch them, and the Telegram apiRoot points where no mock serves,
 * so the bot token travels in the URLs the run records. apiRoot is a 2026.9
 * key (2026.2.26's schema refuses it), so these runs are on that profile.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCompare } from '../../src/commands/compare.ts';
import { planRun, runAndWrite } from '../../src/commands/run.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { AFTER, configVariant, scenarioOn2026_9 } from '../scenario/support.ts';

const API_KEY = 'canary-api-key-77d1b3';
// Shaped like a Bot API token, so the simulated gateway presents it (others it replaces with its own).
const BOT_TOKEN = '123456:canary-bot-token-5f0c2e9a';
const SCENARIO = 'scenarios/single-message.json5';

afterEach(() => {
  vi.restoreAllMocks();
});

function canaryConfig(): Promise<string> {
  return configVariant(AFTER, (c) => {
    c.models.providers.google.apiKey = API_KEY;
    c.channels.telegram.botToken = BOT_TOKEN;
    c.channels.telegram.apiRoot = 'https://api.telegram.org/proxy';
  });
}

/** Every file under `dir`, with its text. */
async function filesUnder(dir: string): Promise<{ file: string; text: string }[]> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    names.filter((entry) => entry.isFile()).map(async (entry) => ({ file: join(entry.parentPath, entry.name), text: await readFile(join(entry.parentPath, entry.name), 'utf8') })),
  );
}

function holding(files: readonly { file: string; text: string }[], secret: string): string[] {
  return files.filter(({ text }) => text.includes(secret)).map(({ file }) => file);
}

describe('run folders', () => {
  it('hold neither the API key nor the bot token, although the run saw the token (run, suite)', async () => {
    const out = await mkdtemp(join(tmpdir(), 'quotastorm-canary-'));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const { artifacts } = await runAndWrite(await planRun(await loadScenario(await scenarioOn2026_9(SCENARIO)), { config: await canaryConfig(), out }));
    expect(JSON.stringify(artifacts.record)).toContain(BOT_TOKEN);
    const files = await filesUnder(out);
    expect(files.map(({ file }) => file.slice(out.length + 1)).sort()).toEqual(
      ['gateway.err.log', 'gateway.log', 'journal.jsonl', 'record.json', 'report.md', 'result.json', 'sessions.json', 'telegram-journal.jsonl'],
    );
    expect(holding(files, BOT_TOKEN)).toEqual([]);
    expect(holding(files, API_KEY)).toEqual([]);
    expect(JSON.stringify(artifacts.result)).not.toContain(BOT_TOKEN);
  });

  it('a placeholder bot token is not even presented to the mock: the run uses quotastorm’s own', async () => {
    const placeholder = 'YOUR_TELEGRAM_BOT_TOKEN';
    const config = await configVariant(AFTER, (c) => (c.channels.telegram.botToken = placeholder));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const { artifacts } = await runAndWrite(await planRun(await loadScenario(SCENARIO), { config, out: await mkdtemp(join(tmpdir(), 'quotastorm-placeholder-')) }));
    expect(JSON.stringify(artifacts.record)).not.toContain(placeholder);
    expect(artifacts.result.messages).toMatchObject({ sent: 1, replied: 1 });
  });

  it('hold neither for compare, nor does compare.md', async () => {
    const out = await mkdtemp(join(tmpdir(), 'quotastorm-canary-compare-'));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await runCompare(await scenarioOn2026_9(SCENARIO), { config: [await canaryConfig(), AFTER], out });
    const files = await filesUnder(out);
    expect(files.some(({ file }) => file.endsWith('compare.md'))).toBe(true);
    expect(holding(files, BOT_TOKEN)).toEqual([]);
    expect(holding(files, API_KEY)).toEqual([]);
  });
});
