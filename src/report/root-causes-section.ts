/** The config's settings behind the 2026-02-27 incident, as the run's static audit read them (redacted). */
import type { RunResult } from '../scenario/result.ts';
import { codeSpan, escapeInline, table } from './markdown-text.ts';

/** The config report's marks, so a run report and `config report` read alike. */
export function statusMark(status: string): string {
  return status === 'risk' ? 'RISK' : status;
}

export function rootCausesSection(result: RunResult): string[] {
  const findings = result.rootCauses;
  if (findings.length === 0) return ['## Config root-cause settings', '', 'No root-cause audit was recorded.', ''];
  const rows = findings.map((finding) => [codeSpan(finding.setting), escapeInline(finding.value), statusMark(finding.status)]);
  return [
    '## Config root-cause settings',
    '',
    `Static reading of ${codeSpan(result.config.file)} as OpenClaw ${escapeInline(result.config.profile)} runs it (defaults filled in, secrets redacted).`,
    '',
    ...table(['Setting', 'Value', 'Status'], rows),
    '',
    ...findings.map((finding) => `- ${statusMark(finding.status)} ${codeSpan(finding.setting)}: ${escapeInline(finding.why)}`),
    '',
  ];
}
