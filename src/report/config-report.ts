import { basename } from 'node:path';
import { loadConfig } from '../config/load.ts';
import { unknownChainModels } from '../config/catalog/model-registry.ts';
import { auditRootCauses, type RootCauseFinding } from '../config/root-causes.ts';
import type { VersionProfile } from '../gateway/profiles/profile.ts';
import { table, wrapProse } from './markdown-text.ts';

export type ConfigReport = { file: string; warnings: string[]; findings: RootCauseFinding[] };

/** The version a report reads configs as: its name and its runtime defaults. */
export type ReportVersion = Pick<VersionProfile, 'name' | 'release' | 'runtimeDefaults' | 'modelRefs' | 'agents' | 'catalog' | 'modelRegistry' | 'legacyConfigRefusal'>;

export async function loadConfigReports(files: readonly string[], profile: ReportVersion, options: { doctorFix?: boolean } = {}): Promise<ConfigReport[]> {
  const reports: ConfigReport[] = [];
  for (const file of files) {
    const loaded = await loadConfig(file, { openclaw: profile, doctorFix: options.doctorFix === true });
    const unknown = unknownChainModels(loaded.config, { rules: profile.modelRegistry, catalog: profile.catalog, modelRefs: profile.modelRefs }).map(
      ({ path, modelRef, error }) => `${path}: OpenClaw ${profile.release} cannot resolve ${modelRef}; its turns fail before any request with "${error}"`,
    );
    reports.push({ file, warnings: [...loaded.warnings, ...unknown], findings: auditRootCauses(loaded, profile) });
  }
  return reports;
}

/**
 * Markdown, one column per config, renderable on GitHub and readable in a
 * terminal. Pure: the same configs give the same bytes (no dates, no paths
 * beyond the ones given).
 */
export function renderConfigReport(reports: readonly ConfigReport[], profile: ReportVersion): string {
  const lines = [
    `# Root-cause settings of the 2026-02-27 incident`,
    '',
    `Static reading of ${reports.length === 1 ? 'one config' : `${reports.length} configs`} as OpenClaw ${profile.name} would run ${reports.length === 1 ? 'it' : 'them'} ` +
      '(defaults filled in). It says which of the incident’s causes each config still carries; ' +
      'it does not run traffic — scenario runs measure what these settings do under load.',
    '',
    ...verdicts(reports),
    '',
    ...settingsTable(reports),
    '',
    '## Why each setting matters',
    '',
    ...reports.flatMap((report) => whyList(report, reports.length > 1)),
  ];
  return `${wrapProse(lines.join('\n')).trimEnd()}\n`;
}

const STATUS_MARK: Record<RootCauseFinding['status'], string> = { ok: 'ok', risk: 'RISK', note: 'note' };

function verdicts(reports: readonly ConfigReport[]): string[] {
  return reports.map((report) => {
    const rootCauses = report.findings.filter((finding) => finding.status !== 'note');
    const fixed = rootCauses.filter((finding) => finding.status === 'ok').length;
    const open = rootCauses.filter((finding) => finding.status === 'risk').map((finding) => finding.id);
    // Per-agent findings share an id: each id once, with how many agents carry it.
    const named = [...new Set(open)].map((id) => {
      const count = open.filter((other) => other === id).length;
      return count === 1 ? id : `${id} ×${count}`;
    });
    const tail = named.length === 0 ? 'none left' : `still present: ${named.join(', ')}`;
    return `- **${basename(report.file)}**: ${fixed}/${rootCauses.length} root causes addressed (${tail})`;
  });
}

function settingsTable(reports: readonly ConfigReport[]): string[] {
  const header = ['Setting', ...reports.map((report) => basename(report.file))];
  // Configs differ in their per-agent rows (`agents.list[i].model`): a row per setting any config has.
  const settings = [...new Set(reports.flatMap((report) => report.findings.map((finding) => finding.setting)))];
  const rows = settings.map((setting) => [
    `\`${setting}\``,
    ...reports.map((report) => {
      const finding = report.findings.find((candidate) => candidate.setting === setting);
      return finding === undefined ? '—' : cell(finding);
    }),
  ]);
  return table(header, rows);
}

function cell(finding: RootCauseFinding): string {
  const source = finding.source === 'default' ? ' _(default)_' : '';
  return `${STATUS_MARK[finding.status]}: ${finding.value}${source}`;
}

function whyList(report: ConfigReport, named: boolean): string[] {
  const heading = named ? [`### ${basename(report.file)}`, ''] : [];
  const items = report.findings.map(
    (finding) => `- ${STATUS_MARK[finding.status]} \`${finding.setting}\`: ${finding.why}`,
  );
  return [...heading, ...items, ''];
}
