import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, type Outcome } from '../support/cli.ts';

const BEFORE = 'scenarios/configs/feb27-before.json5';
const AFTER = 'scenarios/configs/feb27-after.json5';


async function scratchFile(name: string, content: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'quotastorm-cli-')), name);
  await writeFile(file, content);
  return file;
}

function expectOneParagraphUserError(outcome: Outcome): void {
  expect(outcome.code).toBe(2);
  expect(outcome.stdout).toBe('');
  expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
  expect(outcome.stderr).not.toMatch(/\n\s+at /);
}

describe('quotastorm CLI', () => {
  it('prints its version', async () => {
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect(await cli('--version')).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('prints session.maintenance of the after-config as JSON', async () => {
    const outcome = await cli('config', 'get', 'session.maintenance', '--config', AFTER);
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ mode: 'enforce', maxEntries: 15, pruneAfter: '6h' });
  });

  it('prints the eight fallbacks of the after-config in order', async () => {
    const outcome = await cli('config', 'get', 'agents.defaults.model.fallbacks', '--config', AFTER);
    expect(JSON.parse(outcome.stdout)).toEqual([
      'moonshot/kimi-k2.5',
      'anthropic/claude-haiku-4-5',
      'openai/gpt-5.2',
      'google/gemini-2.5-pro',
      'moonshot/kimi-k2-thinking',
      'xai/grok-3',
      'anthropic/claude-sonnet-4-6',
      'anthropic/claude-opus-4-6',
    ]);
  });

  it('prints maxConcurrent 4 as a bare scalar although the file does not set it', async () => {
    const text = await readFile(AFTER, 'utf8');
    expect(text).not.toMatch(/^\s*maxConcurrent\s*:/m);
    expect(await cli('config', 'get', 'agents.defaults.maxConcurrent', '--config', AFTER)).toMatchObject({ code: 0, stdout: '4\n' });
  });

  it('answers a path the config lacks as OpenClaw does: exit 1, "Config path not found"', async () => {
    const outcome = await cli('config', 'get', 'session.maintenance', '--config', BEFORE);
    expect(outcome).toMatchObject({ code: 1, stdout: '', stderr: 'Config path not found: session.maintenance\n' });
  });

  it('redacts API keys and bot tokens in what it prints', async () => {
    const provider = await cli('config', 'get', 'models.providers.google', '--config', AFTER);
    expect(provider.code).toBe(0);
    expect(provider.stdout).toContain('"apiKey": "__OPENCLAW_REDACTED__"');
    expect(provider.stdout).not.toContain('quotastorm-fake');
    const token = await cli('config', 'get', 'channels.telegram.botToken', '--config', BEFORE);
    expect(token.stdout).toBe('__OPENCLAW_REDACTED__\n');
  });

  it('validates a config and prints "Config valid"', async () => {
    expect(await cli('config', 'validate', '--config', AFTER)).toMatchObject({ code: 0, stdout: `Config valid: ${AFTER}\n` });
  });

  it('rejects a JSON5 syntax error with one paragraph naming file and line:column, exit 2', async () => {
    const file = await scratchFile('broken.json5', '{\n  session: { maintenance: { mode: "enforce", }\n  oops\n}\n');
    const outcome = await cli('config', 'validate', '--config', file);
    expectOneParagraphUserError(outcome);
    expect(outcome.stderr).toContain(file);
    expect(outcome.stderr).toMatch(/:3:\d+|line 3/);
  });

  it('rejects a wrong type naming the JSON path and what was expected, exit 2', async () => {
    const file = await scratchFile('fifteen.json5', '{ session: { maintenance: { maxEntries: "fifteen" } } }');
    const outcome = await cli('config', 'get', 'session', '--config', file);
    expectOneParagraphUserError(outcome);
    expect(outcome.stderr).toContain('session.maintenance.maxEntries');
    expect(outcome.stderr).toMatch(/expected/i);
  });

  it('rejects an unknown maintenance mode naming the allowed values, exit 2', async () => {
    const file = await scratchFile('mode.json5', '{ session: { maintenance: { mode: "sometimes" } } }');
    const outcome = await cli('config', 'validate', '--config', file);
    expectOneParagraphUserError(outcome);
    expect(outcome.stderr).toContain('session.maintenance.mode');
    expect(outcome.stderr).toMatch(/enforce/);
    expect(outcome.stderr).toMatch(/warn/);
  });

  it('rejects a missing config file, exit 2', async () => {
    const outcome = await cli('config', 'validate', '--config', 'no/such/openclaw.json');
    expectOneParagraphUserError(outcome);
    expect(outcome.stderr).toContain('no/such/openclaw.json');
  });

  it('rejects an unknown flag or profile with exit 2', async () => {
    expect((await cli('config', 'get', 'x', '--no-such-flag')).code).toBe(2);
    expect((await cli('start', '--profile', '2025.1')).code).toBe(2);
  });

  it('rejects a bad --limit for mocks serve with the grammar, exit 2, before listening', async () => {
    const outcome = await cli('mocks', 'serve', '--limit', 'google/gemini-2.5-flash:rpm=lots');
    expectOneParagraphUserError(outcome);
    expect(outcome.stderr).toContain('provider/model:key=N');
  });

  it('rejects a --limit on a model the mocks do not serve, naming the ones they do, before listening', async () => {
    const outcome = await cli('mocks', 'serve', '--limit', 'google/gemini-9-nope:rpm=5');
    expectOneParagraphUserError(outcome);
    expect(outcome.stderr).toContain('no model "gemini-9-nope" for google (they serve gemini-2.5-flash');
  });

  it('warns about unknown keys on stderr and still succeeds', async () => {
    const file = await scratchFile('unknown.json5', '{ agents: { defaults: { maxConcurrent: 2, notAKey: true } } }');
    const outcome = await cli('config', 'get', 'agents.defaults.maxConcurrent', '--config', file);
    expect(outcome).toMatchObject({ code: 0, stdout: '2\n' });
    expect(outcome.stderr).toMatch(/warning: .*agents\.defaults\.notAKey/);
  });

  it('npm start’s job runs the stress suite (6/6), replays the incident, writes the root-cause table and an index of the runs', async () => {
    const out = await mkdtemp(join(tmpdir(), 'quotastorm-start-'));
    const outcome = await cli('start', '--out', out);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('6/6 passed');
    const suite = JSON.parse(await readFile(join(out, 'stress-suite', 'result.json'), 'utf8')) as { verdict: { ok: boolean } };
    expect(suite.verdict.ok).toBe(true);
    expect(await readFile(join(out, 'incident', 'incident.md'), 'utf8')).toContain('## Where the write-up and the code disagree');
    const report = await readFile(join(out, 'config-report.md'), 'utf8');
    expect(report).toContain('**feb27-before.json5**: 0/6 root causes addressed');
    // The fixed config's token budget is a risk lint exits 1 on: the report does not call it all addressed.
    expect(report.replaceAll('\n  ', ' ')).toContain('**feb27-after.json5**: 5/6 root causes addressed (still present: token-budget [providers]; `quotastorm lint` exits 1)');
    const index = await readFile(join(out, 'index.md'), 'utf8');
    for (const run of ['stress-suite', 'incident/before-quotas', 'incident/before-finish-reason', 'incident/after-quotas', 'incident/after-finish-reason']) {
      expect(index).toContain(`](${run}/report.md)`);
    }
    expect(await readFile(join(out, 'incident', 'index.md'), 'utf8')).toContain('](before-quotas/report.md)');
  }, 120_000);

  it('runs the stress suite: 6/6 and exit 0 on the fixed config, exit 1 naming the failed checks on the old one', async () => {
    const out = await mkdtemp(join(tmpdir(), 'quotastorm-suite-'));
    const after = await cli('suite', 'scenarios/stress-suite.json5', '--config', AFTER, '--out', join(out, 'after'));
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/^6\/6 passed$/m);
    const before = await cli('suite', 'scenarios/stress-suite.json5', '--config', BEFORE, '--out', join(out, 'before'), '--junit', join(out, 'before.xml'));
    expect(before.code).toBe(1);
    expect(before.stdout).toContain(
      '2/6 passed — failed: Config verification: every root-cause setting fixed, Session count ≤ 20, 0 new BOT_COMMANDS_TOO_MUCH',
    );
    expect(before.stdout).toContain('reproduce: node src/cli.ts run scenarios/stress-suite.json5 --config scenarios/configs/feb27-before.json5 --seed 20260227');
    expect(await readFile(join(out, 'before.xml'), 'utf8')).toContain('<failure');
  }, 60_000);

  it('rejects an unknown scenario variant with the known ones, exit 2', async () => {
    const outcome = await cli('run', 'scenarios/incident-2026-02-27.json5', '--variant', 'nope');
    expectOneParagraphUserError(outcome);
    expect(outcome.stderr).toContain('quotas, shared-google-quota, finish-reason');
  }, 60_000);

  it('renders the same report bytes on every run', async () => {
    const first = await cli('config', 'report', '--config', BEFORE, '--config', AFTER);
    const second = await cli('config', 'report', '--config', BEFORE, '--config', AFTER);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });
});
