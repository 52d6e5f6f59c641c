/**
 * Generated configs (openclaw-config-arbitrary.ts) meet the corpus bar (test/corpus/suite-bar.ts)
 * on a short scenario — two messages five seconds apart, on either profile — run in process
 * through `quotastorm suite`'s own entry: no crash, exit 0, 1 or 2, no secret printed, messages
 * reconcile, and a user turn reaches a provider or an ERROR check says why. A failure prints the
 * config and the one line that replays exactly that case.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSuite } from '../corpus/suite-bar.ts';
import { generatedConfig, type GeneratedConfig } from './openclaw-config-arbitrary.ts';

const SEED = Number(process.env['QUOTASTORM_PROP_SEED'] ?? 20261207);
const PATH = process.env['QUOTASTORM_PROP_PATH'];
const NUM_RUNS = 30;
const PROFILES = ['2026.2', '2026.9'] as const;

const scenarioOf = (profile: string): string =>
  JSON.stringify({
    name: 'generated-config',
    description: 'Two messages five seconds apart on a quiet gateway.',
    profile,
    seed: 7,
    host: { heartbeatHasTasks: false },
    steps: [{ name: 'two messages', send: [{ kind: 'burst', count: 2, every: '5s', tokens: 200 }], run: '2m', checks: [{ check: 'rate-limit-errors', max: 0 }, { check: 'replies-delivered' }] }],
  });

let scratchDir = '';
beforeAll(async () => {
  scratchDir = await mkdtemp(join(tmpdir(), 'quotastorm-generated-'));
  for (const profile of PROFILES) await writeFile(join(scratchDir, `scenario-${profile}.json5`), scenarioOf(profile));
});

describe('a generated openclaw.json', () => {
  it('meets the bar on a two-message scenario', async () => {
    let caseNumber = 0;
    const property = fc.asyncProperty(generatedConfig, fc.constantFrom(...PROFILES), async ({ config, canaries }: GeneratedConfig, profile) => {
      const dir = join(scratchDir, `case-${caseNumber++}`);
      await mkdir(dir);
      const configFile = join(dir, 'openclaw.json');
      await writeFile(configFile, JSON.stringify(config, null, 2));
      const run = await runSuite({ scenarioFile: join(scratchDir, `scenario-${profile}.json5`), configFile, outDir: join(dir, 'run'), canaries, gapsExplain: true });
      if (run.problems.length > 0) throw new Error(`${run.problems.join('\n')}\n(exit ${run.exitCode}, profile ${profile})`);
    });
    const details = await fc.check(property, { seed: SEED, numRuns: NUM_RUNS, ...(PATH === undefined ? {} : { path: PATH, endOnFailure: true }) });
    const [counterexample, profile] = details.counterexample ?? [];
    const failure = details.failed
      ? `${String(details.errorInstance)}\nconfig (${profile}): ${JSON.stringify(counterexample?.config)}\n` +
        `replay: QUOTASTORM_PROP_SEED=${details.seed} QUOTASTORM_PROP_PATH=${details.counterexamplePath ?? ''} npx vitest run test/property/generated-config.test.ts`
      : 'none';
    expect(failure).toBe('none');
  }, 60_000);

  it('draws configs that reach a provider and configs that do not', () => {
    const samples = fc.sample(generatedConfig, { seed: SEED, numRuns: NUM_RUNS });
    expect(samples.some(({ config }) => config['channels'] !== undefined)).toBe(true);
    expect(samples.some(({ config }) => (config['models'] as { providers?: object } | undefined)?.providers !== undefined)).toBe(true);
  });
});
