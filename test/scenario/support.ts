import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import JSON5 from 'json5';
import { loadScenario, parseScenarioText, type LoadedScenario } from '../../src/scenario/load.ts';
import { runScenario } from '../../src/scenario/runner.ts';
import type { RunResult } from '../../src/scenario/result.ts';
import { stripUnknownConfigKeys } from '../../src/config/openclaw-schema/doctor-fix.ts';

export const AFTER = 'scenarios/configs/feb27-after.json5';
export const BEFORE = 'scenarios/configs/feb27-before.json5';

/** A bundled config with some top-level keys replaced (deep-merged one level into objects), written to a temp file. */
export async function configVariant(base: string, patch: (config: Record<string, any>) => void): Promise<string> {
  const config = JSON5.parse(await readFile(base, 'utf8')) as Record<string, any>;
  patch(config);
  const file = join(await mkdtemp(join(tmpdir(), 'quotastorm-config-')), 'openclaw.json');
  await writeFile(file, JSON.stringify(config, null, 2));
  return file;
}

export async function run(scenario: string | LoadedScenario, config: string, seed?: number): Promise<RunResult> {
  const loaded = typeof scenario === 'string' ? await loadScenario(scenario) : scenario;
  const { result } = await runScenario({ loaded, configFile: config, version: 'test', ...(seed === undefined ? {} : { seed }) });
  return result;
}

export function inlineScenario(json5: string): LoadedScenario {
  return parseScenarioText(json5, 'inline-scenario.json5');
}

export function statusOf(result: RunResult, check: string): string[] {
  return result.checks.filter((entry) => entry.check === check).map((entry) => entry.status);
}

/**
 * A real config a test runs for another reason, made one the version starts with: its unknown
 * keys removed in place as `--doctor-fix` removes them (src/config/openclaw-schema/doctor-fix.ts).
 */
export function doctorFix(config: Record<string, any>, release = '2026.2.26'): void {
  const { config: fixed, removed } = stripUnknownConfigKeys(config, release);
  if (removed.length === 0) return;
  for (const key of Object.keys(config)) delete config[key];
  Object.assign(config, fixed);
}

/**
 * A copy of a bundled scenario on profile 2026.9, for configs with keys only 2026.9's schema
 * has (channels.telegram.apiRoot); its config path is made absolute so the copy finds it.
 */
export async function scenarioOn2026_9(file: string): Promise<string> {
  const text = (await readFile(file, 'utf8'))
    .replace('profile: "2026.2"', 'profile: "2026.9"')
    .replace('$schema: "./scenario.schema.json",', '')
    .replace(/config: "(configs\/[^"]+)"/, (_, path: string) => `config: ${JSON.stringify(resolve('scenarios', path))}`);
  const copy = join(await mkdtemp(join(tmpdir(), 'quotastorm-scenario-')), basename(file));
  await writeFile(copy, text);
  return copy;
}
