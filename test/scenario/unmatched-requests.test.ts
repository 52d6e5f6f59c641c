import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runRunCommand } from '../../src/commands/run.ts';
import type { MountRoutes } from '../../src/scenario/record.ts';
import type { RunResult } from '../../src/scenario/result.ts';
import { couldHaveMeant } from '../../src/scenario/unmatched-requests.ts';
import { AFTER, configVariant, scenarioOn2026_9 } from './support.ts';

const WRONG_URL = 'https://generativelanguage.googleapis.com/api/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs the `run` command as the CLI does, returning its exit code and what it printed. */
async function runCommand(scenario: string, config: string, out: string): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const code = await runRunCommand(scenario, { config, out });
  vi.restoreAllMocks();
  return { code, stdout };
}

describe('a request no mock answered', () => {
  it('makes the run an error naming the request and the mount it was meant for, on screen, in report.md and in result.json', async () => {
    // A path under the right host that the Gemini mock does not serve: the gateway sees a failed call and
    // answers the user with an error, which alone would read as a failed turn.
    const config = await configVariant(AFTER, (c) => {
      c.models.providers.google.baseUrl = 'https://generativelanguage.googleapis.com/api/v1beta';
    });
    const out = await mkdtemp(join(tmpdir(), 'quotastorm-unmatched-'));
    const { code, stdout } = await runCommand('scenarios/single-message.json5', config, out);

    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {2}ERROR +gateway +Every request answered by a mock +1 request no mock answered, first POST https:\/\/generativelanguage\.googleapis\.com\/api\/v1beta\//m);
    // No request reached a mock, so "0 rate-limit errors" tested nothing and errs too.
    expect(stdout).toContain('error: 0 rate-limit errors, Every request answered by a mock');
    const result = JSON.parse(await readFile(join(out, 'result.json'), 'utf8')) as RunResult;
    const error = result.checks.find((check) => check.check === 'unmatched-requests');
    expect(error).toMatchObject({ status: 'error', figures: { unmatched: 1, distinct: 1 } });
    expect(error!.evidence[0]).toContain(`1 × POST ${WRONG_URL}`);
    expect(error!.evidence[0]).toContain('could have meant google at https://generativelanguage.googleapis.com, which serves POST /v1/models/{model}:generateContent');
    expect(result.verdict).toMatchObject({ ok: false, errors: 2 });
    expect(await readFile(join(out, 'report.md'), 'utf8')).toContain(`1 × POST ${WRONG_URL}`);
  });

  it('ends a run whose gateway cannot start, naming the request instead of throwing', async () => {
    // apiRoot is a 2026.9 key: 2026.2.26's schema refuses it.
    const config = await configVariant(AFTER, (c) => {
      c.channels.telegram.apiRoot = 'https://api.telegram.org/proxy';
    });
    const out = await mkdtemp(join(tmpdir(), 'quotastorm-unmatched-'));
    const { code, stdout } = await runCommand(await scenarioOn2026_9('scenarios/single-message.json5'), config, out);
    expect(code).toBe(1);
    expect(stdout).toContain('INCOMPLETE RUN');
    expect(stdout).toContain('first POST https://api.telegram.org/proxy/bot__OPENCLAW_REDACTED__/getMe');
  });
});

describe('couldHaveMeant', () => {
  const mounts: MountRoutes[] = [
    { mount: 'google', origin: 'https://generativelanguage.googleapis.com', routes: ['POST /v1beta/models/{model}:generateContent'] },
    { mount: 'openai', origin: 'https://api.openai.com', routes: ['POST /v1/chat/completions'] },
  ];

  it('names the mounts on the request’s host', () => {
    expect(couldHaveMeant('https://api.openai.com/v2/chat', mounts)).toBe('openai at https://api.openai.com, which serves POST /v1/chat/completions');
  });

  it('names the mount a served mock’s path prefix names', () => {
    expect(couldHaveMeant('http://127.0.0.1:9999/google/v1beta/models/x:generateContent', mounts)).toMatch(/^google at https:\/\/generativelanguage/);
  });

  it('lists every mount when nothing points at one', () => {
    expect(couldHaveMeant('https://example.com/v1/chat', mounts)).toBe('google (https://generativelanguage.googleapis.com), openai (https://api.openai.com)');
  });
});
