import { join } from 'node:path';
import { PROFILES, type ProfileName } from '../gateway/profiles/index.ts';
import { loadConfigReports, renderConfigReport } from '../report/config-report.ts';
import { checkOutputDir, claimOutputDir } from '../io/output-path.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import { renderTerminalSummary } from '../report/terminal.ts';
import { loadScenario } from '../scenario/load.ts';
import { planIncident, runPlannedIncident } from './incident.ts';
import { throwIfInterrupted, whileRunning } from './interrupt.ts';
import { BUNDLED_SCENARIOS_DIR, PACKAGE_ROOT } from './bundled-files.ts';
import { newReportDir } from './report-dir.ts';
import { writeRunIndex } from './run-index-file.ts';
import { colorWanted, planRun, runAndWrite, shownPath } from './run.ts';

const CONFIGS = ['feb27-before.json5', 'feb27-after.json5'].map((name) => join(BUNDLED_SCENARIOS_DIR, 'configs', name));

/**
 * `npm start`: the main job on bundled defaults. The stress suite on the
 * fixed config (the write-up's 6/6), the incident replayed on both configs,
 * and the static root-cause table — all under one new folder in reports/.
 * Exit 0 when the suite passes and the replay reproduces the incident.
 */
export async function runStart(options: { out?: string; profile: ProfileName; force?: boolean }): Promise<number> {
  const profile = PROFILES[options.profile];
  const out = options.out ?? newReportDir('start');
  const force = options.force === true;
  await checkOutputDir(out, { flag: '--out', force });
  const suitePlan = await planRun(await loadScenario(join(BUNDLED_SCENARIOS_DIR, 'stress-suite.json5')), { out: join(out, 'stress-suite'), force });
  const incidentPlan = await planIncident({ out: join(out, 'incident'), force });
  const reports = await loadConfigReports(CONFIGS, profile);
  return whileRunning(async () => {
    await claimOutputDir(out, { force });
    process.stdout.write('== stress suite on scenarios/configs/feb27-after.json5\n');
    const { artifacts, dir } = await runAndWrite(suitePlan);
    process.stdout.write(renderTerminalSummary(artifacts.result, { color: colorWanted(), reportPath: shownPath(join(dir, 'report.md')) }));
    throwIfInterrupted();
    process.stdout.write('\n== the 2026-02-27 incident, before and after the fix\n');
    const incident = await runPlannedIncident(incidentPlan);
    const configReport = join(out, 'config-report.md');
    await writeFileAtomic(configReport, renderConfigReport(reports.map((report) => ({ ...report, file: report.file.slice(PACKAGE_ROOT.length) })), profile));
    process.stdout.write(`\nroot-cause settings: ${shownPath(configReport)}\n`);
    const index = await writeRunIndex(out, {
      title: 'quotastorm start',
      about:
        'The stress suite on the fixed config, the 2026-02-27 incident replayed on both configs, and the static root-cause table, by `quotastorm start`. ' +
        'The before-config\'s incident runs are meant to fail: they reproduce the incident.',
      runs: [{ dir, result: artifacts.result }, ...incident.runs],
      documents: [
        { path: 'incident/incident.md', what: 'the incident replayed: causes, symptoms, where the write-up and the code disagree' },
        { path: 'config-report.md', what: 'the root-cause settings of both configs, read statically' },
      ],
    });
    process.stdout.write(`index: ${shownPath(index)}\n`);
    return artifacts.result.verdict.ok && incident.exitCode === 0 ? 0 : 1;
  });
}
