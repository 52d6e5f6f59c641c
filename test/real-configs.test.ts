/**
 * Real OpenClaw configs, collected from public repositories and OpenClaw's docs
 * (test/fixtures/real-configs/SOURCES.md says where each came from), go through what a user
 * runs first: `config validate`, `config get`, `config report` and `lint` on both profiles, in
 * process with the CLI's own error mapping (test/fuzz/judge.ts). Each must end as a result or a
 * bad-input message (exit 0, 1 or 2), never an internal error (70), an escaped exception or a
 * stack trace, and must not print a value the config keeps under a secret-named key.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { judgeConfig } from './fuzz/judge.ts';

const CORPUS = join(import.meta.dirname, 'fixtures', 'real-configs');

const fixtures = (await readdir(CORPUS)).filter((name) => name.endsWith('.json5')).sort();

let scratchDir = '';
beforeAll(async () => {
  scratchDir = await mkdtemp(join(tmpdir(), 'quotastorm-real-configs-'));
});

describe('the real-config corpus', () => {
  it('holds at least 30 configs', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  it('names the source of every config in SOURCES.md', async () => {
    const sources = await readFile(join(CORPUS, 'SOURCES.md'), 'utf8');
    const unsourced = fixtures.filter((name) => !sources.includes(`\`${name}\``));
    expect(unsourced).toEqual([]);
  });
});

describe.each(fixtures)('%s', (name) => {
  it('goes through config validate, get, report and lint without a crash or a printed secret', async () => {
    const text = await readFile(join(CORPUS, name), 'utf8');
    const verdict = await judgeConfig({ base: name, text, canaries: secretValuesIn(text), mutations: [] }, scratchDir);
    expect(verdict.ok ? 'no crash, no secret printed' : verdict.problem).toBe('no crash, no secret printed');
  });
});

/**
 * The values a config writes under a secret-named key (`apiKey`, `botToken`, `appSecret`,
 * `password`, …), read from the text rather than through quotastorm's own redaction so the test
 * does not share its blind spots. `${VAR}` references name a variable and may be printed; counts
 * (`maxTokens`), paths (`tokenFile`) and identifiers (`sessionKey`) are not secrets; and a value
 * the config also uses elsewhere, as a name (`apiKey: "lmstudio"` on the provider `lmstudio`),
 * may rightly be printed as that name.
 */
function secretValuesIn(text: string): string[] {
  const entries = text.matchAll(/["']?([\w-]*(?:token|key|secret|password)[\w-]*)["']?\s*:\s*["']([^"'\n]+)["']/gi);
  const values = [...entries]
    .filter(([, key]) => !/tokens$|tokenfile$|sessionkey$|mainkey$|^key$|keep|limit/i.test(key!))
    .map(([, , value]) => value!)
    .filter((value) => value.length >= 6 && !value.includes('${'));
  const asSecret = (value: string): number => values.filter((other) => other === value).length;
  return [...new Set(values)].filter((value) => text.split(value).length - 1 === asSecret(value));
}
