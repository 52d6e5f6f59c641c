/**
 * What `openclaw doctor --fix` does to keys the version's schema does not know: removes them
 * (`stripUnknownConfigKeys`, openclaw@2026.2.26 dist/doctor-config-flow-*.js: each
 * `unrecognized_keys` issue's keys are deleted from the object at its path; a path that does not
 * lead to a plain object is skipped). A config written for a newer OpenClaw can then run on a
 * pinned one, as its owner would after running doctor. Legacy keys are left alone: doctor
 * migrates them (`migrateLegacyConfig`), which this does not model, so they still refuse the run.
 */
import { openclawSchemaIssues } from './index.ts';

export type DoctorFix = { readonly config: unknown; readonly removed: readonly string[] };

export function stripUnknownConfigKeys(raw: unknown, release: string): DoctorFix {
  const issues = openclawSchemaIssues(raw, release).filter((issue) => issue.message.startsWith('Unrecognized key'));
  if (issues.length === 0) return { config: raw, removed: [] };
  const next = structuredClone(raw) as Record<string, unknown>;
  const removed: string[] = [];
  for (const issue of issues) {
    const path = issue.path === '' ? [] : issue.path.split('.');
    const target = path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), next);
    if (target === null || typeof target !== 'object' || Array.isArray(target)) continue;
    for (const [, key] of issue.message.matchAll(/"([^"]*)"/g)) {
      if (!Object.hasOwn(target, key!)) continue;
      delete (target as Record<string, unknown>)[key!];
      removed.push([...path, key!].join('.'));
    }
  }
  return { config: next, removed };
}
