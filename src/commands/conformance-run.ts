import { copyFile, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseJson5 } from '../config/load.ts';
import { createRealClock } from '../clock/real-clock.ts';
import { UserError } from '../errors.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import { checkOutputDir, claimOutputDir } from '../io/output-path.ts';
import { CONFORMANCE_TOLERANCES, failed, judgeRecorded } from '../sut/conformance/compare-recorded.ts';
import { DIMENSIONS } from '../sut/conformance/judge.ts';
import { buildReport, parseShard, selectShard, type Verdict } from '../sut/conformance/report.ts';
import { shrinkCase, type CaseDocument } from '../sut/conformance/shrink.ts';
import { requireInstalled } from '../sut/install.ts';
import { createShutdownGuard, insideNamespace, runInNamespace } from '../sut/isolate.ts';
import { canUseNamespaces } from '../sut/netns.ts';
import { loadTraceCase, type TraceCase } from '../sut/trace-case.ts';
import { parseGatewaySpec, SUPPORTED_VERSIONS } from '../sut/versions.ts';
import { summary, writeConformanceReport } from './conformance-compare.ts';
import { writeGeneratedCases } from './conformance-generate.ts';
import { recordOne, recordsInVirtualTime } from './record.ts';

export type ConformanceRunOptions = {
  gateway: string[];
  seed?: number;
  count?: number;
  shard?: string;
  out: string;
  runsDir: string;
  isolation: boolean;
  virtualTime?: boolean;
  realTime?: boolean;
  force?: boolean;
  /** Shrink each disagreeing case by recording smaller candidates (at most `shrinkTries` each). */
  shrink?: boolean;
  shrinkTries?: number;
};

/**
 * `quotastorm conformance run --gateway openclaw@V (--seed S --count N | CASE…) [--shard i/n] --out DIR`:
 * the cases (generated into DIR/cases, or given), each of this shard recorded on the real gateway
 * through `record`'s own path (recordOne: its namespace when root, its clock per version), the
 * traces written to DIR/traces/openclaw-<V>/<case>.json, then judged against the embedded gateway
 * as `conformance compare` does: DIR/conformance.md + conformance.json (partial with --shard).
 * A case that fails to record is listed as a disagreement with the error. Exit 1 if any disagrees.
 * With --shrink each disagreeing case is shrunk (shrink.ts): every candidate recorded and judged the
 * same way, kept while it disagrees on a dimension the case disagreed on; the smallest goes to
 * DIR/shrunk/<case>.json5 with its trace in DIR/shrunk/traces/.
 */
export async function runConformanceRun(caseNames: string[], options: ConformanceRunOptions): Promise<number> {
  const say = (line: string) => process.stderr.write(`quotastorm conformance run: ${line}\n`);
  const generated = options.seed !== undefined || options.count !== undefined;
  if (generated && (options.seed === undefined || options.count === undefined)) throw new UserError('conformance run needs both --seed and --count to generate cases.');
  if (generated === (caseNames.length > 0)) throw new UserError('conformance run takes either --seed S --count N (generated cases) or case files, not both and not neither.');
  if (options.gateway.length === 0) throw new UserError(`conformance run needs --gateway openclaw@<version> (supported: ${SUPPORTED_VERSIONS.map((v) => `openclaw@${v}`).join(', ')}).`);
  if (options.virtualTime && options.realTime) throw new UserError('conformance run takes --virtual-time or --real-time, not both.');
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const versions = options.gateway.map(parseGatewaySpec);
  const installs = versions.map((version) => requireInstalled(version));
  const clock = createRealClock();
  await checkOutputDir(options.out, { flag: '--out', force: options.force ?? false });

  // As `record` does: as root the whole command runs again inside a loopback-only namespace; nothing is written before.
  if (options.isolation && insideNamespace() === undefined) {
    const possible = canUseNamespaces();
    if (possible.ok) return runInNamespace({ clock, loopbackNames: ['api.telegram.org'], log: say });
    const needing = versions.filter((version) => version.telegram === 'tls-hosts').map((version) => `openclaw@${version.version}`);
    if (needing.length > 0) throw new UserError(`${needing.join(', ')} can only be recorded inside a network namespace, and ${possible.reason}.`);
    say(`WARNING: not isolated (${possible.reason}); the gateway runs on this host's loopback. --no-isolation silences this.`);
  }
  const isolation = insideNamespace() === undefined ? 'none' : 'netns';

  await claimOutputDir(options.out, { force: options.force ?? false });
  const caseFiles = generated
    ? await writeGeneratedCases({ seed: options.seed!, count: options.count!, out: join(options.out, 'cases') })
    : caseNames;
  const cases = await Promise.all(caseFiles.map(loadTraceCase));
  const caseDirs = [...new Set(cases.map((traceCase) => dirname(traceCase.file)))];
  const runs = selectShard(
    installs.flatMap((installed) => cases.map((traceCase) => ({ installed, traceCase }))),
    ({ installed, traceCase }) => `${installed.version.version}/${traceCase.name}`,
    shard,
  );
  say(`${runs.length} recording(s)${shard === undefined ? '' : ` (shard ${shard.index}/${shard.count})`}, one at a time`);

  const recordOptions = { gateway: options.gateway, goldenDir: '', runsDir: options.runsDir, isolation: options.isolation, virtualTime: options.virtualTime, realTime: options.realTime };
  const guard = createShutdownGuard(say);
  const verdicts: Verdict[] = [];
  try {
    for (const { installed, traceCase } of runs) {
      const version = installed.version.version;
      const label = `${traceCase.name} on openclaw@${version}`;
      say(`${label}: recording in ${recordsInVirtualTime(installed.version, options) ? 'virtual' : 'real'} time`);
      const verdict = await recordAndJudge(traceCase, installed, caseDirs, options.out, () => recordOne(traceCase, installed, recordOptions, isolation, guard, say));
      say(`${label}: ${verdict.agrees ? 'agrees' : `DISAGREES${verdict.error === null ? '' : ` (${verdict.error.split('\n')[0]})`}`}`);
      verdicts.push(verdict);
      if (options.shrink && !verdict.agrees && verdict.error === null) {
        await shrinkByRecording(traceCase, verdict, options, (candidate) => recordOne(candidate, installed, recordOptions, isolation, guard, say), say);
      }
    }
  } finally {
    guard.dispose();
  }
  const report = buildReport(verdicts, CONFORMANCE_TOLERANCES, shard);
  await writeConformanceReport(options.out, report);
  say(summary(report));
  return report.verdicts.every((verdict) => verdict.agrees) ? 0 : 1;
}

async function recordAndJudge(
  traceCase: TraceCase,
  installed: ReturnType<typeof requireInstalled>,
  caseDirs: readonly string[],
  out: string,
  record: () => ReturnType<typeof recordOne>,
): Promise<Verdict> {
  const base = { version: installed.version.version, case: traceCase.name, description: traceCase.description };
  let trace;
  try {
    trace = await record();
  } catch (error) {
    return failed(base, `not recorded: ${error instanceof Error ? error.message : String(error)}`);
  }
  await writeFileAtomic(resolve(out, 'traces', `openclaw-${base.version}`, `${traceCase.name}.json`), `${JSON.stringify(trace, null, 2)}\n`);
  return judgeRecorded(trace, caseDirs);
}

/**
 * Shrinks a disagreeing case on the real gateway: each candidate is written to DIR/shrink/<case>.json5
 * (the same name, so its trace names the same case), recorded and judged; the smallest that still
 * disagrees on one of the verdict's failing dimensions is written to DIR/shrunk/.
 */
async function shrinkByRecording(
  traceCase: TraceCase,
  verdict: Verdict,
  options: ConformanceRunOptions,
  record: (candidate: TraceCase) => ReturnType<typeof recordOne>,
  say: (line: string) => void,
): Promise<void> {
  const failing = DIMENSIONS.filter((dimension) => !verdict.dimensions[dimension]);
  const scratchDir = resolve(options.out, 'shrink');
  const shrunkDir = resolve(options.out, 'shrunk');
  const original = parseJson5(await readFile(traceCase.file, 'utf8'), traceCase.file, 'trace case') as CaseDocument;
  let smallestTrace: Awaited<ReturnType<typeof recordOne>> | undefined;
  say(`${traceCase.name}: shrinking (disagrees on ${failing.join(', ')})`);
  const result = await shrinkCase(
    original,
    async (candidate) => {
      const file = await writeCaseBeside(traceCase, candidate, scratchDir, '');
      try {
        const trace = await record(await loadTraceCase(file));
        const judged = await judgeRecorded(trace, [scratchDir]);
        const disagrees = judged.error === null && failing.some((dimension) => !judged.dimensions[dimension]);
        if (disagrees) smallestTrace = trace;
        return disagrees;
      } catch (error) {
        say(`${traceCase.name}: a candidate failed to record (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); skipped`);
        return false;
      }
    },
    { maxTries: options.shrinkTries ?? 12 },
  );
  const header = result.steps.length === 0 ? 'no smaller case disagrees' : result.steps.join('; ');
  const description = `${traceCase.name} shrunk (${header}); was: ${String(original['description'])}`;
  await writeCaseBeside(traceCase, { ...result.document, description }, shrunkDir, `// Shrunk from ${traceCase.name} (${result.tried} candidate(s) recorded): ${header}.\n`);
  if (smallestTrace !== undefined) {
    await writeFileAtomic(join(shrunkDir, 'traces', `openclaw-${verdict.version}`, `${traceCase.name}.json`), `${JSON.stringify(smallestTrace, null, 2)}\n`);
  }
  say(`${traceCase.name}: shrunk in ${result.steps.length} step(s) of ${result.tried} tried: ${header}`);
}

/** Writes a case document to `dir`/<case>.json5 with the OpenClaw configs it resolves beside it; returns the file. */
async function writeCaseBeside(traceCase: TraceCase, document: CaseDocument, dir: string, header: string): Promise<string> {
  const from = dirname(traceCase.file);
  const file = join(dir, basename(traceCase.file));
  const config = typeof document['config'] === 'string' ? document['config'] : undefined;
  const configs = (await readdir(from)).filter((name) => name.endsWith('.openclaw.json5'));
  const local = config === undefined || configs.includes(config);
  await writeFileAtomic(file, `${header}${JSON.stringify(local ? document : { ...document, config: relative(dir, resolve(from, config)) }, null, 2)}\n`);
  for (const name of configs) await copyFile(join(from, name), join(dir, name));
  return file;
}
