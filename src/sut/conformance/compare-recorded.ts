/**
 * Compare-only conformance: recorded traces of the real OpenClaw (golden
 * format, trace.ts) → the embedded gateway run on each one's case
 * (golden-run.ts) → a verdict per trace (judge.ts). No real gateway is
 * needed, so a report over already recorded traces can be rebuilt, sharded
 * and merged anywhere.
 *
 * A trace names its case; the case file is looked up as `<case>.json5` in
 * the case folders given, in order (its turns, `atMs`, preloads and fault
 * schedule are not all in the trace).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../errors.ts';
import { DEFAULT_TOLERANCES } from '../compare.ts';
import { loadTraceCase } from '../trace-case.ts';
import { GoldenTraceSchema, TRACE_FORMAT, type GoldenTrace } from '../trace.ts';
import { checkConformance } from './golden-run.ts';
import { DIMENSIONS, judgeTrace, type Dimension } from './judge.ts';
import { buildReport, selectShard, type ConformanceReport, type Shard, type Verdict } from './report.ts';

export type CompareRecordedOptions = {
  /** Folders holding the traces' case files, looked in in order. */
  readonly caseDirs: readonly string[];
  readonly shard?: Shard;
  /** Told each trace as it is judged (progress). */
  readonly onVerdict?: (verdict: Verdict) => void;
};

/** The timing tolerances of a conformance report: compare.ts's defaults, as the golden conformance test uses them. */
export const CONFORMANCE_TOLERANCES = DEFAULT_TOLERANCES;

/** Judges the traces at `paths` (files, or folders searched for traces) and builds the report of the shard. */
export async function compareRecorded(paths: readonly string[], options: CompareRecordedOptions): Promise<ConformanceReport> {
  const traces = await loadRecordedTraces(paths);
  const verdicts: Verdict[] = [];
  for (const trace of selectShard(traces, (item) => `${item.gateway.version}/${item.case}`, options.shard)) {
    const verdict = await judgeRecorded(trace, options.caseDirs);
    options.onVerdict?.(verdict);
    verdicts.push(verdict);
  }
  return buildReport(verdicts, CONFORMANCE_TOLERANCES, options.shard);
}

/** The embedded gateway on one recorded trace's case, judged; a verdict with the error if it cannot run. */
export async function judgeRecorded(trace: GoldenTrace, caseDirs: readonly string[]): Promise<Verdict> {
  const base = { version: trace.gateway.version, case: trace.case, description: trace.description };
  const caseFile = caseDirs.map((dir) => join(dir, `${trace.case}.json5`)).find((file) => existsSync(file));
  if (caseFile === undefined) return failed(base, `no case file ${trace.case}.json5 in ${caseDirs.join(', ')}`);
  try {
    const { run } = await checkConformance(trace, await loadTraceCase(caseFile), CONFORMANCE_TOLERANCES);
    const judgement = judgeTrace(trace, run.trace, CONFORMANCE_TOLERANCES);
    return { ...base, agrees: DIMENSIONS.every((dimension) => judgement.dimensions[dimension]), dimensions: judgement.dimensions, differences: [...judgement.differences], error: null };
  } catch (error) {
    return failed(base, error instanceof Error ? error.message : String(error));
  }
}

/** A verdict for a trace that could not be judged (not recorded, no case file, a crash): every dimension disagrees. */
export function failed(base: Pick<Verdict, 'version' | 'case' | 'description'>, error: string): Verdict {
  const dimensions = Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, false])) as Record<Dimension, boolean>;
  return { ...base, agrees: false, dimensions, differences: [], error };
}

/** Every trace at the paths: a file is one trace; a folder is searched (recursively) for `*.json` files that are traces. */
async function loadRecordedTraces(paths: readonly string[]): Promise<GoldenTrace[]> {
  if (paths.length === 0) throw new UserError('conformance compare needs recorded traces: files, or folders holding them (e.g. test/golden).');
  const traces: GoldenTrace[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) throw new UserError(`${path} does not exist: give recorded traces (golden format), or folders holding them.`);
    if (info.isDirectory()) {
      for (const file of await jsonFilesUnder(path)) {
        const json = readJson(await readFile(file, 'utf8')) as { format?: unknown } | undefined;
        if (json?.format === TRACE_FORMAT) traces.push(parseTrace(json, file));
      }
    } else {
      traces.push(parseTrace(readJson(await readFile(path, 'utf8')), path));
    }
  }
  if (traces.length === 0) throw new UserError(`No recorded traces (${TRACE_FORMAT}) in ${paths.join(', ')}.`);
  return traces;
}

/** The JSON in `text`, or undefined if it is not JSON (a folder may hold other files; a named file is then refused by parseTrace). */
function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseTrace(json: unknown, file: string): GoldenTrace {
  const parsed = GoldenTraceSchema.safeParse(json);
  if (!parsed.success) throw new UserError(`${file} is not a recorded trace (${TRACE_FORMAT}): at ${parsed.error.issues[0]?.path.join('.')}, ${parsed.error.issues[0]?.message}.`);
  return parsed.data;
}

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await jsonFilesUnder(path)));
    else if (entry.name.endsWith('.json')) files.push(path);
  }
  return files;
}
