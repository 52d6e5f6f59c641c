import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRealClock } from '../clock/real-clock.ts';
import { UserError } from '../errors.ts';
import { checkOutputDir, claimOutputDir } from '../io/output-path.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import { renderComparison } from '../report/compare.ts';
import { loadScenario } from '../scenario/load.ts';
import { throwIfInterrupted, whileRunning } from './interrupt.ts';
import { planRun, runAndWrite, shownPath, type RunPlan } from './run.ts';

export type CompareOptions = { config?: string[]; seed?: number; out?: string; variant?: string; force?: boolean };

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `quotastorm compare <scenario> --config A --config B…`: the same scenario
 * and seed against each config, each in its own run folder inside `--out`,
 * and one report side by side. Every config and output is checked before
 * the first run starts. Exit 1 when any config failed a check.
 */
export async function runCompare(file: string, options: CompareOptions): Promise<number> {
  const configs = options.config ?? [];
  if (configs.length < 2) {
    throw new UserError(
      `compare ${file}: got ${configs.length === 0 ? 'no --config' : `one --config (${configs[0]})`}, but a comparison needs at least two: ` +
        'repeat --config for each OpenClaw config to put side by side, e.g. --config scenarios/configs/feb27-before.json5 --config scenarios/configs/feb27-after.json5.',
    );
  }
  const loaded = await loadScenario(file);
  const out = options.out ?? join(PROJECT_ROOT, 'reports', `${stamp()}-compare-${loaded.scenario.name}`);
  const force = options.force === true;
  await checkOutputDir(out, { flag: '--out', force });
  const plans: RunPlan[] = [];
  for (const [index, config] of configs.entries()) {
    const dir = join(out, `${index + 1}-${basename(config).replace(/\.json5?$/, '')}`);
    plans.push(await planRun(loaded, { config, out: dir, force, ...(options.seed === undefined ? {} : { seed: options.seed }), ...(options.variant === undefined ? {} : { variant: options.variant }) }));
  }
  return whileRunning(async () => {
    await claimOutputDir(out, { force });
    const entries = [];
    let allOk = true;
    for (const [index, plan] of plans.entries()) {
      const label = basename(configs[index]!);
      const { artifacts } = await runAndWrite(plan);
      entries.push({ label, result: artifacts.result });
      allOk &&= artifacts.result.verdict.ok;
      process.stdout.write(`${label}: ${artifacts.result.verdict.passed}/${artifacts.result.verdict.total} passed${artifacts.result.incomplete ? ' (incomplete run)' : ''}\n`);
      throwIfInterrupted();
    }
    const reportFile = join(out, 'compare.md');
    await writeFileAtomic(reportFile, renderComparison(entries));
    process.stdout.write(`report: ${shownPath(reportFile)}\n`);
    return allOk ? 0 : 1;
  });
}

function stamp(): string {
  return new Date(createRealClock().now()).toISOString().replaceAll(':', '-').replace(/\.\d+Z$/, 'Z');
}
