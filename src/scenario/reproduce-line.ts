/**
 * The one-line command that reproduces a run, runnable from any folder. From
 * a clone it names the CLI by its path (`node src/cli.ts` from the clone's
 * root); from an installed package (the CLI under a node_modules folder) it
 * is the package's command, `npx quotastorm`, and the bundled scenarios and
 * configs go by their names (`stress-suite`, `feb27-after`), which the
 * package resolves from any folder (commands/bundled-files.ts). Any other
 * file prints relative when it is below the working folder and absolute
 * otherwise.
 */
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { overrideFlags, type ScenarioOverrides } from './override-flags.ts';

export type ReproducedRun = {
  readonly scenarioFile: string;
  readonly configFile: string;
  readonly seed: number;
  readonly variant?: string | undefined;
  readonly overrides?: ScenarioOverrides | undefined;
  readonly doctorFix?: boolean | undefined;
  /** `openclaw@2026.2.26` when the run drove a real gateway. */
  readonly gateway?: string | undefined;
};

/** Where the CLI runs from: its file and the package root its bundled files are under. */
export type CliInstall = { readonly cliFile: string; readonly packageRoot: string };

// The CLI beside this module, as it runs: src/cli.ts in a clone, src/cli.js in the package.
const THIS_INSTALL: CliInstall = {
  cliFile: fileURLToPath(new URL(`../cli${extname(import.meta.url)}`, import.meta.url)),
  packageRoot: fileURLToPath(new URL('../../', import.meta.url)),
};

export function reproduceLine(run: ReproducedRun, install: CliInstall = THIS_INSTALL): string {
  const installed = install.cliFile.split(sep).includes('node_modules');
  const bundled = (file: string, dir: string) => (installed && resolve(dirname(file)) === resolve(install.packageRoot, dir) ? basename(file).replace(/\.json5$/, '') : portable(file));
  const command = installed ? 'npx quotastorm' : `node ${portable(install.cliFile)}`;
  const variant = run.variant === undefined ? '' : ` --variant ${run.variant}`;
  const overrides = run.overrides === undefined ? '' : overrideFlags(run.overrides);
  const doctorFix = run.doctorFix === true ? ' --doctor-fix' : '';
  const gateway = run.gateway === undefined ? '' : ` --gateway ${run.gateway}`;
  const scenario = bundled(run.scenarioFile, 'scenarios');
  const config = bundled(run.configFile, join('scenarios', 'configs'));
  return `${command} run ${scenario} --config ${config} --seed ${run.seed}${variant}${overrides}${doctorFix}${gateway}`;
}

/**
 * A path below the working folder prints relative to it, so results do not depend on where the
 * project is checked out; any other prints absolute, so the line still runs from that folder.
 */
export function portable(file: string): string {
  const inside = relative(process.cwd(), file);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? resolve(file) : inside;
}
