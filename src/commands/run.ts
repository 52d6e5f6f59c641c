import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRealClock } from '../clock/real-clock.ts';
import { UserError } from '../errors.ts';
import { renderJUnit } from '../report/junit.ts';
import { renderRunReport } from '../report/markdown.ts';
import { renderTerminalSummary } from '../report/terminal.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import { loadScenario, type LoadedScenario } from '../scenario/load.ts';
import { writeRunDir } from '../scenario/run-dir.ts';
import { runScenario, type RunArtifacts, type RunProgress } from '../scenario/runner.ts';
import { VERSION } from '../version.ts';

export type RunCommandOptions = { config?: string; seed?: number; out?: string; variant?: string; junit?: string };

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `quotastorm run <scenario>` and `quotastorm suite <suite>`: one scenario
 * against one config; the run folder holds the evidence; exit 1 when a check
 * failed or could not be judged.
 */
export async function runRunCommand(file: string, options: RunCommandOptions): Promise<number> {
  const loaded = await loadScenario(file);
  const { artifacts, dir } = await runAndWrite(loaded, options);
  process.stdout.write(renderTerminalSummary(artifacts.result, { color: colorWanted(), reportPath: shownPath(join(dir, 'report.md')) }));
  return artifacts.result.verdict.ok ? 0 : 1;
}

/** Runs one scenario with Ctrl-C handling and progress, and writes its folder. */
export async function runAndWrite(loaded: LoadedScenario, options: RunCommandOptions): Promise<{ artifacts: RunArtifacts; dir: string }> {
  const configFile = configOf(loaded, options.config);
  if (options.variant !== undefined && loaded.scenario.variants[options.variant] === undefined) {
    const known = Object.keys(loaded.scenario.variants);
    throw new UserError(`Scenario ${loaded.file} has no variant "${options.variant}"; ${known.length ? `it has: ${known.join(', ')}` : 'it defines none'}.`);
  }
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once('SIGINT', onSigint);
  const progress = progressPrinter();
  try {
    const artifacts = await runScenario({
      loaded,
      configFile,
      version: VERSION,
      signal: abort.signal,
      onProgress: progress,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.variant === undefined ? {} : { variant: options.variant }),
    });
    const dir = options.out ?? defaultRunDir(loaded, options.variant);
    await writeRunDir(dir, artifacts, renderRunReport(artifacts.result));
    if (options.junit !== undefined) await writeFileAtomic(options.junit, renderJUnit(artifacts.result));
    return { artifacts, dir };
  } finally {
    process.off('SIGINT', onSigint);
    progress.done();
  }
}

function configOf(loaded: LoadedScenario, flag: string | undefined): string {
  if (flag !== undefined) return resolve(flag);
  if (loaded.configFile !== undefined) return loaded.configFile;
  throw new UserError(`Scenario ${loaded.file} names no gateway config: pass --config FILE (an OpenClaw openclaw.json).`);
}

function defaultRunDir(loaded: LoadedScenario, variant: string | undefined): string {
  const stamp = new Date(createRealClock().now()).toISOString().replaceAll(':', '-').replace(/\.\d+Z$/, 'Z');
  return join(PROJECT_ROOT, 'reports', `${stamp}-${loaded.scenario.name}${variant === undefined ? '' : `-${variant}`}`);
}

/** Relative to where the user stands when inside it, else absolute. */
export function shownPath(file: string): string {
  const shown = relative(process.cwd(), file);
  return shown === '' || shown.startsWith('..') ? resolve(file) : shown;
}

function colorWanted(): boolean {
  return process.stdout.isTTY === true && !process.env['NO_COLOR'];
}

/** Progress on stderr, only for a terminal and only once a run has taken over a second. */
function progressPrinter(): ((progress: RunProgress) => void) & { done(): void } {
  const clock = createRealClock();
  const startedMs = clock.now();
  let shown = false;
  const print = (progress: RunProgress) => {
    if (process.stderr.isTTY !== true || clock.now() - startedMs < 1_000) return;
    shown = true;
    const hours = (progress.simulatedMs / 3_600_000).toFixed(2);
    process.stderr.write(`\r${progress.step}: ${hours} h simulated · ${progress.userTurns} turns · ${progress.served429} × 429 so far   `);
  };
  return Object.assign(print, { done: () => shown && process.stderr.write('\n') });
}
