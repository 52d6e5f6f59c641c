/**
 * Where quotastorm's own files are — the bundled scenarios and OpenClaw
 * configs — and the short names that reach them from anywhere. The folder
 * is found from this module's own URL, so it is the clone's root when run
 * from source and the installed package's folder when run from the
 * package (npm run build keeps the repository's layout).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLED_SCENARIOS_DIR = join(PACKAGE_ROOT, 'scenarios');
const BUNDLED_CONFIGS_DIR = join(BUNDLED_SCENARIOS_DIR, 'configs');

/**
 * A scenario argument as a file: a path as given, or a bundled scenario's
 * name (`stress-suite`, `stress-suite.json5`) when no such file is in the
 * current folder — so `npx quotastorm suite stress-suite` works from any
 * folder. Anything else is returned unchanged, for the loader to name.
 */
export function scenarioFile(argument: string): string {
  return bundledOrAsGiven(argument, BUNDLED_SCENARIOS_DIR);
}

/** As scenarioFile, for `--config`: `feb27-after` is scenarios/configs/feb27-after.json5. */
export function configFile(argument: string): string {
  return bundledOrAsGiven(argument, BUNDLED_CONFIGS_DIR);
}

function bundledOrAsGiven(argument: string, dir: string): string {
  if (/[/\\]/.test(argument) || argument === '' || existsSync(argument)) return argument;
  return [argument, `${argument}.json5`].map((name) => join(dir, name)).find((file) => existsSync(file)) ?? argument;
}
