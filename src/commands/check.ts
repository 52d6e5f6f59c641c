import { join } from 'node:path';
import { renderTerminalSummary } from '../report/terminal.ts';
import { UserError } from '../errors.ts';
import { judgeRecord, verdictOf, type ChecksOfStep } from '../scenario/judge.ts';
import { loadScenario } from '../scenario/load.ts';
import type { RunRecord } from '../scenario/record.ts';
import { readRunDir } from '../scenario/run-dir.ts';
import { parseThreshold, withThresholds } from '../scenario/thresholds.ts';
import { colorWanted, shownPath } from './run.ts';

export type CheckCommandOptions = { suite?: string; threshold?: string[]; color?: boolean };

/**
 * `quotastorm check <run-dir>`: judges a saved run again from its record —
 * the checks it ran, or a suite's, with `--threshold` laid over them — and
 * prints the verdict as `run` does. Exit 1 when a check failed or could not
 * judge, 2 for a missing file or a bad flag. The folder is not changed.
 */
export async function runCheckCommand(dir: string, options: CheckCommandOptions): Promise<number> {
  const thresholds = (options.threshold ?? []).map(parseThreshold);
  const { result, record } = await readRunDir(dir);
  const planned = options.suite === undefined ? (step: RunRecord['steps'][number]) => step.checks : await suiteChecks(options.suite, record, dir);
  const checks = judgeRecord(record, withThresholds(record.steps, planned, thresholds));
  const judged = { ...result, checks, verdict: verdictOf(checks, result.incomplete) };
  const changes = [...(options.suite === undefined ? [] : [`--suite ${options.suite}`]), ...thresholds.map((threshold) => `--threshold '${threshold.source}'`)];
  const reportPath = shownPath(join(dir, 'report.md'));
  process.stdout.write(
    renderTerminalSummary(judged, { color: colorWanted(process.stdout, options.color), reportPath: changes.length === 0 ? reportPath : `${reportPath} (as run; the verdicts above are judged with ${changes.join(' ')})` }),
  );
  return judged.verdict.ok ? 0 : 1;
}

/** The suite's checks for each step the run had, matched by step name. */
async function suiteChecks(file: string, record: RunRecord, dir: string): Promise<ChecksOfStep> {
  const { scenario } = await loadScenario(file);
  const ran = new Set(record.steps.map((step) => step.name));
  const missing = scenario.steps.find((step) => step.checks.length > 0 && !ran.has(step.name));
  if (missing !== undefined) {
    throw new UserError(`Suite ${file} has checks for step "${missing.name}", which the run in ${dir} did not have; its steps are: ${[...ran].join(', ')}.`);
  }
  const byName = new Map(scenario.steps.map((step) => [step.name, step.checks]));
  return (step) => byName.get(step.name) ?? [];
}
