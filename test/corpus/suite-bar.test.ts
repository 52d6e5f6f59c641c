/**
 * The corpus bar (suite-bar.ts) can fail: one real run that meets it, then the same saved run
 * with a side of the evidence taken away, as a run that never reached a provider would look.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSuite, savedRunProblems, type SuiteRun } from './suite-bar.ts';

type Saved = NonNullable<SuiteRun['saved']>;

let run: SuiteRun;
let saved: Saved;
beforeAll(async () => {
  const outDir = join(await mkdtemp(join(tmpdir(), 'quotastorm-suite-bar-')), 'run');
  run = await runSuite({ scenarioFile: 'scenarios/stress-suite.json5', configFile: 'test/fixtures/real-configs/zai-glm-discord.json5', outDir, canaries: [] });
  saved = run.saved!;
}, 60_000);

describe('the suite bar', () => {
  it('holds for a config whose user turns reach a provider', () => {
    expect([run.exitCode, run.reachedProvider, run.problems]).toEqual([1, true, []]);
  });

  it('calls a message check that passed with an empty journal a vacuous pass', () => {
    const problems = savedRunProblems({ ...saved, record: { ...saved.record, journal: [] } });
    expect(problems).toContain('"One Telegram message: 0 rate-limit errors" passed though no message of step "one Telegram message" reached a provider');
  });

  it('wants an ERROR check saying why when no user turn reached a provider', () => {
    const result = { ...saved.result, turns: { ...saved.result.turns, user: 0 } };
    expect(savedRunProblems({ ...saved, result })).toEqual(['no user turn reached a provider and no ERROR check says why']);
  });

  it('does not take a gap of quotastorm as the reason', () => {
    const checks = [
      ...saved.result.checks,
      { check: 'rate-limit-errors', title: 'T', step: 's', layer: 'users' as const, status: 'error' as const, summary: '0 of 1 message reached a model: 1 dropped: the turn failed: x/y uses API kind "z", which quotastorm does not mock', evidence: [], figures: {} },
    ];
    const result = { ...saved.result, checks, turns: { ...saved.result.turns, user: 0 } };
    expect(savedRunProblems({ ...saved, result })[0]).toMatch(/^no user turn reached a provider, for a gap of quotastorm's/);
  });

  it('wants the messages to reconcile', () => {
    const result = { ...saved.result, messages: { ...saved.result.messages, replied: saved.result.messages.replied - 1 } };
    expect(savedRunProblems({ ...saved, result })).toEqual([`messages do not reconcile: 4 sent ≠ 3 replied + 0 error replies + 0 dropped + 0 pending`]);
  });
});
