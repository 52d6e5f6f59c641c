/**
 * Writes a run's outputs into its folder, each atomically: the Markdown
 * report, JUnit XML when asked, and result.json last — its presence says the
 * folder is complete (the run record's files come first, scenario/run-dir.ts).
 * Both documents go through the renderers, which redact what they print.
 */
import { join } from 'node:path';
import type { RunResult } from '../scenario/result.ts';
import { renderJUnit } from './junit.ts';
import { renderRunReport } from './markdown.ts';
import { renderResultJson } from './result-json.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';

export type RunOutputs = {
  /** The run folder: report.md and result.json go here. */
  readonly dir: string;
  /** `--junit FILE`. */
  readonly junitFile?: string;
};

export type WrittenFiles = { readonly markdownFile: string; readonly jsonFile: string; readonly junitFile: string | undefined };

export async function writeRunOutputs(result: RunResult, outputs: RunOutputs): Promise<WrittenFiles> {
  const markdownFile = join(outputs.dir, 'report.md');
  const jsonFile = join(outputs.dir, 'result.json');
  await writeFileAtomic(markdownFile, renderRunReport(result));
  if (outputs.junitFile !== undefined) await writeFileAtomic(outputs.junitFile, renderJUnit(result));
  await writeFileAtomic(jsonFile, renderResultJson(result));
  return { markdownFile, jsonFile, junitFile: outputs.junitFile };
}
