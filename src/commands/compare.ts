import { basename, join } from 'node:path';
import { renderComparison } from '../report/compare.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import { loadScenario } from '../scenario/load.ts';
import { runAndWrite, shownPath } from './run.ts';

export type CompareOptions = { config: string[]; seed?: number; out?: string; variant?: string };

/**
 * `quotastorm compare <scenario> --config A --config B…`: the same scenario
 * and seed against each config, each in its own run folder, and one report
 * side by side. Exit 1 when any config failed a check.
 */
export async function runCompare(file: string, options: CompareOptions): Promise<number> {
  const loaded = await loadScenario(file);
  const entries = [];
  let allOk = true;
  for (const [index, config] of options.config.entries()) {
    const dir = options.out === undefined ? undefined : join(options.out, `${index + 1}-${basename(config).replace(/\.json5?$/, '')}`);
    const { artifacts } = await runAndWrite(loaded, { config, ...(options.seed === undefined ? {} : { seed: options.seed }), ...(dir === undefined ? {} : { out: dir }), ...(options.variant === undefined ? {} : { variant: options.variant }) });
    entries.push({ label: basename(config), result: artifacts.result });
    allOk &&= artifacts.result.verdict.ok;
    process.stdout.write(`${basename(config)}: ${artifacts.result.verdict.passed}/${artifacts.result.verdict.total} passed\n`);
  }
  const out = options.out ?? join('reports', `compare-${loaded.scenario.name}`);
  const reportFile = join(out, 'compare.md');
  await writeFileAtomic(reportFile, renderComparison(entries));
  process.stdout.write(`report: ${shownPath(reportFile)}\n`);
  return allOk ? 0 : 1;
}
