/**
 * `run --gateway openclaw@V`: the scenario on a real, installed OpenClaw on
 * quotastorm's clock. The refusals need nothing installed; the run itself
 * needs root (ip netns) and openclaw@2026.2.26, and is skipped without them,
 * its name saying why.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findInstalled } from '../../src/sut/install.ts';
import { canUseNamespaces } from '../../src/sut/netns.ts';
import { OPENCLAW_VERSIONS } from '../../src/sut/versions.ts';
import { cli } from '../support/cli.ts';

const namespaces = canUseNamespaces();
const skip = !namespaces.ok
  ? `skipped: ${namespaces.reason}`
  : findInstalled(OPENCLAW_VERSIONS['2026.2.26']!) === undefined
    ? 'skipped: openclaw@2026.2.26 is not installed (node src/cli.ts gateway install openclaw@2026.2.26)'
    : undefined;

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function outDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'qs-real-run-'));
  scratch.push(dir);
  return join(dir, 'run');
}

describe('run --gateway: refusals', () => {
  it('refuses a gateway that is neither embedded nor openclaw@<version> as bad input, naming both forms', async () => {
    const outcome = await cli('run', 'single-message', '--gateway', 'nonsense', '--out', await outDir());
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('--gateway takes "embedded" (the default) or a real, installed openclaw@<version>, got "nonsense"');
   }, 60_000);

  it.each([
    ['compare', ['compare', 'single-message', '--config', 'feb27-after', '--config', 'feb27-before']],
    ['incident', ['incident']],
  ])('%s takes --gateway too, refusing a bad one before it runs anything', async (_name, args) => {
    const outcome = await cli(...args, '--gateway', 'nonsense', '--out', await outDir());
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('--gateway takes "embedded"');
  });

  it('refuses a version quotastorm has no pin for, listing the supported ones', async () => {
    const outcome = await cli('run', 'single-message', '--gateway', 'openclaw@9.9.9', '--out', await outDir());
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('Supported: openclaw@2026.2.26, openclaw@2026.9.6');
   }, 60_000);
});

describe.skipIf(skip !== undefined)(`run --gateway openclaw@2026.2.26${skip ? ` (${skip})` : ''}`, () => {
  it(
    'runs the scenario on the real gateway in virtual time and judges it as an embedded run is judged',
    async () => {
      const out = await outDir();
      const outcome = await cli('run', 'single-message', '--gateway', 'openclaw@2026.2.26', '--out', out, '--json', '--quiet');
      expect(outcome.code, outcome.stderr).toBe(0);
      const result = JSON.parse(await readFile(join(out, 'result.json'), 'utf8'));
      expect(result.gateway).toMatchObject({ name: 'openclaw@2026.2.26', clock: 'virtual', isolation: 'netns' });
      expect(result.messages).toMatchObject({ sent: 1, replied: 1, pending: 0 });
      expect(result.reproduce).toContain('--gateway openclaw@2026.2.26');
      expect(await readFile(join(out, 'report.md'), 'utf8')).toContain('| Gateway | real `openclaw@2026.2.26`');
    },
    180_000,
  );
});
