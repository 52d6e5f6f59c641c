/**
 * The JSON result written beside a report: the same value the report was
 * rendered from (key-shaped secrets redacted, as in the report), two-space
 * indented, newline-terminated. Key order is the runner's construction order,
 * so the bytes are as deterministic as the run.
 *
 * `run --json`, `suite --json` and `compare --json` print the same value on
 * stdout with one key added, `files`: where the run's report, result.json and
 * JUnit file were written (absolute paths); `incident --json` and `start
 * --json` print each of their runs that way.
 */
import { dirname, resolve } from 'node:path';
import type { RunResult } from '../scenario/result.ts';
import { redactResult } from './redact-result.ts';

/** Where write-run.ts put a run's outputs (its WrittenFiles), as this module needs them without importing it back. */
type WrittenFiles = { readonly markdownFile: string; readonly jsonFile: string; readonly junitFile: string | undefined };

export function renderResultJson(result: RunResult): string {
  return `${JSON.stringify(redactResult(result), null, 2)}\n`;
}

/** What `--json` prints for one run: result.json's object and the `files` it was written to. */
export function renderRunSummaryJson(result: RunResult, files: WrittenFiles): string {
  return `${JSON.stringify(runSummary(result, files), null, 2)}\n`;
}

/** `compare --json`: whether every config passed, the side-by-side report, and each run as `run --json` prints it. */
export function renderCompareSummaryJson(runs: readonly { readonly result: RunResult; readonly files: WrittenFiles }[], reportFile: string): string {
  const summary = { ok: runs.every(({ result }) => result.verdict.ok), report: resolve(reportFile), runs: runs.map(({ result, files }) => runSummary(result, files)) };
  return `${JSON.stringify(summary, null, 2)}\n`;
}

type WrittenRun = { readonly result: RunResult; readonly files: WrittenFiles };

/** `incident --json`: whether the replay reproduced the incident, the incident report, and each of the four runs as `run --json` prints it. */
export function renderIncidentSummaryJson(incident: { readonly reproduced: boolean; readonly reportFile: string; readonly runs: Readonly<Record<string, WrittenRun>> }): string {
  return `${JSON.stringify(incidentSummary(incident), null, 2)}\n`;
}

/**
 * `start --json`: the stress suite's run, the incident as `incident --json` prints it, and the
 * root-cause table's file; `ok` is start's own exit status (the suite passed and the incident reproduced).
 */
export function renderStartSummaryJson(start: {
  readonly ok: boolean;
  readonly dir: string;
  readonly suite: WrittenRun;
  readonly incident: { readonly reproduced: boolean; readonly reportFile: string; readonly runs: Readonly<Record<string, WrittenRun>> };
  readonly configReport: string;
}): string {
  const summary = { ok: start.ok, dir: resolve(start.dir), suite: runSummary(start.suite.result, start.suite.files), incident: incidentSummary(start.incident), configReport: resolve(start.configReport) };
  return `${JSON.stringify(summary, null, 2)}\n`;
}

function incidentSummary(incident: { readonly reproduced: boolean; readonly reportFile: string; readonly runs: Readonly<Record<string, WrittenRun>> }) {
  return {
    reproduced: incident.reproduced,
    report: resolve(incident.reportFile),
    runs: Object.fromEntries(Object.entries(incident.runs).map(([name, { result, files }]) => [name, runSummary(result, files)])),
  };
}

function runSummary(result: RunResult, files: WrittenFiles) {
  return {
    ...redactResult(result),
    files: {
      dir: dirname(resolve(files.markdownFile)),
      report: resolve(files.markdownFile),
      result: resolve(files.jsonFile),
      ...(files.junitFile === undefined ? {} : { junit: resolve(files.junitFile) }),
    },
  };
}
