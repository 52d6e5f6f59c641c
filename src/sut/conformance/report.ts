/**
 * The conformance report as data: one verdict per recorded trace (version ×
 * case), the agreement per dimension and version, and the shard it covers.
 * Deterministic by construction: verdicts sorted by version then case, no
 * wall times, no paths, so the same recordings give the same bytes — and
 * `mergeReports` of the shards of a run gives the report of the whole run
 * (a shard's JSON carries every verdict it judged; totals are recomputed).
 *
 * Sharding: the traces' keys (`<version>/<case>`) sorted, shard i of n takes
 * those whose index mod n is i − 1.
 */
import { z } from 'zod';
import { UserError } from '../../errors.ts';
import { DIMENSIONS, type Dimension } from './judge.ts';

const REPORT_FORMAT = 'quotastorm.conformance/1';

export type Shard = { readonly index: number; readonly count: number };

const DimensionsSchema = z.strictObject(Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, z.boolean()])) as Record<Dimension, z.ZodBoolean>);

const VerdictSchema = z.strictObject({
  version: z.string(),
  case: z.string(),
  description: z.string(),
  /** Every dimension agrees (and the embedded run did not fail). */
  agrees: z.boolean(),
  dimensions: DimensionsSchema,
  differences: z.array(z.string()),
  /** Why the embedded gateway could not be judged on this trace (no case file, a crash); every dimension then disagrees. */
  error: z.string().nullable(),
});
export type Verdict = z.infer<typeof VerdictSchema>;

const TotalsSchema = z.strictObject({
  version: z.string(),
  cases: z.number().int(),
  agreeing: z.number().int(),
  dimensions: z.strictObject(Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, z.number().int()])) as Record<Dimension, z.ZodNumber>),
});
export type VersionTotals = z.infer<typeof TotalsSchema>;

const ReportSchema = z.strictObject({
  format: z.literal(REPORT_FORMAT),
  /** Null for a whole run (or a merge); a partial report names its slice. */
  shard: z.strictObject({ index: z.number().int().min(1), count: z.number().int().min(1) }).nullable(),
  tolerances: z.record(z.string(), z.number()),
  totals: z.array(TotalsSchema),
  verdicts: z.array(VerdictSchema),
});
export type ConformanceReport = z.infer<typeof ReportSchema>;

/** `i/n` (1 ≤ i ≤ n) → the shard, or a UserError. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UserError(`--shard needs i/n with 1 ≤ i ≤ n (e.g. 2/3), got "${text}".`);
  return { index, count };
}

/** The keys this shard takes: sorted, index mod n = i − 1. */
export function selectShard<T>(items: readonly T[], keyOf: (item: T) => string, shard: Shard | undefined): T[] {
  const ordered = [...items].sort((a, b) => compareText(keyOf(a), keyOf(b)));
  return shard === undefined ? ordered : ordered.filter((_, index) => index % shard.count === shard.index - 1);
}

export function buildReport(verdicts: readonly Verdict[], tolerances: Readonly<Record<string, number>>, shard?: Shard): ConformanceReport {
  const ordered = [...verdicts].sort((a, b) => compareText(keyOf(a), keyOf(b)));
  for (let index = 1; index < ordered.length; index++) {
    if (keyOf(ordered[index]!) === keyOf(ordered[index - 1]!)) throw new UserError(`Two traces of ${keyOf(ordered[index]!)}: a report judges each version × case once.`);
  }
  const versions = [...new Set(ordered.map((verdict) => verdict.version))];
  const totals = versions.map((version) => {
    const of = ordered.filter((verdict) => verdict.version === version);
    const dimensions = Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, of.filter((verdict) => verdict.dimensions[dimension]).length])) as Record<Dimension, number>;
    return { version, cases: of.length, agreeing: of.filter((verdict) => verdict.agrees).length, dimensions };
  });
  const sortedTolerances = Object.fromEntries(Object.entries(tolerances).sort(([a], [b]) => compareText(a, b)));
  return { format: REPORT_FORMAT, shard: shard === undefined ? null : { index: shard.index, count: shard.count }, tolerances: sortedTolerances, totals, verdicts: ordered };
}

/** The partial reports of shards 1…n of one run → the report the unsharded run writes. */
export function mergeReports(parts: readonly { readonly file: string; readonly report: ConformanceReport }[]): ConformanceReport {
  if (parts.length === 0) throw new UserError('merge needs the partial reports of a sharded run (conformance.json of each shard).');
  const count = parts[0]!.report.shard?.count;
  const seen = new Set<number>();
  for (const { file, report } of parts) {
    if (report.shard === null) throw new UserError(`${file} is a whole run's report, not a shard's: merge combines the reports of --shard i/n runs.`);
    if (report.shard.count !== count) throw new UserError(`${file} is shard ${report.shard.index}/${report.shard.count}, the others are of ${count}: merge the shards of one run.`);
    if (seen.has(report.shard.index)) throw new UserError(`${file}: shard ${report.shard.index}/${count} is given twice.`);
    if (JSON.stringify(report.tolerances) !== JSON.stringify(parts[0]!.report.tolerances)) throw new UserError(`${file} was judged with other tolerances than ${parts[0]!.file}.`);
    seen.add(report.shard.index);
  }
  const missing = Array.from({ length: count ?? 0 }, (_, index) => index + 1).filter((index) => !seen.has(index));
  if (missing.length > 0) throw new UserError(`Shard(s) ${missing.map((index) => `${index}/${count}`).join(', ')} missing: merge needs every shard of the run.`);
  return buildReport(parts.flatMap(({ report }) => report.verdicts), parts[0]!.report.tolerances);
}

/** A conformance.json read back, validated; a UserError naming the file otherwise. */
export function parseReport(text: string, file: string): ConformanceReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UserError(`${file} is not JSON: give the conformance.json a compare --shard run wrote.`);
  }
  const parsed = ReportSchema.safeParse(json);
  if (!parsed.success) throw new UserError(`${file} is not a conformance report (${REPORT_FORMAT}): ${parsed.error.issues.slice(0, 3).map((issue) => `at ${issue.path.join('.')}, ${issue.message}`).join('; ')}.`);
  return parsed.data;
}

export function reportJson(report: ConformanceReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function keyOf(verdict: Pick<Verdict, 'version' | 'case'>): string {
  return `${verdict.version}/${verdict.case}`;
}

/** Code-unit order: the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
