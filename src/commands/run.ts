import { existsSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { configPathFromEnv, openclawConfigPath } from '../config/config-path.ts';
import { createRealClock } from '../clock/real-clock.ts';
import { loadConfig } from '../config/load.ts';
import { UserError } from '../errors.ts';
import { PROFILES, type ProfileName } from '../gateway/profiles/index.ts';
import { checkOutputDir, checkOutputFile, claimOutputDir } from '../io/output-path.ts';
import { renderRunSummaryJson } from '../report/result-json.ts';
import { renderTerminalSummary } from '../report/terminal.ts';
import { writeRunOutputs, type WrittenFiles } from '../report/write-run.ts';
import { loadScenario, type LoadedScenario } from '../scenario/load.ts';
import { overrideFlags, type ScenarioOverrides } from '../scenario/override-flags.ts';
import { applyOverrides, parseUsersFlag } from '../scenario/overrides.ts';
import { writeRunRecord } from '../scenario/run-dir.ts';
import { runScenario, type RunOutputs, type RunProgress } from '../scenario/runner.ts';
import { requireInstalled, type InstalledGateway } from '../sut/install.ts';
import { createShutdownGuard, insideNamespace, runInNamespace } from '../sut/isolate.ts';
import { canUseNamespaces } from '../sut/netns.ts';
import { runScenarioOnGateway } from '../scenario/real-gateway-run.ts';
import { parseGatewaySpec } from '../sut/versions.ts';
import { checkWorkloadSize } from '../scenario/workload.ts';
import { VERSION } from '../version.ts';
import { configFile, scenarioFile } from './bundled-files.ts';
import { interruptSignal, whileRunning } from './interrupt.ts';
import { createMemoryGuard } from './memory-guard.ts';
import { newReportDir } from './report-dir.ts';

export type RunCommandOptions = {
  config?: string;
  seed?: number;
  out?: string;
  variant?: string;
  junit?: string;
  force?: boolean;
  /** The result as one JSON document on stdout (report/result-json.ts); the human summary goes to stderr. */
  json?: boolean;
  /** Remove the keys the version does not know, as `openclaw doctor --fix` does, instead of refusing the config. */
  doctorFix?: boolean;
  /** No progress, and only the verdict, the report's path and (on failure) the reproduce line. */
  quiet?: boolean;
  /** `--no-color` sets it false: no ANSI colour whatever the terminal or FORCE_COLOR say. */
  color?: boolean;
  /** `embedded` (the default) or a real, installed `openclaw@<version>` (src/scenario/real-gateway-run.ts). */
  gateway?: string;
  /** With a real gateway: no network namespace even when one could be made. */
  isolation?: boolean;
} & ScenarioOverrideOptions;

/** The flags that change the scenario before it runs (scenario/overrides.ts), as commander hands them over. */
type ScenarioOverrideOptions = {
  duration?: string;
  rate?: string;
  users?: string;
  /** The OpenClaw version modelled; default: the scenario's `profile`. */
  profile?: ProfileName;
  threshold?: string[];
};

/**
 * `quotastorm run <scenario>` and `quotastorm suite <suite>`: one scenario
 * against one config; the run folder holds the evidence; exit 1 when a check
 * failed or could not be judged, 130/143 when a signal cut it short.
 * `<scenario>` and `--config` may name a bundled file (bundled-files.ts).
 */
export async function runRunCommand(file: string, options: RunCommandOptions): Promise<number> {
  const loaded = await loadScenario(scenarioFile(file));
  const plan = await planRun(loaded, options);
  const isolated = inNamespaceIfNeeded([plan], options);
  if (isolated !== undefined) return isolated;
  return whileRunning(async () => {
    const { artifacts, files } = await runAndWrite(plan);
    const human = options.json === true ? process.stderr : process.stdout;
    human.write(renderTerminalSummary(artifacts.result, { color: colorWanted(human, options.color), reportPath: shownPath(files.markdownFile), quiet: options.quiet === true }));
    if (options.json === true) process.stdout.write(renderRunSummaryJson(artifacts.result, files));
    return artifacts.result.verdict.ok ? 0 : 1;
  });
}

/** A run whose inputs and outputs were all checked: nothing is left to fail for a reason the user could have fixed first. */
export type RunPlan = {
  readonly loaded: LoadedScenario;
  readonly configFile: string;
  readonly dir: string;
  readonly options: RunCommandOptions;
  /** What the command line changed in the scenario, already laid over `loaded`. */
  readonly overrides: ScenarioOverrides;
  /** The real gateway to run on; undefined: the embedded one. */
  readonly gateway?: RealGatewayPlan;
};

type RealGatewayPlan = { readonly installed: InstalledGateway; readonly isolation: 'netns' | 'none' };

/**
 * Checks everything a run needs before it starts: the config loads, the
 * variant exists, the run folder and `--junit` can be written. Throws a
 * `UserError` naming the first problem.
 */
export async function planRun(asWritten: LoadedScenario, options: RunCommandOptions): Promise<RunPlan> {
  const overrides = overridesOf(options, asWritten.scenario.profile);
  const loaded = applyOverrides(asWritten, overrides);
  const configFile = configOf(loaded, options.config);
  if (options.variant !== undefined && loaded.scenario.variants[options.variant] === undefined) {
    const known = Object.keys(loaded.scenario.variants);
    throw new UserError(`Scenario ${loaded.file} has no variant "${options.variant}"; ${known.length ? `it has: ${known.join(', ')}` : 'it defines none'}.`);
  }
  // A workload the flags made too large names them with the file.
  checkWorkloadSize(loaded.scenario, `${loaded.file}${overrideFlags(overrides) === '' ? '' : ` with${overrideFlags(overrides)}`}`);
  // What the scenario's version refuses to start with is refused here, before any run of a compare starts.
  await loadConfig(configFile, { openclaw: PROFILES[loaded.scenario.profile], doctorFix: options.doctorFix === true });
  const gateway = realGatewayOf(options);
  const dir = options.out ?? defaultRunDir(loaded, options.variant);
  await checkOutputDir(dir, { flag: '--out', force: options.force === true });
  if (options.junit !== undefined) await checkOutputFile(options.junit, '--junit');
  return { loaded, configFile, dir, options, overrides, ...(gateway === undefined ? {} : { gateway }) };
}

/**
 * A real gateway runs inside a loopback-only namespace: when a planned run needs one and this process is not in it,
 * it re-runs itself there and the caller returns that child's exit code; undefined when nothing needs one.
 */
export function inNamespaceIfNeeded(plans: readonly RunPlan[], options: Pick<RunCommandOptions, 'quiet'>): Promise<number> | undefined {
  if (insideNamespace() !== undefined || !plans.some((plan) => plan.gateway?.isolation === 'netns')) return undefined;
  return runInNamespace({ clock: createRealClock(), loopbackNames: ['api.telegram.org'], log: gatewayLog(options) });
}

/**
 * `--gateway openclaw@V`: the install must exist, and a version that only reaches Telegram by its
 * real host name (2026.2.26) needs the namespace, so root.
 */
function realGatewayOf(options: RunCommandOptions): RealGatewayPlan | undefined {
  if (options.gateway === undefined || options.gateway === 'embedded') return undefined;
  if (!options.gateway.startsWith('openclaw@')) throw new UserError(`--gateway takes "embedded" (the default) or a real, installed openclaw@<version>, got "${options.gateway}".`);
  const installed = requireInstalled(parseGatewaySpec(options.gateway));
  if (insideNamespace() !== undefined) return { installed, isolation: 'netns' };
  const possible = options.isolation === false ? { ok: false as const, reason: '--no-isolation was given' } : canUseNamespaces();
  if (possible.ok) return { installed, isolation: 'netns' };
  if (installed.version.telegram === 'tls-hosts') {
    throw new UserError(`--gateway ${options.gateway}: this version reaches Telegram only as api.telegram.org, so it runs inside a network namespace, and ${possible.reason}. Run as root.`);
  }
  return { installed, isolation: 'none' };
}

/**
 * Runs a planned scenario with progress and writes its folder. A signal
 * (interrupt.ts) or a heap past its bound (memory-guard.ts) stops the run
 * at its next slice; the folder is still written, its result marked
 * incomplete.
 */
export async function runAndWrite(plan: RunPlan): Promise<{ artifacts: RunOutputs; dir: string; files: WrittenFiles }> {
  const { loaded, configFile, dir, options, overrides } = plan;
  const progress = options.quiet === true ? Object.assign(() => {}, { done: () => {} }) : progressPrinter();
  const memory = createMemoryGuard();
  try {
    await claimOutputDir(dir, { force: options.force === true });
    const runOptions = {
      loaded,
      configFile,
      version: VERSION,
      signal: AbortSignal.any([interruptSignal(), memory.signal]),
      onProgress: (at: RunProgress) => {
        memory.check();
        progress(at);
      },
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.variant === undefined ? {} : { variant: options.variant }),
      ...(options.doctorFix === true ? { doctorFix: true } : {}),
      overrides,
    };
    const artifacts: RunOutputs = plan.gateway === undefined ? await runScenario(runOptions) : await runOnRealGateway(plan, plan.gateway, runOptions);
    await writeRunRecord(dir, artifacts);
    const files = await writeRunOutputs(artifacts.result, { dir, ...(options.junit === undefined ? {} : { junitFile: options.junit }) });
    const failure = memory.failure(shownPath(dir));
    if (failure !== undefined) throw failure;
    return { artifacts, dir, files };
  } finally {
    progress.done();
  }
}

/**
 * The override flags that change something, and only those: the result records exactly what the
 * user changed (a `--profile` naming the scenario's own profile changes nothing).
 */
function overridesOf(options: ScenarioOverrideOptions, scenarioProfile: ProfileName): ScenarioOverrides {
  return {
    ...(options.duration === undefined ? {} : { duration: options.duration }),
    ...(options.rate === undefined ? {} : { rate: options.rate }),
    ...(options.users === undefined ? {} : { users: parseUsersFlag(options.users) }),
    ...(options.profile === undefined || options.profile === scenarioProfile ? {} : { profile: options.profile }),
    ...(options.threshold === undefined || options.threshold.length === 0 ? {} : { thresholds: options.threshold }),
  };
}

/**
 * The config a run tests: `--config`, else the one the user points OpenClaw at (`$OPENCLAW_CONFIG_PATH`,
 * config/config-path.ts), else the scenario's own, else OpenClaw's default file when it exists.
 */
function configOf(loaded: LoadedScenario, flag: string | undefined): string {
  if (flag !== undefined) return resolve(configFile(flag));
  const fromEnv = configPathFromEnv();
  if (fromEnv !== undefined) return fromEnv;
  if (loaded.configFile !== undefined) return loaded.configFile;
  const fallback = openclawConfigPath();
  if (existsSync(fallback)) return fallback;
  throw new UserError(`Scenario ${loaded.file} names no gateway config, $OPENCLAW_CONFIG_PATH is not set and ${fallback} does not exist: pass --config FILE (an OpenClaw openclaw.json).`);
}

function defaultRunDir(loaded: LoadedScenario, variant: string | undefined): string {
  return newReportDir(`${loaded.scenario.name}${variant === undefined ? '' : `-${variant}`}`);
}

/** Relative to where the user stands when inside it, else absolute. */
export function shownPath(file: string): string {
  const shown = relative(process.cwd(), file);
  return shown === '' || shown.startsWith('..') ? resolve(file) : shown;
}

/**
 * ANSI colour for what goes to `stream`: never with `--no-color` or a non-empty NO_COLOR
 * (no-color.org), always with FORCE_COLOR set to anything but 0 or false (as Node and chalk
 * read it, so a piped CI log can keep colour), else only on a terminal.
 */
export function colorWanted(stream: NodeJS.WriteStream = process.stdout, flag: boolean | undefined = undefined): boolean {
  if (flag === false || (process.env['NO_COLOR'] ?? '') !== '') return false;
  const force = process.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return stream.isTTY === true;
}

/** The real gateway's run: its working files under .cache/runs, cleanup on a signal, its lines on stderr. */
async function runOnRealGateway(plan: RunPlan, gateway: RealGatewayPlan, runOptions: Parameters<typeof runScenario>[0]): Promise<RunOutputs> {
  const log = gatewayLog(plan.options);
  const guard = createShutdownGuard(log);
  const name = `${plan.loaded.scenario.name}${plan.options.variant === undefined ? '' : `-${plan.options.variant}`}`;
  try {
    return await runScenarioOnGateway({
      ...runOptions,
      installed: gateway.installed,
      isolation: gateway.isolation,
      // One per run folder: two runs of one scenario at once do not share a gateway home.
      workDir: resolve('.cache', 'runs', `openclaw-${gateway.installed.version.version}`, `scenario-${name}-${basename(dirname(resolve(plan.dir)))}-${basename(resolve(plan.dir))}`),
      log,
      guard,
    });
  } finally {
    guard.dispose();
  }
}

function gatewayLog(options: Pick<RunCommandOptions, 'quiet'>): (line: string) => void {
  return (line) => {
    if (options.quiet !== true) process.stderr.write(`quotastorm: ${line}\n`);
  };
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
