import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionEntry } from '../../src/gateway/sessions/index.ts';
import { ENFORCE_15_6H, FIXTURE_NOW_MS, incidentStore, smallStore } from '../gateway/sessions/fixtures.ts';
import { GOLDEN_CASES, STORE_PLACEHOLDER, type GoldenCase } from './golden-cases.ts';

type Outcome = { code: number; stdout: string; stderr: string };

/** The real CLI in a child process, as a user runs it. */
function cli(args: readonly string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['src/cli.ts', ...args], (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

async function scratchStore(entries: [string, SessionEntry][]): Promise<{ dir: string; store: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'quotastorm-sessions-'));
  const store = join(dir, 'sessions.json');
  await writeFile(store, JSON.stringify(Object.fromEntries(entries), null, 2));
  await writeFile(join(dir, 'enforce.json5'), ENFORCE_15_6H);
  return { dir, store };
}

async function replay(golden: GoldenCase): Promise<{ outcome: Outcome; store: string }> {
  const fixture = golden.store === 'small' ? smallStore : incidentStore;
  const { dir, store } = await scratchStore(fixture(FIXTURE_NOW_MS));
  const config = golden.config === 'enforce' ? ['--config', join(dir, 'enforce.json5')] : [];
  const outcome = await cli([...golden.args, '--store', store, '--now', String(FIXTURE_NOW_MS), ...config]);
  return { outcome: { ...outcome, stdout: outcome.stdout.replaceAll(store, STORE_PLACEHOLDER) }, store };
}

const golden = (name: string) => readFile(new URL(`golden/${name}`, import.meta.url), 'utf8');

type ListedJson = { sessions: { key: string; updatedAt: number | null; ageMs?: number | null }[] };

/** The real CLI's listing was timed by its wall clock: drop ageMs, make updatedAt relative to the main session's. */
function withoutClock(text: string): string {
  const listed = JSON.parse(text) as ListedJson;
  const nowMs = listed.sessions.find((row) => row.key === 'agent:main:main')!.updatedAt!;
  for (const row of listed.sessions) {
    delete row.ageMs;
    if (row.updatedAt !== null) row.updatedAt -= nowMs;
  }
  return JSON.stringify(listed, null, 2);
}

/** updatedAt relative to the main session's, which the fixtures put at `nowMs`. */
function relativeTimes(storeText: string): string {
  const store = JSON.parse(storeText) as Record<string, SessionEntry>;
  const nowMs = store['agent:main:main']!.updatedAt!;
  for (const entry of Object.values(store)) if (entry.updatedAt !== undefined) entry.updatedAt -= nowMs;
  return JSON.stringify(store, null, 2);
}

describe('quotastorm sessions prints what openclaw@2026.2.26 prints (golden output recorded from the real CLI)', () => {
  for (const golden_ of GOLDEN_CASES.filter((c) => c.name !== 'small-sessions-json')) {
    it(`${golden_.name}: ${golden_.args.join(' ')}`, async () => {
      const { outcome } = await replay(golden_);
      expect(outcome.stderr).toBe('');
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toBe(await golden(`${golden_.name}.txt`));
    });
  }

  it('small-sessions-json: the same JSON, ages measured from --now', async () => {
    const { outcome } = await replay(GOLDEN_CASES.find((c) => c.name === 'small-sessions-json')!);
    expect(withoutClock(outcome.stdout)).toBe(withoutClock(await golden('small-sessions-json.txt')));
    const listed = JSON.parse(outcome.stdout) as ListedJson;
    for (const row of listed.sessions) expect(row.ageMs).toBe(row.updatedAt === null ? null : FIXTURE_NOW_MS - row.updatedAt);
  });

  it('cleanup without --dry-run leaves the store the real one left: the main session and the 14 newest recent runs', async () => {
    const { store } = await replay(GOLDEN_CASES.find((c) => c.name === 'incident-cleanup-apply')!);
    const applied = await readFile(store, 'utf8');
    expect(relativeTimes(applied)).toBe(relativeTimes(await golden('incident-cleanup-apply.store.json')));
    const keys = Object.keys(JSON.parse(applied) as object);
    expect(keys).toHaveLength(15);
    expect(keys[0]).toBe('agent:main:main');
    expect(keys.slice(1).every((key) => key.startsWith('agent:main:cron:recent:run:'))).toBe(true);
  });
});

describe('quotastorm sessions on a run directory', () => {
  it('reads <run>/sessions.json and measures ages from its newest entry without --now', async () => {
    const { dir } = await scratchStore(incidentStore(FIXTURE_NOW_MS));
    const outcome = await cli(['sessions', 'cleanup', '--dry-run', '--run', dir, '--config', join(dir, 'enforce.json5')]);
    expect(outcome.stdout.replaceAll(join(dir, 'sessions.json'), STORE_PLACEHOLDER)).toBe(await golden('incident-cleanup-dry-run.txt'));
  });

  it('reproduces the reference run: Entries: 77 -> 15 (remove 62), 56 stale, 6 over the cap', async () => {
    const { dir } = await scratchStore(incidentStore(FIXTURE_NOW_MS));
    const outcome = await cli(['sessions', 'cleanup', '--dry-run', '--run', dir, '--config', join(dir, 'enforce.json5')]);
    expect(outcome.stdout).toContain('Entries: 77 -> 15 (remove 62)\n');
    expect(outcome.stdout).toContain('Would prune stale: 56\n');
    expect(outcome.stdout).toContain('Would cap overflow: 6\n');
  });

  it('--enforce applies maintenance although the configured mode (2026.2 default) is warn', async () => {
    const { store } = await scratchStore(incidentStore(FIXTURE_NOW_MS));
    const outcome = await cli(['sessions', 'cleanup', '--enforce', '--store', store]);
    // The defaults (30d, 500) prune nothing from this store: two days old is not stale yet.
    expect(outcome.stdout).toBe(`Session store: ${store}\nApplied maintenance. Current entries: 77\n`);
  });

  it('keeps stdout one JSON document with --json, sending maintenance lines to stderr', async () => {
    const { dir, store } = await scratchStore(incidentStore(FIXTURE_NOW_MS));
    const outcome = await cli(['sessions', 'cleanup', '--json', '--store', store, '--config', join(dir, 'enforce.json5')]);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ mode: 'enforce', beforeCount: 77, afterCount: 15, pruned: 56, capped: 6, applied: true, appliedCount: 15 });
    expect(outcome.stderr).toBe('[sessions/store] pruned stale session entries\n[sessions/store] capped session entry count\n');
  });

  it('warns on stderr, and changes nothing, when warn mode would evict the --active-key session', async () => {
    const entries = incidentStore(FIXTURE_NOW_MS);
    const { dir, store } = await scratchStore(entries);
    await writeFile(join(dir, 'warn.json5'), '{ session: { maintenance: { mode: "warn", maxEntries: 15, pruneAfter: "6h" } } }');
    const staleKey = entries[1]![0];
    const outcome = await cli(['sessions', 'cleanup', '--store', store, '--config', join(dir, 'warn.json5'), '--active-key', staleKey]);
    expect(outcome.stderr).toBe('[sessions/store] session maintenance would evict active session; skipping enforcement\n');
    expect(outcome.stdout).toBe(`Session store: ${store}\nApplied maintenance. Current entries: 77\n`);
  });

  it('says which flag is missing, in one paragraph, exit 2', async () => {
    const outcome = await cli(['sessions']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^quotastorm: Which session store\? Give --store <sessions.json or openclaw-agent.sqlite> or --run <run directory>/);
  });

  it('names the file and what it expected when the store is not a session store', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quotastorm-sessions-'));
    await writeFile(join(dir, 'sessions.json'), '[1, 2]');
    const outcome = await cli(['sessions', '--run', dir]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(`Session store ${join(dir, 'sessions.json')} holds an array, not an object.`);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rejects --active that is not a whole number of minutes', async () => {
    const { store } = await scratchStore(smallStore(FIXTURE_NOW_MS));
    const outcome = await cli(['sessions', '--store', store, '--active', '0']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('--active needs a whole number > 0, got "0".');
  });
});
