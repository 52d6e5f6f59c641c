/**
 * One recorded trace of the real OpenClaw against the embedded gateway's
 * trace of the same case, judged per dimension, so a conformance report can
 * say *how* the two agree, not only whether (compare.ts says whether):
 *
 * | dimension | agrees when, turn by turn |
 * |---|---|
 * | `requests` | the same provider requests by provider/model, counted (a multiset) |
 * | `order` | … in the same order |
 * | `outcomes` | the same answers in order: status and mock outcome (`429 rate-limited`) |
 * | `userTexts` | the same texts for the user, exactly, and a reply on both sides or on neither |
 * | `logLines` | the same log lines of interest (log-lines.ts), level and normalized text, counted |
 * | `timing` | compareTrace's delays within its tolerances (compare.ts), judged even where sequences part |
 *
 * A different number of turns disagrees on every dimension.
 */
import { compareTrace, type CompareTolerances, type TraceDifference } from '../compare.ts';
import type { GoldenTrace, TraceTurn } from '../trace.ts';
import { renderCompact } from './fingerprint.ts';

export const DIMENSIONS = ['requests', 'order', 'outcomes', 'userTexts', 'logLines', 'timing'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type Judgement = {
  readonly dimensions: Readonly<Record<Dimension, boolean>>;
  /** One line per difference: `where: real … / embedded …`. */
  readonly differences: readonly string[];
};

export function judgeTrace(real: GoldenTrace, embedded: GoldenTrace, tolerances: Partial<CompareTolerances> = {}): Judgement {
  const comparison = compareTrace(real, embedded, tolerances);
  const sameTurnCount = real.turns.length === embedded.turns.length;
  const pairs = real.turns.slice(0, embedded.turns.length).map((turn, index) => [turn, embedded.turns[index]!] as const);
  const every = (test: (real: TraceTurn, embedded: TraceTurn) => boolean) => sameTurnCount && pairs.every(([a, b]) => test(a, b));
  const logDifferences = pairs.flatMap(([a, b], index) => logLineDifferences(a, b, `turns[${index}].logLines`));
  const dimensions: Record<Dimension, boolean> = {
    requests: every((a, b) => same(sorted(a.requests.map(modelOf)), sorted(b.requests.map(modelOf)))),
    order: every((a, b) => same(a.requests.map(modelOf), b.requests.map(modelOf))),
    outcomes: every((a, b) => same(a.requests.map(outcomeOf), b.requests.map(outcomeOf))),
    userTexts: every((a, b) => same(a.userTexts, b.userTexts) && (a.firstReplyOffsetMs === null) === (b.firstReplyOffsetMs === null)),
    logLines: sameTurnCount && logDifferences.length === 0,
    timing: sameTurnCount && !comparison.differences.some(isTiming),
  };
  return { dimensions, differences: [...comparison.differences.map(renderDifference), ...logDifferences] };
}

/** A delay out of tolerance; a reply on one side only is a text difference, not a timing one. */
function isTiming(difference: TraceDifference): boolean {
  return difference.where.endsWith('.offsetMs') || (difference.where.endsWith('.firstReplyOffsetMs') && typeof difference.expected === 'number' && typeof difference.actual === 'number');
}

function renderDifference(difference: TraceDifference): string {
  return `${difference.where}: real ${renderCompact(difference.expected)} / embedded ${renderCompact(difference.actual)}`;
}

/** Log lines one side has more often than the other, each side's surplus listed as it wrote them. */
function logLineDifferences(real: TraceTurn, embedded: TraceTurn, where: string): string[] {
  const onlyReal = surplus(real.logLines, embedded.logLines);
  const onlyEmbedded = surplus(embedded.logLines, real.logLines);
  if (onlyReal.length === 0 && onlyEmbedded.length === 0) return [];
  return [`${where}: only real ${renderCompact(onlyReal)} / only embedded ${renderCompact(onlyEmbedded)}`];
}

/** The lines of `from` left after taking out one of `other`'s for each (compared as `logLineKey`), in `from`'s order. */
function surplus(from: readonly LogLine[], other: readonly LogLine[]): string[] {
  const left = new Map<string, number>();
  for (const line of other) left.set(logLineKey(line), (left.get(logLineKey(line)) ?? 0) + 1);
  return from
    .filter((line) => {
      const count = left.get(logLineKey(line)) ?? 0;
      if (count === 0) return true;
      left.set(logLineKey(line), count - 1);
      return false;
    })
    .map((line) => `${line.level} ${line.line}`);
}

type LogLine = TraceTurn['logLines'][number];
const modelOf = (request: TraceTurn['requests'][number]) => `${request.provider}/${request.model}`;
const outcomeOf = (request: TraceTurn['requests'][number]) => `${request.status} ${request.outcome}`;
const logLineKey = (line: LogLine) => `${line.level} ${comparableLogText(line.line)}`;

/**
 * Two ways of writing the same line made one: a real trace quotes OpenClaw's JSONL file log, which keeps
 * a message's leading "telegram " under the [telegram] prefix that the embedded gateway's console-form
 * lines drop (src/gateway/channels/telegram-send.ts); and a real run id is a UUID (normalized `<uuid>`)
 * where the embedded one is not (normalized `<id>`, src/sut/log-lines.ts `normalizeLogText`).
 */
function comparableLogText(text: string): string {
  return text.replace(/^\[telegram\] telegram /, '[telegram] ').replace(/\b(runId|sessionId|requestId)=<uuid>/g, '$1=<id>');
}
const sorted = (items: readonly string[]) => [...items].sort();
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index]);
