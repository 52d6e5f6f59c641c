import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import { checkOutputDir, claimOutputDir } from '../io/output-path.ts';
import { compareRecorded } from '../sut/conformance/compare-recorded.ts';
import { parseShard, reportJson, type ConformanceReport } from '../sut/conformance/report.ts';
import { renderReportMarkdown } from '../sut/conformance/report-markdown.ts';
import { TRACE_CASES_DIR } from '../sut/trace-case.ts';

export type ConformanceCompareOptions = {
  out: string;
  shard?: string;
  /** Folders with the traces' case files (default: scenarios/trace-cases). */
  cases?: string[];
  force?: boolean;
};

/**
 * `quotastorm conformance compare <traces…|dir> [--shard i/n] --out DIR`:
 * the embedded gateway on each recorded trace's case, judged per dimension;
 * DIR/conformance.md + DIR/conformance.json. Exit 1 if any trace disagrees.
 */
export async function runConformanceCompare(paths: string[], options: ConformanceCompareOptions): Promise<number> {
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  await checkOutputDir(options.out, { flag: '--out', force: options.force ?? false });
  const caseDirs = (options.cases ?? [TRACE_CASES_DIR]).map((dir) => resolve(dir));
  const say = (line: string) => process.stderr.write(`quotastorm conformance compare: ${line}\n`);
  const report = await compareRecorded(paths, {
    caseDirs,
    ...(shard === undefined ? {} : { shard }),
    onVerdict: (verdict) => say(`openclaw@${verdict.version} ${verdict.case}: ${verdict.agrees ? 'agrees' : `DISAGREES${verdict.error === null ? '' : ` (${verdict.error})`}`}`),
  });
  await claimOutputDir(options.out, { force: options.force ?? false });
  await writeConformanceReport(options.out, report);
  say(summary(report));
  return report.verdicts.every((verdict) => verdict.agrees) ? 0 : 1;
}

/** conformance.json and conformance.md into `dir`. */
export async function writeConformanceReport(dir: string, report: ConformanceReport): Promise<void> {
  await writeFileAtomic(join(dir, 'conformance.json'), reportJson(report));
  await writeFileAtomic(join(dir, 'conformance.md'), renderReportMarkdown(report));
}

export function summary(report: ConformanceReport): string {
  return report.totals.map((totals) => `openclaw@${totals.version}: ${totals.agreeing} of ${totals.cases} agree`).join('; ') || 'no traces judged';
}
