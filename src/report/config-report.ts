import { basename } from 'node:path';
import { loadConfig } from '../config/load.ts';
import { auditRootCauses, type RootCauseFinding } from '../config/root-causes.ts';
import type { VersionProfile } from '../gateway/profiles/profile.ts';
import { LAYER_MEANING, LAYERS, type Layer } from '../scenario/layers.ts';
import { lintConfig, type LintFinding } from '../scenario/lint.ts';
import { table, wrapProse } from './markdown-text.ts';

/** A row of the report: a root-cause setting as the audit reads it, or a lint risk beyond them (the token budget, an unknown model). */
type ReportRow = RootCauseFinding | { readonly id: string; readonly setting: string; readonly value: string; readonly source: 'config'; readonly status: 'risk'; readonly why: string };

export type ConfigReport = {
  file: string;
  warnings: string[];
  /** Every row, its status `risk` exactly when a lint finding names it. */
  findings: ReportRow[];
  /** What `quotastorm lint` finds in the same config: the report's risks are these. */
  risks: LintFinding[];
};

export async function loadConfigReports(files: readonly string[], profile: VersionProfile, options: { doctorFix?: boolean } = {}): Promise<ConfigReport[]> {
  const reports: ConfigReport[] = [];
  for (const file of files) {
    const loaded = await loadConfig(file, { openclaw: profile, doctorFix: options.doctorFix === true });
    const risks = lintConfig(loaded, profile);
    reports.push({ file, warnings: [...loaded.warnings], findings: rowsOf(auditRootCauses(loaded, profile), risks), risks });
  }
  return reports;
}

/**
 * The audit's rows with lint's verdict on each (a row is a risk when a finding names its setting),
 * then a row per finding no setting holds: lint and this report share one definition of a risk.
 */
function rowsOf(audit: readonly RootCauseFinding[], risks: readonly LintFinding[]): ReportRow[] {
  const named = new Set(risks.map((risk) => risk.setting));
  const rows: ReportRow[] = audit.map((finding) => {
    if (finding.status === 'note' || named.has(finding.setting) === (finding.status === 'risk')) return finding;
    return named.has(finding.setting) ? { ...finding, status: 'risk' } : { ...finding, status: 'ok' };
  });
  const beyond = risks.filter((risk) => !audit.some((finding) => finding.setting === risk.setting));
  return [...rows, ...beyond.map((risk) => ({ id: risk.rule, setting: risk.setting, value: `${risk.rule} at ${risk.path}`, source: 'config' as const, status: 'risk' as const, why: risk.message }))];
}

/**
 * Markdown, one column per config, renderable on GitHub and readable in a
 * terminal. Pure: the same configs give the same bytes (no dates, no paths
 * beyond the ones given).
 */
export function renderConfigReport(reports: readonly ConfigReport[], profile: Pick<VersionProfile, 'name'>): string {
  const lines = [
    `# Root-cause settings of the 2026-02-27 incident`,
    '',
    `Static reading of ${reports.length === 1 ? 'one config' : `${reports.length} configs`} as OpenClaw ${profile.name} would run ${reports.length === 1 ? 'it' : 'them'} ` +
      '(defaults filled in). It says which of the incident’s causes each config still carries; ' +
      'it does not run traffic — scenario runs measure what these settings do under load. ' +
      'A risk here is a finding of `quotastorm lint` on the same config (it exits 1 on any), each named with the layer where it would show.',
    '',
    ...verdicts(reports),
    '',
    ...settingsTable(reports),
    '',
    '## Why each setting matters',
    '',
    ...reports.flatMap((report) => whyList(report, reports.length > 1)),
    ...layerLegend(reports),
  ];
  return `${wrapProse(lines.join('\n')).trimEnd()}\n`;
}

const STATUS_MARK: Record<RootCauseFinding['status'], string> = { ok: 'ok', risk: 'RISK', note: 'note' };

/** `- **a.json5**: 5/6 root causes addressed (still present: token-budget [providers])`, the risks being lint's findings. */
function verdicts(reports: readonly ConfigReport[]): string[] {
  return reports.map((report) => {
    const rows = report.findings.filter((finding) => finding.status !== 'note');
    const fixed = rows.filter((finding) => finding.status === 'ok').length;
    const open = report.risks.map((risk) => `${risk.rule} [${risk.layer}]`);
    // Per-agent findings share a rule: each once, with how many agents carry it.
    const named = [...new Set(open)].map((name) => {
      const count = open.filter((other) => other === name).length;
      return count === 1 ? name : `${name} ×${count}`;
    });
    const tail = named.length === 0 ? 'none left; `quotastorm lint` exits 0' : `still present: ${named.join(', ')}; \`quotastorm lint\` exits 1`;
    return `- **${basename(report.file)}**: ${fixed}/${rows.length} root causes addressed (${tail})`;
  });
}

/** What each layer a risk names means. */
function layerLegend(reports: readonly ConfigReport[]): string[] {
  const used: Layer[] = LAYERS.filter((layer) => reports.some((report) => report.risks.some((risk) => risk.layer === layer)));
  if (used.length === 0) return [];
  return ['Layers: ' + used.map((layer) => `**${layer}**, ${LAYER_MEANING[layer]}`).join('; ') + '.'];
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

function cell(finding: ReportRow): string {
  const source = finding.source === 'default' ? ' _(default)_' : '';
  return `${STATUS_MARK[finding.status]}: ${finding.value}${source}`;
}

function whyList(report: ConfigReport, named: boolean): string[] {
  const heading = named ? [`### ${basename(report.file)}`, ''] : [];
  const items = report.findings.map((finding) => {
    const risk = report.risks.find((candidate) => candidate.setting === finding.setting);
    const layer = finding.status === 'risk' && risk !== undefined ? ` _(${risk.layer})_` : '';
    return `- ${STATUS_MARK[finding.status]} \`${finding.setting}\`${layer}: ${finding.status === 'risk' && risk !== undefined ? risk.message : finding.why}`;
  });
  return [...heading, ...items, ''];
}
