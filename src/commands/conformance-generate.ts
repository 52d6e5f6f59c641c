import { copyFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import { checkOutputDir, claimOutputDir } from '../io/output-path.ts';
import { generateCases, renderCaseFile } from '../sut/conformance/generate.ts';
import { TRACE_CASES_DIR } from '../sut/trace-case.ts';

export type ConformanceGenerateOptions = {
  seed: number;
  count: number;
  out: string;
  force?: boolean;
};

/**
 * `quotastorm conformance generate --seed S --count N --out DIR`: writes
 * DIR/gen-S-<i>.json5 and, beside them, the base config every case resolves
 * (`config` defaults to `base.openclaw.json5` in the case's own folder) with
 * its per-version overlays, copied from scenarios/trace-cases/.
 */
export async function runConformanceGenerate(options: ConformanceGenerateOptions): Promise<number> {
  await checkOutputDir(options.out, { flag: '--out', force: options.force ?? false });
  const files = await writeGeneratedCases(options);
  process.stderr.write(`quotastorm conformance generate: wrote ${files.length} case(s) to ${options.out}\n`);
  return 0;
}

/** Claims the folder and writes the cases and base configs; returns the cases' paths. */
export async function writeGeneratedCases(options: ConformanceGenerateOptions): Promise<string[]> {
  const dir = resolve(options.out);
  await claimOutputDir(dir, { force: options.force ?? false });
  for (const base of (await readdir(TRACE_CASES_DIR)).filter((name) => /^base\..*openclaw\.json5$/.test(name))) {
    await copyFile(join(TRACE_CASES_DIR, base), join(dir, base));
  }
  const command = `quotastorm conformance generate --seed ${options.seed} --count ${options.count} --out ${options.out}`;
  const files: string[] = [];
  for (const generated of generateCases({ seed: options.seed, count: options.count })) {
    const file = join(dir, `${generated.name}.json5`);
    await writeFileAtomic(file, renderCaseFile(generated, command));
    files.push(file);
  }
  return files;
}
