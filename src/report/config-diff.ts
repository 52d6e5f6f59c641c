/**
 * "What changed" between configs, from their root-cause audits: the settings
 * whose effective values differ. Only the audited settings are compared (the
 * ones behind the incident); other keys are not diffed here.
 */
import type { RunResult } from '../scenario/result.ts';

export type SettingChange = {
  readonly id: string;
  readonly setting: string;
  /** Per config, in entry order; undefined where a config's audit lacks the setting. */
  readonly values: readonly ({ readonly value: string; readonly status: string } | undefined)[];
};

/** Settings in order of first appearance across the audits, keeping those whose value is not the same everywhere. */
export function changedSettings(audits: readonly RunResult['rootCauses'][]): SettingChange[] {
  const ids: string[] = [];
  for (const audit of audits) for (const finding of audit) if (!ids.includes(finding.id)) ids.push(finding.id);
  return ids
    .map((id) => {
      const findings = audits.map((audit) => audit.find((finding) => finding.id === id));
      const setting = findings.find((finding) => finding !== undefined)!.setting;
      const values = findings.map((finding) => (finding === undefined ? undefined : { value: finding.value, status: finding.status }));
      return { id, setting, values };
    })
    .filter((change) => new Set(change.values.map((value) => value?.value)).size > 1);
}
