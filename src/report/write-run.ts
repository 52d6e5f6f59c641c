/**
 * Writes a run's outputs, each atomically: the Markdown report, the JSON
 * result beside it (same name, `.json`) and, when asked, JUnit XML. The
 * renderers decide the bytes; this only decides where they go.
 */
import type { RunResult } from '../scenario/result.ts';
import { renderJUnit } from './junit.ts';
import { renderRunReport } from './markdown.ts';
import { renderResultJson } from './result-json.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';

export type RunOutputs = {
  /** `reports/<name>.md`; the JSON result goes to the same path with `.json`. */
  readonly markdownFile: string;
  /** `--junit FILE`. */
  readonly junitFile?: string;
};

export type WrittenFiles = { readonly markdownFile: string; readonly jsonFile: string; readonly junitFile: string | undefined };

export async function writeRunOutputs(result: RunResult, outputs: RunOutputs): Promise<WrittenFiles> {
  const jsonFile = outputs.markdownFile.replace(/\.md$/, '') + '.json';
  await writeFileAtomic(outputs.markdownFile, renderRunReport(result));
  await writeFileAtomic(jsonFile, renderResultJson(result));
  if (outputs.junitFile !== undefined) await writeFileAtomic(outputs.junitFile, renderJUnit(result));
  return { markdownFile: outputs.markdownFile, jsonFile, junitFile: outputs.junitFile };
}
