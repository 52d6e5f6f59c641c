import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createRealClock } from '../clock/real-clock.ts';
import { loadConfig } from '../config/load.ts';
import { UserError } from '../errors.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import { compareTrace, type CompareTolerances, formatDifferences } from '../sut/compare.ts';
import { requireInstalled } from '../sut/install.ts';
import { createShutdownGuard, insideNamespace, runInNamespace } from '../sut/isolate.ts';
import { canUseNamespaces } from '../sut/netns.ts';
import { recordCase } from '../sut/recorder.ts';
import { GoldenTraceSchema } from '../sut/trace.ts';
import { buildTrace } from '../sut/trace-build.ts';
import { isCaseFileName, loadTraceCase, TRACE_CASES_DIR, type TraceCase } from '../sut/trace-case.ts';
import { parseGatewaySpec, SUPPORTED_VERSIONS, type OpenclawVersion } from '../sut/versions.ts';

export type RecordCommandOptions = {
  gateway: string[];
  all?: boolean;
  outDir?: string;
  goldenDir: string;
  runsDir: string;
  compare?: boolean;
  isolation: boolean;
  toleranceMs?: number;
  /** Run every case with this OpenClaw config instead of the cases' base config. */
  config?: string;
  /** The gateway on quotastorm's clock (src/clock/coordinator/); default: the version's `recordClock`. */
  virtualTime?: boolean;
  /** The gateway in real time, whatever the version's default. */
  realTime?: boolean;
};

/**
 * `quotastorm record <case…> --gateway openclaw@<version>`: runs each case
 * against the real, installed gateway and writes its golden trace (src/sut/).
 * With --compare the new traces go to a scratch folder and are compared
 * with the committed ones (`npm run record`).
 */
export async function runRecord(caseNames: string[], options: RecordCommandOptions): Promise<number> {
  const say = (line: string) => process.stderr.write(`quotastorm record: ${line}\n`);
  const specs = options.gateway;
  if (specs.length === 0) throw new UserError(`record needs --gateway openclaw@<version> (supported: ${SUPPORTED_VERSIONS.map((v) => `openclaw@${v}`).join(', ')}).`);
  const versions = specs.map(parseGatewaySpec);
  const names = options.all ? readdirSync(TRACE_CASES_DIR).filter(isCaseFileName).map((file) => file.replace(/\.json5$/, '')).sort() : caseNames;
  if (names.length === 0) throw new UserError('record needs case names (scenarios/trace-cases/<name>.json5) or --all.');
  const cases = await Promise.all(names.map(loadTraceCase));
  if (options.config !== undefined) await loadConfig(options.config);
  if (options.config !== undefined && (options.outDir === undefined || options.compare)) {
    throw new UserError('record --config records your config, not the golden traces: give --out-dir (e.g. --out-dir reports/traces), and no --compare.');
  }
  if (options.virtualTime && options.realTime) throw new UserError('record takes --virtual-time or --real-time, not both.');
  const installs = versions.map((version) => requireInstalled(version));
  const clock = createRealClock();

  if (options.isolation && insideNamespace() === undefined) {
    const possible = canUseNamespaces();
    if (possible.ok) return runInNamespace({ clock, loopbackNames: ['api.telegram.org'], log: say });
    const needing = versions.filter((version) => version.telegram === 'tls-hosts').map((version) => `openclaw@${version.version}`);
    if (needing.length > 0) {
      throw new UserError(`${needing.join(', ')} can only be recorded inside a network namespace, and ${possible.reason}.`);
    }
    say(`WARNING: not isolated (${possible.reason}); the gateway runs on this host's loopback. --no-isolation silences this.`);
  }
  const isolation = insideNamespace() === undefined ? 'none' : 'netns';
  const outDir = resolve(options.outDir ?? (options.compare ? join(options.runsDir, 'rerecorded') : options.goldenDir));

  const guard = createShutdownGuard(say);
  const failures: string[] = [];
  let recorded = 0;
  let skipped = 0;
  try {
    for (const installed of installs) {
      for (const traceCase of cases) {
        const label = `${traceCase.name} on openclaw@${installed.version.version}`;
        const skip = traceCase.versions[installed.version.version]?.skip;
        if (skip) {
          say(`${label}: skipped: ${skip}`);
          skipped++;
          continue;
        }
        say(`${label}: recording in ${recordsInVirtualTime(installed.version, options) ? 'virtual' : 'real'} time`);
        try {
          const trace = await recordOne(traceCase, installed, options, isolation, guard, say);
          const file = join(outDir, `openclaw-${installed.version.version}`, `${traceCase.name}.json`);
          await writeFileAtomic(file, `${JSON.stringify(trace, null, 2)}\n`);
          recorded++;
          say(`${label}: wrote ${file}`);
          if (options.compare) {
            const tolerances = { ...installed.version.compareTolerances, ...(options.toleranceMs === undefined ? {} : { toleranceMs: options.toleranceMs }) };
            const problem = await compareWithGolden(file, join(resolve(options.goldenDir), `openclaw-${installed.version.version}`, `${traceCase.name}.json`), tolerances);
            if (problem) {
              failures.push(`${label}: ${problem}`);
              say(`${label}: DIFFERS from the committed trace\n${problem}`);
            } else say(`${label}: matches the committed trace`);
          }
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          failures.push(`${label}: ${message}`);
          say(`${label}: FAILED: ${message}`);
        }
      }
    }
  } finally {
    guard.dispose();
  }
  say(`${recorded} recorded, ${skipped} skipped, ${failures.length} failed${options.compare ? ' or different' : ''}`);
  for (const failure of failures) say(`  - ${failure.split('\n')[0]}`);
  return failures.length === 0 ? 0 : 1;
}

export async function recordOne(
  traceCase: TraceCase,
  installed: ReturnType<typeof requireInstalled>,
  options: RecordCommandOptions,
  isolation: 'netns' | 'none',
  guard: ReturnType<typeof createShutdownGuard>,
  say: (line: string) => void,
) {
  const clock = createRealClock();
  const runDir = resolve(options.runsDir, `openclaw-${installed.version.version}`, traceCase.name);
  const raw = await recordCase(traceCase, {
    clock,
    installed,
    runDir,
    isolation,
    guard,
    log: (line) => say(`  ${line}`),
    ...(options.config === undefined ? {} : { configFile: options.config }),
    ...(recordsInVirtualTime(installed.version, options) ? { virtualTime: true } : {}),
  });
  const trace = GoldenTraceSchema.parse(buildTrace(raw, new Date(clock.now()).toISOString()));
  await writeFile(join(runDir, 'trace.json'), `${JSON.stringify(trace, null, 2)}\n`);
  return trace;
}

/** The flag if one was given, else the version's own clock (versions.ts `recordClock`). */
export function recordsInVirtualTime(version: OpenclawVersion, options: Pick<RecordCommandOptions, 'virtualTime' | 'realTime'>): boolean {
  if (options.virtualTime) return true;
  if (options.realTime) return false;
  return version.recordClock === 'virtual';
}

async function compareWithGolden(actualFile: string, goldenFile: string, tolerances: Partial<CompareTolerances>): Promise<string | undefined> {
  if (!existsSync(goldenFile)) return `no committed trace at ${goldenFile}`;
  const expected = GoldenTraceSchema.parse(JSON.parse(await readFile(goldenFile, 'utf8')));
  const actual = GoldenTraceSchema.parse(JSON.parse(await readFile(actualFile, 'utf8')));
  const comparison = compareTrace(expected, actual, tolerances);
  return comparison.ok ? undefined : formatDifferences(comparison);
}
