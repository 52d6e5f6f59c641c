import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRunOutputs } from '../../src/report/write-run.ts';
import { judgeRecord } from '../../src/scenario/judge.ts';
import { viewAtEndOf, type RunRecord } from '../../src/scenario/record.ts';
import { readRunDir, writeRunRecord } from '../../src/scenario/run-dir.ts';
import type { RunArtifacts } from '../../src/scenario/runner.ts';
import { runScenario } from '../../src/scenario/runner.ts';
import { BEFORE, inlineScenario } from './support.ts';

// Every kind of check, over steps and the whole run, on the incident's config so some fail with evidence.
const SCENARIO = inlineScenario(`{
  name: "record", host: { heartbeatHasTasks: true, skills: "bundled", toolCallsPerTurn: 2 },
  preload: { sessions: [{ kind: "cron-run", count: 30, age: "48h" }], mainTranscriptTokens: 220000 },
  mocks: { faults: { rules: [{ latency: { distribution: "fixed", ms: 500 } }] } },
  steps: [
    { name: "menu", run: "1m", checks: [{ check: "config-verification" }, { check: "session-count", max: 20 }] },
    { name: "burst", send: [{ kind: "burst", count: 6, every: "1s", tokens: 300 }], run: "3m", checks: [
      { check: "rate-limit-errors" }, { check: "replies-delivered" }, { check: "error-replies", max: 0 },
      { check: "peak-usage", model: "google/gemini-2.5-flash", metric: "tpm", max: "limit" },
      { check: "bot-commands-too-much", window: "run" }, { check: "session-count", max: 20 } ] },
  ],
}`);

let artifacts: RunArtifacts;
let dir: string;

beforeAll(async () => {
  artifacts = await runScenario({ loaded: SCENARIO, configFile: BEFORE, version: 'test' });
  dir = await mkdtemp(join(tmpdir(), 'quotastorm-record-'));
  await writeRunRecord(dir, artifacts);
  await writeRunOutputs(artifacts.result, { dir });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the run record', () => {
  it('gives the run its verdicts: judging the record again gives the same checks', () => {
    expect(artifacts.result.checks.map((check) => check.status)).toContain('fail');
    expect(judgeRecord(artifacts.record)).toEqual(artifacts.result.checks);
  });

  it('reads back from the run folder and judges the same, evidence and figures included', async () => {
    const saved = await readRunDir(dir);
    expect(judgeRecord(saved.record)).toEqual(artifacts.result.checks);
    expect(saved.result).toEqual(JSON.parse(JSON.stringify(artifacts.result)));
  });

  it('shows a step’s checks only what had been logged when the step ended', () => {
    const [menu] = artifacts.record.steps;
    const view = viewAtEndOf(artifacts.record, menu!);
    expect(view.journal.length).toBeLessThan(artifacts.record.journal.length);
    expect(view.journal.every((entry) => entry.atMs <= menu!.toMs)).toBe(true);
    expect(menu!.store.sessions.length).toBeGreaterThan(0);
  });

  it('keeps what only the gateway knows: log levels and exact times, and each delivery’s kind', () => {
    const { record } = artifacts;
    expect(record.log.some((line) => line.level !== 'info')).toBe(true);
    expect(new Set(record.deliveries.map((delivery) => delivery.kind)).size).toBeGreaterThan(0);
    expect(Object.keys(record.limits)).toContain('google/gemini-2.5-flash');
  });

  it('refuses a folder whose record.json is from another record version, naming the file', async () => {
    const old = await mkdtemp(join(tmpdir(), 'quotastorm-record-old-'));
    for (const name of ['result.json', 'journal.jsonl', 'telegram-journal.jsonl']) await writeFile(join(old, name), name.endsWith('.json') ? '{}' : '');
    await writeFile(join(old, 'record.json'), JSON.stringify({ steps: [] } satisfies Partial<RunRecord>));
    await expect(readRunDir(old)).rejects.toThrow(`${join(old, 'record.json')} is not a run record this quotastorm reads`);
    await rm(old, { recursive: true, force: true });
  });

  it('names the first missing file of an incomplete folder', async () => {
    const partial = await mkdtemp(join(tmpdir(), 'quotastorm-record-partial-'));
    await writeFile(join(partial, 'result.json'), '{}');
    await expect(readRunDir(partial)).rejects.toThrow(`Run folder ${partial}: record.json is missing`);
    await rm(partial, { recursive: true, force: true });
  });
});
