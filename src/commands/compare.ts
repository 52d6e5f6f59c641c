import { basename, join } from 'node:path';
import { UserError } from '../errors.ts';
import { checkOutputDir, checkOutputFile, claimOutputDir } from '../io/output-path.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import { renderComparison } from '../report/compare.ts';
import { loadPrices } from '../report/prices-file.ts';
import { renderJUnitSuites } from '../report/junit.ts';
import { renderCompareSummaryJson } from '../report/result-json.ts';
import { loadScenario } from '../scenario/load.ts';
import { throwIfInterrupted, whileRunning } from './interrupt.ts';
import { configFile, scenarioFile } from './bundled-files.ts';
import { newReportDir } from './report-dir.ts';
import { writeRunIndex } from './run-index-file.ts';
import { inNamespaceIfNeeded, planRun, runAndWrite, shownPath, type RunCommandOptions, type RunPlan } from './run.ts';

export type CompareOptions = {
  config?: string[];
  seed?: number;
  out?: string;
  variant?: string;
  force?: boolean;
  json?: boolean;
  doctorFix?: boolean;
  junit?: string;
  /** No progress: each config's verdict line and the report's path only. */
  quiet?: boolean;
  /** A JSON file of prices for the cost table (report/prices-file.ts). */
  prices?: string;
} & Pick<RunCommandOptions, 'duration' | 'rate' | 'users' | 'profile' | 'threshold' | 'gateway' | 'isolation'>;

/**
 * `quotastorm compare <scenario> --config A --config B…`: the same scenario
 * and seed against each config, each in its own run folder inside `--out`,
 * and one report side by side. Every config and output is checked before
 * the first run starts. Exit 1 when any config failed a check. With
 * `--json` stdout holds one JSON document (report/result-json.ts) and the
 * progress lines go to stderr.
 */
export async function runCompare(file: string, options: CompareOptions): Promise<number> {
  const configs = options.config ?? [];
  if (configs.length < 2) {
    throw new UserError(
      `compare ${file}: got ${configs.length === 0 ? 'no --config' : `one --config (${configs[0]})`}, but a comparison needs at least two: ` +
        'repeat --config for each OpenClaw config to put side by side, e.g. --config scenarios/configs/feb27-before.json5 --config scenarios/configs/feb27-after.json5.',
    );
  }
  const loaded = await loadScenario(scenarioFile(file));
  const out = options.out ?? newReportDir(`compare-${loaded.scenario.name}`);
  const force = options.force === true;
  await checkOutputDir(out, { flag: '--out', force });
  if (options.junit !== undefined) await checkOutputFile(options.junit, '--junit');
  const prices = options.prices === undefined ? {} : await loadPrices(options.prices);
  // Every run gets the same scenario changes; the rest of the options are compare's own.
  const { config: _configs, out: _out, junit: _junit, json: _json, prices: _prices, ...shared } = options;
  const plans: RunPlan[] = [];
  for (const [index, config] of configs.entries()) {
    const dir = join(out, `${index + 1}-${basename(config).replace(/\.json5?$/, '')}`);
    plans.push(await planRun(loaded, { ...shared, config: configFile(config), out: dir, force }));
  }
  const isolated = inNamespaceIfNeeded(plans, options);
  if (isolated !== undefined) return isolated;
  const human = options.json === true ? process.stderr : process.stdout;
  return whileRunning(async () => {
    await claimOutputDir(out, { force });
    const entries = [];
    const runs = [];
    let allOk = true;
    for (const [index, plan] of plans.entries()) {
      const label = basename(configs[index]!);
      const { artifacts, files, dir } = await runAndWrite(plan);
      entries.push({ label, result: artifacts.result });
      runs.push({ result: artifacts.result, files, dir });
      allOk &&= artifacts.result.verdict.ok;
      human.write(`${label}: ${artifacts.result.verdict.passed}/${artifacts.result.verdict.total} passed${artifacts.result.incomplete ? ' (incomplete run)' : ''}\n`);
      throwIfInterrupted();
    }
    const reportFile = join(out, 'compare.md');
    await writeFileAtomic(reportFile, renderComparison(entries, { prices }));
    await writeRunIndex(out, {
      title: `quotastorm compare: ${loaded.scenario.name}`,
      about: `One scenario and seed run against ${runs.length} configs by \`quotastorm compare\`, one folder per config.`,
      runs: runs.map((run) => ({ dir: run.dir, result: run.result })),
      documents: [{ path: 'compare.md', what: 'the configs side by side: checks, deltas, load charts, cascades' }],
    });
    if (options.junit !== undefined) await writeFileAtomic(options.junit, renderJUnitSuites(runs.map((run) => run.result)));
    human.write(`report: ${shownPath(reportFile)}\n`);
    if (options.json === true) process.stdout.write(renderCompareSummaryJson(runs, reportFile));
    return allOk ? 0 : 1;
  });
}
