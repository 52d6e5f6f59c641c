import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.ts';
import { checkOutputDir, claimOutputDir } from '../io/output-path.ts';
import { mergeReports, parseReport } from '../sut/conformance/report.ts';
import { summary, writeConformanceReport } from './conformance-compare.ts';

export type ConformanceMergeOptions = {
  out: string;
  force?: boolean;
};

/**
 * `quotastorm conformance merge PART… --out DIR`: the partial reports of
 * shards 1…n (each a conformance.json, or the folder holding it) → the
 * conformance.md + conformance.json the unsharded run writes, byte for byte.
 */
export async function runConformanceMerge(parts: string[], options: ConformanceMergeOptions): Promise<number> {
  const reports = [];
  for (const part of parts) {
    const file = part.endsWith('.json') ? part : join(part, 'conformance.json');
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) throw new UserError(`${file} was not found: give each shard's conformance.json, or its --out folder.`);
    reports.push({ file, report: parseReport(text, file) });
  }
  const merged = mergeReports(reports);
  await checkOutputDir(options.out, { flag: '--out', force: options.force ?? false });
  await claimOutputDir(options.out, { force: options.force ?? false });
  await writeConformanceReport(options.out, merged);
  process.stderr.write(`quotastorm conformance merge: ${parts.length} shard(s): ${summary(merged)}\n`);
  return merged.verdicts.every((verdict) => verdict.agrees) ? 0 : 1;
}
