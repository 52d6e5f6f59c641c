import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSON5 from 'json5';
import { loadScenario, parseScenarioText, type LoadedScenario } from '../../src/scenario/load.ts';
import { runScenario } from '../../src/scenario/runner.ts';
import type { RunResult } from '../../src/scenario/result.ts';

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
