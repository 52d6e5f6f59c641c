import { join } from 'node:path';
import { PROFILES, type ProfileName } from '../gateway/profiles/index.ts';
import { loadConfigReports, renderConfigReport } from '../report/config-report.ts';
import { checkOutputDir, claimOutputDir } from '../io/output-path.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import { renderStartSummaryJson } from '../report/result-json.ts';
import { renderTerminalSummary } from '../report/terminal.ts';
import { loadScenario } from '../scenario/load.ts';
import { planIncident, runPlannedIncident } from './incident.ts';
import { throwIfInterrupted, whileRunning } from './interrupt.ts';
import { BUNDLED_SCENARIOS_DIR, PACKAGE_ROOT } from './bundled-files.ts';
import { newReportDir } from './report-dir.ts';
import { writeRunIndex } from './run-index-file.ts';
import { colorWanted, planRun, runAndWrite, shownPath } from './run.ts';

const CONFIGS = ['feb27-before.json5', 'feb27-after.json5'].map((name) => join(BUNDLED_SCENARIOS_DIR, 'configs', name));
// Named, not left to the suite's default, so $OPENCLAW_CONFIG_PATH (which `run` honours) does not replace the bundled job's config.
const SUITE_CONFIG = CONFIGS[1]!;

export type StartOptions = {
  out?: string;
  /** The OpenClaw version modelled: the suite, the four incident runs and the root-cause table alike. */
  profile: ProfileName;
  force?: boolean;
  /** No progress; the suite's verdict line and the reports' paths only. */
  quiet?: boolean;
  /** One JSON document on stdout (report/result-json.ts `renderStartSummaryJson`); the lines go to stderr. */
  json?: boolean;
  /** `--no-color` sets it false. */
  color?: boolean;
};

/** The suite's and the incident's runs, every input and output checked, all on the version `--profile` names. */
export async function planStart(options: StartOptions) {
  const out = options.out ?? newReportDir('start');
  const force = options.force === true;
  const quiet = options.quiet === true ? { quiet: true } : {};
  await checkOutputDir(out, { flag: '--out', force });
  const suitePlan = await planRun(await loadScenario(join(BUNDLED_SCENARIOS_DIR, 'stress-suite.json5')), { config: SUITE_CONFIG, out: join(out, 'stress-suite'), force, profile: options.profile, ...quiet });
  const incidentPlan = await planIncident({ out: join(out, 'incident'), force, profile: options.profile, ...quiet });
  return { out, force, suitePlan, incidentPlan };
}

/**
 * `npm start`: the main job on bundled defaults. The stress suite on the
 * fixed config (the write-up's 6/6), the incident replayed on both configs,
 * and the static root-cause table — all under one new folder in reports/,
 * every part on the version `--profile` names.
 * Exit 0 when the suite passes and the replay reproduces the incident.
 */
export async function runStart(options: StartOptions): Promise<number> {
  const profile = PROFILES[options.profile];
  const { out, force, suitePlan, incidentPlan } = await planStart(options);
  const reports = await loadConfigReports(CONFIGS, profile);
  const human = options.json === true ? process.stderr : process.stdout;
  return whileRunning(async () => {
    await claimOutputDir(out, { force });
    if (options.quiet !== true) human.write(`== stress suite on scenarios/configs/feb27-after.json5 (profile ${options.profile})\n`);
    const suite = await runAndWrite(suitePlan);
    human.write(
      renderTerminalSummary(suite.artifacts.result, { color: colorWanted(human as NodeJS.WriteStream, options.color), reportPath: shownPath(suite.files.markdownFile), quiet: options.quiet === true }),
    );
    throwIfInterrupted();
    if (options.quiet !== true) human.write('\n== the 2026-02-27 incident, before and after the fix\n');
    const incident = await runPlannedIncident(incidentPlan, human);
    const configReport = join(out, 'config-report.md');
    await writeFileAtomic(configReport, renderConfigReport(reports.map((report) => ({ ...report, file: report.file.slice(PACKAGE_ROOT.length) })), profile));
    human.write(`${options.quiet === true ? '' : '\n'}root-cause settings: ${shownPath(configReport)}\n`);
    const index = await writeRunIndex(out, {
      title: 'quotastorm start',
      about:
        'The stress suite on the fixed config, the 2026-02-27 incident replayed on both configs, and the static root-cause table, by `quotastorm start`. ' +
        'The before-config\'s incident runs are meant to fail: they reproduce the incident.',
      runs: [{ dir: suite.dir, result: suite.artifacts.result }, ...incident.indexed],
      documents: [
        { path: 'incident/incident.md', what: 'the incident replayed: causes, symptoms, where the write-up and the code disagree' },
        { path: 'config-report.md', what: 'the root-cause settings of both configs, read statically' },
      ],
    });
    human.write(`index: ${shownPath(index)}\n`);
    const ok = suite.artifacts.result.verdict.ok && incident.exitCode === 0;
    if (options.json === true) {
      process.stdout.write(renderStartSummaryJson({ ok, dir: out, suite: { result: suite.artifacts.result, files: suite.files }, incident, configReport }));
    }
    return ok ? 0 : 1;
  });
}
