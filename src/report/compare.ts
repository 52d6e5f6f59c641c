/**
 * One Markdown report for one scenario and seed run against two or more
 * configs: the verdicts side by side, then the deltas a reviewer asks about
 * (429s, fallbacks, error replies, peak load against limits, sessions,
 * tokens and estimated cost), then what changed in the configs. One column
 * per config; every later column also shows its delta against the first,
 * the baseline (`before` in an incident's before/after). Pure: same entries
 * and options ⇒ same bytes.
 */
import type { RunResult } from '../scenario/result.ts';
import { changedSettings } from './config-diff.ts';
import { costSection } from './compare-cost.ts';
import { cascadesSection, loadChartsSection } from './compare-load.ts';
import { replyTimeRows } from './compare-reply-time.ts';
import { baseName, formatCount, formatDurationMs, formatPercent, formatSignedCount, shortSha } from './format.ts';
import { codeSpan, escapeInline, table, wrapProse } from './markdown-text.ts';
import type { PriceOverrides } from './prices.ts';
import { redactResult } from './redact-result.ts';
import { statusMark } from './root-causes-section.ts';
import { runFigures, type RunFigures } from './run-figures.ts';
import { STATUS_LABEL } from './verdict.ts';

export type ComparisonEntry = { readonly label: string; readonly result: RunResult };

export type ComparisonOptions = {
  /** Prices by `provider/model` that replace or extend the table in prices.ts. */
  readonly prices?: PriceOverrides;
};

export function renderComparison(input: readonly ComparisonEntry[], options: ComparisonOptions = {}): string {
  if (input.length < 2) throw new RangeError(`renderComparison needs two or more runs, got ${input.length}`);
  const entries = input.map((entry) => ({ label: entry.label, result: redactResult(entry.result) }));
  const lines = [
    comparisonTitle(entries),
    '',
    ...comparabilityNotes(entries),
    ...runsTable(entries),
    '',
    '## Checks',
    '',
    ...checksTable(entries),
    '',
    '## Deltas',
    '',
    `Each later column shows its difference from ${codeSpan(entries[0]!.label)} in parentheses.`,
    '',
    '### Outcome',
    '',
    ...outcomeTable(entries),
    '',
    ...replyTimeRows(entries),
    '### Peak load vs limits',
    '',
    ...peaksTable(entries),
    '',
    ...loadChartsSection(entries),
    ...cascadesSection(entries),
    ...costSection(entries, options.prices ?? {}),
    '## What changed',
    '',
    ...whatChanged(entries),
  ];
  return `${wrapProse(lines.join('\n')).trimEnd()}\n`;
}

type Entry = ComparisonEntry;

function comparisonTitle(entries: readonly Entry[]): string {
  const first = entries[0]!.result;
  return `# quotastorm compare: ${escapeInline(first.scenario.name)}, seed ${first.seed}, ${entries.length} configs`;
}

/** Loud notes when the runs are not like for like, or one was cut short. */
function comparabilityNotes(entries: readonly Entry[]): string[] {
  const first = entries[0]!.result;
  const same = (pick: (result: RunResult) => unknown) => entries.every((entry) => pick(entry.result) === pick(first));
  const differing = [
    ...(same((r) => r.scenario.name) && same((r) => r.scenario.sha256) ? [] : ['scenario']),
    ...(same((r) => r.scenario.variant) ? [] : ['scenario variant']),
    ...(same((r) => r.seed) ? [] : ['seed']),
    ...(similarDurations(entries) ? [] : ['simulated duration']),
  ];
  const notes = [
    ...(differing.length > 0
      ? [`> **NOT LIKE FOR LIKE.** The runs differ in ${differing.join(', ')}: the deltas below mix the config's effect with that difference.`]
      : []),
    ...entries
      .filter((entry) => entry.result.incomplete)
      .map((entry) => `> **INCOMPLETE RUN: ${escapeInline(entry.label)}** stopped after ${formatDurationMs(entry.result.simulatedMs)} simulated; its figures cover only that part.`),
  ];
  const summary =
    differing.length === 0
      ? `Scenario ${codeSpan(first.scenario.file)} (sha256 ${codeSpan(shortSha(first.scenario.sha256))}), seed ${codeSpan(String(first.seed))}, run once per config.`
      : 'One run per config.';
  return [summary, '', ...notes.flatMap((note) => [note, ''])];
}

/**
 * A run ends when its last steps' work has drained, so runs of one scenario
 * differ by seconds that are the config's own effect (a slower chain takes
 * longer to finish its last turn); only a difference above 1 % means the
 * runs covered different spans.
 */
function similarDurations(entries: readonly Entry[]): boolean {
  const durations = entries.map((entry) => entry.result.simulatedMs);
  return Math.max(...durations) - Math.min(...durations) <= 0.01 * Math.max(...durations);
}

function runsTable(entries: readonly Entry[]): string[] {
  const row = (name: string, cell: (result: RunResult) => string) => [name, ...entries.map((entry) => cell(entry.result))];
  const rows = [
    row('Config', (r) => `${codeSpan(baseName(r.config.file))} (${codeSpan(shortSha(r.config.sha256))})`),
    row('Behaviour profile', (r) => codeSpan(r.config.profile)),
    ...(entries.some((entry) => entry.result.gateway !== undefined) ? [row('Gateway', (r) => (r.gateway === undefined ? 'embedded' : `real ${codeSpan(r.gateway.name)}`))] : []),
    ...(entries.some((entry) => entry.result.scenario.variant !== undefined)
      ? [row('Scenario variant', (r) => (r.scenario.variant === undefined ? '–' : escapeInline(r.scenario.variant)))]
      : []),
    row('Simulated', (r) => `${formatDurationMs(r.simulatedMs)}${r.incomplete ? ' (incomplete)' : ''}`),
    row('Verdict', (r) => `**${verdictCounts(r)}**`),
    row('Reproduce', (r) => codeSpan(r.reproduce)),
  ];
  return table(['Run', ...entries.map((entry) => escapeInline(entry.label))], rows);
}

/** `1/6 passed, 5 failed` (`, 1 not applicable` set apart): the verdict line without the titles, which the checks table shows. */
function verdictCounts(result: RunResult): string {
  const { passed, failed, errors, total } = result.verdict;
  const notApplicable = result.verdict.notApplicable ?? 0;
  const tail = [
    ...(failed > 0 ? [`${failed} failed`] : []),
    ...(errors > 0 ? [`${errors} ${errors === 1 ? 'error' : 'errors'}`] : []),
    ...(notApplicable > 0 ? [`${notApplicable} not applicable`] : []),
  ];
  return `${result.incomplete ? 'INCOMPLETE — ' : ''}${passed}/${total - notApplicable} passed${tail.length > 0 ? `, ${tail.join(', ')}` : ''}`;
}

/** Checks matched by title and step, each with its layer; a check one run lacks shows `–`. */
function checksTable(entries: readonly Entry[]): string[] {
  const keys: Array<{ title: string; step: string | undefined; layer: string }> = [];
  for (const { result } of entries) {
    for (const check of result.checks) {
      if (!keys.some((key) => key.title === check.title && key.step === check.step)) keys.push({ title: check.title, step: check.step, layer: check.layer });
    }
  }
  if (keys.length === 0) return ['No checks ran.'];
  const rows = keys.map((key) => [
    `${escapeInline(key.title)}${key.step === undefined ? '' : ` (step ${escapeInline(key.step)})`} · ${key.layer}`,
    ...entries.map(({ result }) => {
      const check = result.checks.find((c) => c.title === key.title && c.step === key.step);
      return check === undefined ? '–' : `${STATUS_LABEL[check.status]}: ${escapeInline(check.summary)}`;
    }),
  ]);
  return table(['Check', ...entries.map((entry) => escapeInline(entry.label))], rows);
}

const OUTCOME_ROWS: ReadonlyArray<readonly [string, keyof RunFigures]> = [
  ['Checks passed', 'checksPassed'],
  // Users: the workload's messages, which add up (sent = replied + error replies + dropped + pending).
  ['Messages sent', 'messagesSent'],
  ['… replied', 'messagesReplied'],
  ['… answered with an error text', 'messagesErrorReplies'],
  ['… dropped', 'messagesDropped'],
  ['… pending at the end', 'messagesPending'],
  ['429s served by the mocks', 'served429'],
  ['Rate-limit lines in gateway.err.log', 'rateLimitLines'],
  ['Fallback hops (failures moved to the next model)', 'fallbackHops'],
  ['Model attempts', 'candidateAttempts'],
  ['Replies', 'replies'],
  ['Error replies to users', 'errorReplies'],
  ['Errors surfaced to users', 'surfacedErrors'],
  ['Sessions, peak', 'sessionsPeak'],
  ['Sessions at end', 'sessionsAtEnd'],
];

function outcomeTable(entries: readonly Entry[]): string[] {
  const figures = entries.map((entry) => runFigures(entry.result));
  const rows = OUTCOME_ROWS.map(([label, key]) => [
    label,
    ...figures.map((figure, index) => {
      const value = key === 'checksPassed' ? `${figure.checksPassed}/${figure.checksTotal}` : formatCount(figure[key]);
      return index === 0 ? value : `${value} (${formatSignedCount(figure[key] - figures[0]![key])})`;
    }),
  ]);
  return table(['Figure', ...entries.map((entry) => escapeInline(entry.label))], rows, ['left', ...entries.map(() => 'right' as const)]);
}

/** One row per model and dimension: `1,420,000 of 1,000,000 (142%)`, models with traffic in any run. */
function peaksTable(entries: readonly Entry[]): string[] {
  const refs: string[] = [];
  for (const { result } of entries) for (const usage of result.usage) if (usage.requests > 0 && !refs.includes(usage.modelRef)) refs.push(usage.modelRef);
  if (refs.length === 0) return ['No model received a request in any run.'];
  const dimensions = [
    { name: 'TPM', peak: 'peakTokensPerMinute', limit: 'tokensPerMinute' },
    { name: 'RPM', peak: 'peakRequestsPerMinute', limit: 'requestsPerMinute' },
  ] as const;
  const rows = refs.flatMap((ref) =>
    dimensions.map((dimension) => [
      `${codeSpan(ref)} ${dimension.name}`,
      ...entries.map(({ result }, index) => {
        const usage = result.usage.find((row) => row.modelRef === ref);
        const peak = usage?.[dimension.peak].value ?? 0;
        const base = entries[0]!.result.usage.find((row) => row.modelRef === ref)?.[dimension.peak].value ?? 0;
        const limit = usage?.limits[dimension.limit];
        const ofLimit = limit === undefined ? '' : ` of ${formatCount(limit)} (${formatPercent(peak, limit)})`;
        return `${formatCount(peak)}${ofLimit}${index === 0 ? '' : ` (${formatSignedCount(peak - base)})`}`;
      }),
    ]),
  );
  return table(['Model', ...entries.map((entry) => escapeInline(entry.label))], rows);
}

function whatChanged(entries: readonly Entry[]): string[] {
  const changes = changedSettings(entries.map((entry) => entry.result.rootCauses));
  const intro = 'Root-cause settings whose effective values differ (other config keys are not compared):';
  if (changes.length === 0) return ['No root-cause setting differs between the configs.'];
  const items = changes.map((change) => {
    const values = change.values.map((value, index) => {
      const label = escapeInline(entries[index]!.label);
      return value === undefined ? `${label}: not audited` : `${label}: ${codeSpan(value.value)} (${statusMark(value.status)})`;
    });
    return `- ${codeSpan(change.setting)}: ${values.join(entries.length === 2 ? ' → ' : ' · ')}`;
  });
  return [intro, '', ...items];
}
