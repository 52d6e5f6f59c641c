import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRealClock } from '../clock/real-clock.ts';
import { PROFILES, type ProfileName } from '../gateway/profiles/index.ts';
import { loadConfigReports, renderConfigReport } from '../report/config-report.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import { runIncident } from './incident.ts';
import { runRunCommand, shownPath } from './run.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIGS = ['feb27-before.json5', 'feb27-after.json5'].map((name) => join(PROJECT_ROOT, 'scenarios', 'configs', name));

/**
 * `npm start`: the main job on bundled defaults. The stress suite on the
 * fixed config (the write-up's 6/6), the incident replayed on both configs,
 * and the static root-cause table — all under one new folder in reports/.
 * Exit 0 when the suite passes and the replay reproduces the incident.
 */
export async function runStart(options: { out?: string; profile: ProfileName }): Promise<number> {
  const profile = PROFILES[options.profile];
  const out = options.out ?? join(PROJECT_ROOT, 'reports', `${stamp()}-start`);
  process.stdout.write('== stress suite on scenarios/configs/feb27-after.json5\n');
  const suite = await runRunCommand(join(PROJECT_ROOT, 'scenarios', 'stress-suite.json5'), { out: join(out, 'stress-suite') });
  process.stdout.write('\n== the 2026-02-27 incident, before and after the fix\n');
  const incident = await runIncident({ out: join(out, 'incident') });
  const reports = await loadConfigReports(CONFIGS, profile);
  const configReport = join(out, 'config-report.md');
  await writeFileAtomic(configReport, renderConfigReport(reports.map((report) => ({ ...report, file: report.file.slice(PROJECT_ROOT.length) })), profile));
  process.stdout.write(`\nroot-cause settings: ${shownPath(configReport)}\n`);
  return suite === 0 && incident === 0 ? 0 : 1;
}

function stamp(): string {
  return new Date(createRealClock().now()).toISOString().replaceAll(':', '-').replace(/\.\d+Z$/, 'Z');
}
