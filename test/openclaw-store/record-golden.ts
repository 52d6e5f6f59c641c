/**
 * Re-records the golden CLI output in ./golden from the real
 * openclaw@2026.2.26 (install it first: `node src/cli.ts gateway install
 * openclaw@2026.2.26`). Run: `node test/openclaw-store/record-golden.ts`.
 *
 * Each case writes a fixture store timed from the wall clock — the real CLI
 * measures ages from Date.now() — runs `openclaw sessions …` on it with a
 * throwaway HOME, and stores stdout with the store path replaced by
 * `<store>`. cli.test.ts runs quotastorm on the same fixtures at a fixed
 * `--now` and expects the same bytes.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { requireInstalled } from '../../src/sut/install.ts';
import { OPENCLAW_VERSIONS } from '../../src/sut/versions.ts';
import { ENFORCE_15_6H, incidentStore, smallStore } from '../gateway/sessions/fixtures.ts';
import { GOLDEN_CASES, STORE_PLACEHOLDER, type GoldenCase } from './golden-cases.ts';

const run = promisify(execFile);
const gateway = requireInstalled(OPENCLAW_VERSIONS['2026.2.26']!);
const scratch = await mkdtemp(join(tmpdir(), 'quotastorm-sessions-golden-'));
const configs = { none: '{}', enforce: ENFORCE_15_6H };

for (const golden of GOLDEN_CASES) {
  const store = join(scratch, `${golden.name}.sessions.json`);
  const config = join(scratch, `${golden.name}.openclaw.json`);
  await writeFile(config, configs[golden.config]);
  await writeFile(store, JSON.stringify(Object.fromEntries(fixture(golden)(Date.now())), null, 2));
  const { stdout } = await run(process.execPath, [gateway.entry, ...golden.args, '--store', store], {
    env: { ...process.env, HOME: scratch, OPENCLAW_CONFIG_PATH: config, NO_COLOR: '1' },
  });
  await writeFile(new URL(`golden/${golden.name}.txt`, import.meta.url), stdout.replaceAll(store, STORE_PLACEHOLDER));
  if (golden.keepStore) await writeFile(new URL(`golden/${golden.name}.store.json`, import.meta.url), await readFile(store, 'utf8'));
  process.stdout.write(`recorded ${golden.name}\n`);
}

function fixture(golden: GoldenCase): (nowMs: number) => ReturnType<typeof smallStore> {
  return golden.store === 'small' ? smallStore : incidentStore;
}
