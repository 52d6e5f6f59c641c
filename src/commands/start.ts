import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRealClock } from '../clock/real-clock.ts';
import type { GatewayProfile } from '../config/runtime-defaults.ts';
import { loadConfigReports, renderConfigReport } from '../report/config-report.ts';
import { writeFileAtomic } from '../report/write.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLED_CONFIGS = ['feb27-before.json5', 'feb27-after.json5'].map((name) => join(PROJECT_ROOT, 'scenarios', 'configs', name));

/**
 * `npm start`. Until scenario runs exist (issue #8), the honest default job is
 * the static root-cause report on the bundled before/after configs: it loads
 * both as the gateway would, and writes what each still carries of the
 * incident's causes. It sends no traffic and says so in the report.
 */
export async function runStart(options: { out?: string; profile: GatewayProfile }): Promise<number> {
  const reports = await loadConfigReports(BUNDLED_CONFIGS, options.profile);
  const outDir = options.out ?? join(PROJECT_ROOT, 'reports', `${runStamp()}-config-report`);
  const reportFile = join(outDir, 'config-report.md');
  const shown = reports.map((report) => ({ ...report, file: relative(PROJECT_ROOT, report.file) }));
  await writeFileAtomic(reportFile, renderConfigReport(shown, options.profile));

  process.stdout.write('quotastorm: scenario runs are not built yet; ran the static root-cause report on the bundled configs.\n');
  for (const report of reports) {
    const risks = report.findings.filter((finding) => finding.status === 'risk');
    const summary = risks.length === 0 ? 'no incident root cause left' : `${risks.length} root cause(s): ${risks.map((r) => r.id).join(', ')}`;
    process.stdout.write(`  ${relative(PROJECT_ROOT, report.file)}: ${summary}\n`);
  }
  // As given with --out; the default folder relative to where the user stands.
  process.stdout.write(`report: ${options.out === undefined ? relative(process.cwd(), reportFile) : reportFile}\n`);
  return 0;
}

// The folder name is the only wall-clock value in a report run; report bodies carry none.
function runStamp(): string {
  return new Date(createRealClock().now()).toISOString().replaceAll(':', '-').replace(/\.\d+Z$/, 'Z');
}
