import { dirname, join, resolve } from 'node:path';
import { createRealClock } from '../clock/real-clock.ts';
import { UserError } from '../errors.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import { checkOutputDir, claimOutputDir } from '../io/output-path.ts';
import { CONFORMANCE_TOLERANCES, failed, judgeRecorded } from '../sut/conformance/compare-recorded.ts';
import { buildReport, parseShard, selectShard, type Verdict } from '../sut/conformance/report.ts';
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
};

/**
 * `quotastorm conformance run --gateway openclaw@V (--seed S --count N | CASE…) [--shard i/n] --out DIR`:
 * the cases (generated into DIR/cases, or given), each of this shard recorded on the real gateway
 * through `record`'s own path (recordOne: its namespace when root, its clock per version), the
 * traces written to DIR/traces/openclaw-<V>/<case>.json, then judged against the embedded gateway
 * as `conformance compare` does: DIR/conformance.md + conformance.json (partial with --shard).
 * A case that fails to record is listed as a disagreement with the error. Exit 1 if any disagrees.
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

  // As `record` does: as root the whole command runs again inside a loopback-only namespace; nothing is written before.
  if (options.isolation && insideNamespace() === undefined) {
    const possible = canUseNamespaces();
    if (possible.ok) return runInNamespace({ clock, loopbackNames: ['api.telegram.org'], log: say });
    const needing = versions.filter((version) => version.telegram === 'tls-hosts').map((version) => `openclaw@${version.version}`);
    if (needing.length > 0) throw new UserError(`${needing.join(', ')} can only be recorded inside a network namespace, and ${possible.reason}.`);
    say(`WARNING: not isolated (${possible.reason}); the gateway runs on this host's loopback. --no-isolation silences this.`);
  }
  const isolation = insideNamespace() === undefined ? 'none' : 'netns';

  await checkOutputDir(options.out, { flag: '--out', force: options.force ?? false });
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
