import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRecordedStore } from '../fixtures/sessions-2026.9.6/build-store.ts';
import { RECORDED_CASES, STORE_PLACEHOLDER, type RecordedCase, type RecordedTimes } from '../fixtures/sessions-2026.9.6/cases.ts';
import { INCIDENT_CONFIG, type StoreName } from '../fixtures/sessions-2026.9.6/stores.ts';

type Outcome = { code: number; stdout: string; stderr: string };

/** The real CLI in a child process, as a user runs it. */
function cli(args: readonly string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['src/cli.ts', ...args], (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

const fixture = (name: string) => readFileSync(new URL(`../fixtures/sessions-2026.9.6/${name}`, import.meta.url), 'utf8');
const times = JSON.parse(fixture('times.json')) as RecordedTimes;
const scratch = mkdtempSync(join(tmpdir(), 'quotastorm-sessions-2026.9.6-'));
const stores = {} as Record<StoreName, string>;
const incidentConfig = join(scratch, 'incident.openclaw.json');

beforeAll(() => {
  stores.listing = buildRecordedStore('listing', join(scratch, 'listing'));
  stores.cleanup = buildRecordedStore('cleanup', join(scratch, 'cleanup'));
  writeFileSync(incidentConfig, INCIDENT_CONFIG);
});

/** quotastorm with the case's arguments, timed at the instant the real command ran. */
async function replay(recorded: RecordedCase): Promise<Outcome> {
  const config = recorded.config === 'incident' ? ['--config', incidentConfig] : [];
  const outcome = await cli([...recorded.args, '--store', stores[recorded.store], '--now', String(times[recorded.name]), ...config]);
  return { ...outcome, stdout: outcome.stdout.replaceAll(stores[recorded.store], STORE_PLACEHOLDER) };
}

/**
 * The recorded output with the rebuilt file's size in place of the real
 * file's: the rows are the same, the pages SQLite lays them out in are not.
 */
function withBytesOf(store: string, text: string): string {
  const wal = statSync(`${store}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  const bytes = statSync(store).size + wal;
  return text
    .replace(/Would enforce disk budget: \d+ -> \d+ bytes/, `Would enforce disk budget: ${bytes} -> ${bytes} bytes`)
    .replace(/"totalBytes(Before|After)": \d+/g, `"totalBytes$1": ${bytes}`);
}

type Listed = { sessions: { key: string; updatedAt: number; ageMs?: number }[] };

/** The real CLI timed ages by its own clock, a moment after the recorded instant: compare without them. */
function withoutAges(text: string): string {
  const listed = JSON.parse(text) as Listed;
  for (const row of listed.sessions) delete row.ageMs;
  return JSON.stringify(listed, null, 2);
}

describe('quotastorm sessions prints what openclaw@2026.9.6 prints for its SQLite store (oracle recorded from the real CLI)', () => {
  for (const recorded of RECORDED_CASES.filter((c) => !(c.store === 'listing' && c.args.includes('--json')))) {
    it(`${recorded.name}: openclaw ${recorded.args.join(' ')}${recorded.config === 'incident' ? ' (incident config)' : ''}`, async () => {
      const outcome = await replay(recorded);
      expect(outcome.stderr).toBe('');
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toBe(withBytesOf(stores[recorded.store], fixture(`${recorded.name}.txt`)));
    });
  }

  for (const recorded of RECORDED_CASES.filter((c) => c.store === 'listing' && c.args.includes('--json'))) {
    it(`${recorded.name}: the same JSON, ages measured from --now`, async () => {
      const outcome = await replay(recorded);
      expect(outcome.code).toBe(0);
      expect(withoutAges(outcome.stdout)).toBe(withoutAges(fixture(`${recorded.name}.txt`)));
      for (const row of (JSON.parse(outcome.stdout) as Listed).sessions) expect(row.ageMs).toBe(times[recorded.name]! - row.updatedAt);
    });
  }
});

describe('quotastorm sessions on a 2026.9.6 SQLite store', () => {
  it('measures ages from the newest entry when --now is not given', async () => {
    const newest = Math.max(...(JSON.parse(fixture('listing-json.txt')) as Listed).sessions.map((row) => row.updatedAt));
    const withoutNow = await cli(['sessions', '--store', stores.listing]);
    const atNewest = await cli(['sessions', '--store', stores.listing, '--now', String(newest)]);
    expect(withoutNow.stdout).toBe(atNewest.stdout);
    expect(withoutNow.stdout).toMatch(/│ global +│ global +│ just now │/);
  });

  it('lists every session with --limit all, and says no limit was applied', async () => {
    const outcome = await cli(['sessions', '--store', stores.cleanup, '--limit', 'all', '--json']);
    const listed = JSON.parse(outcome.stdout) as { count: number; totalCount: number; limitApplied: null; hasMore: boolean };
    expect(listed).toMatchObject({ count: 82, totalCount: 82, limitApplied: null, hasMore: false });
  });

  it('caps the listing at 100 sessions by default', async () => {
    const outcome = await cli(['sessions', '--store', stores.cleanup, '--json']);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ count: 82, limitApplied: 100, hasMore: false });
  });

  it('reads the store without changing a row of it', async () => {
    const rowsOf = () => {
      const database = new DatabaseSync(stores.cleanup, { readOnly: true });
      try {
        return JSON.stringify(database.prepare('SELECT * FROM session_nodes ORDER BY session_key').all());
      } finally {
        database.close();
      }
    };
    const before = rowsOf();
    await cli(['sessions', '--store', stores.cleanup]);
    await cli(['sessions', 'cleanup', '--dry-run', '--store', stores.cleanup, '--config', incidentConfig]);
    expect(rowsOf()).toBe(before);
  });

  it('refuses to apply cleanup to a SQLite store, exit 2, and points at openclaw sessions cleanup', async () => {
    const outcome = await cli(['sessions', 'cleanup', '--enforce', '--store', stores.cleanup]);
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toBe(
      `quotastorm: sessions cleanup without --dry-run is not supported for SQLite stores: quotastorm does not write openclaw@2026.9.6's database (${stores.cleanup}). ` +
        `Preview with --dry-run, and apply with that version's own \`openclaw sessions cleanup --store ${stores.cleanup}\` while the gateway is stopped.\n`,
    );
  });

  it('rejects --profile 2026.2 for a SQLite store, whose maintenance is 2026.9.6\'s', async () => {
    const outcome = await cli(['sessions', 'cleanup', '--dry-run', '--profile', '2026.2', '--store', stores.cleanup]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain("is openclaw@2026.9.6's SQLite store, so its maintenance is the 2026.9 profile's");
  });

  it('rejects a --limit that is not a positive whole number or "all"', async () => {
    const outcome = await cli(['sessions', '--store', stores.listing, '--limit', '0']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toBe('quotastorm: --limit must be a positive integer or "all", for example --limit 25; got "0".\n');
  });

  it('rejects --limit for a 2026.2.26 sessions.json, whose openclaw sessions has none', async () => {
    const file = join(scratch, 'sessions.json');
    writeFileSync(file, '{}');
    const outcome = await cli(['sessions', '--store', file, '--limit', '5']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(`--limit is openclaw@2026.9.6's; ${file} is a 2026.2.26 sessions.json`);
  });

  it('warns on stderr when the config sets what the listing does not model', async () => {
    const config = join(scratch, 'providers.json5');
    writeFileSync(config, '{ models: { providers: { google: { baseUrl: "http://127.0.0.1:1/google", models: [{ id: "gemini-2.5-flash", name: "Gemini 2.5 Flash", contextWindow: 1048576 }] } } } }');
    const outcome = await cli(['sessions', '--store', stores.listing, '--config', config]);
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toContain(`warning: ${config} sets models.providers; quotastorm shows 2026.9.6's listing as if unset`);
  });
});

describe('quotastorm sessions on a file that is not a 2026.9.6 store', () => {
  const oneParagraph = (outcome: Outcome) => {
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
  };

  it('names a .sqlite file that is not SQLite at all', async () => {
    const file = join(scratch, 'notes.sqlite');
    writeFileSync(file, 'these are not the sessions you are looking for\n'.repeat(200));
    const outcome = await cli(['sessions', '--store', file]);
    oneParagraph(outcome);
    expect(outcome.stderr).toBe(
      `quotastorm: Session store ${file} is not an openclaw@2026.9.6 agent store (file is not a database). ` +
        "--store takes a 2026.2.26 sessions.json or 2026.9.6's SQLite store, ~/.openclaw/agents/<agent>/agent/openclaw-agent.sqlite.\n",
    );
  });

  it('names an SQLite database without OpenClaw\'s tables', async () => {
    const file = join(scratch, 'other.db');
    const database = new DatabaseSync(file);
    database.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    database.close();
    const outcome = await cli(['sessions', '--store', file]);
    oneParagraph(outcome);
    expect(outcome.stderr).toContain(`Session store ${file} is not an openclaw@2026.9.6 agent store (it is an SQLite database without the schema_meta, session_nodes, session_participants tables).`);
  });

  it('names the schema version of a store another OpenClaw wrote', async () => {
    const file = join(scratch, 'newer.sqlite');
    copyFileSync(stores.listing, file);
    const database = new DatabaseSync(file);
    database.exec("UPDATE schema_meta SET schema_version = 24, app_version = '2026.10.1'");
    database.close();
    const outcome = await cli(['sessions', 'cleanup', '--dry-run', '--store', file]);
    oneParagraph(outcome);
    expect(outcome.stderr).toContain(`Session store ${file} has schema version 24 (written by openclaw 2026.10.1); quotastorm reads openclaw@2026.9.6's, version 23.`);
  });

  it('names a store file that does not exist', async () => {
    const file = join(scratch, 'missing', 'openclaw-agent.sqlite');
    const outcome = await cli(['sessions', '--store', file]);
    oneParagraph(outcome);
    expect(outcome.stderr).toContain(`Session store ${file} does not exist.`);
  });
});
