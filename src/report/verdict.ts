/**
 * The verdict: the one line a reviewer reads first, the check table under it,
 * and each check's evidence. Counts come from `result.verdict`; the names in
 * the line from the checks themselves, so both stay the runner's figures.
 */
import type { CheckResult, CheckStatus, RunResult } from '../scenario/result.ts';
import { LAYER_MEANING, LAYERS } from '../scenario/layers.ts';
import { figuresInWords } from './figure-words.ts';
import { formatCount } from './format.ts';
import { escapeInline, fenced, table } from './markdown-text.ts';

export const STATUS_LABEL: Readonly<Record<CheckStatus, string>> = { pass: 'PASS', fail: 'FAIL', error: 'ERROR', 'n/a': 'N/A' };

/** Evidence lines shown per check; the JSON result beside the report has all of them. */
const EVIDENCE_LINES_MAX = 20;

/**
 * `6/6 passed`, `4/6 passed — failed: A, B; error: C`, prefixed `INCOMPLETE — ` for a cut-short run.
 * Checks that do not apply are counted apart: `5/5 passed, 1 not applicable`.
 */
export function verdictLine(result: RunResult): string {
  const { passed, total } = result.verdict;
  const notApplicable = result.verdict.notApplicable ?? 0;
  const failed = titlesWith(result.checks, 'fail');
  const errors = titlesWith(result.checks, 'error');
  const tails = [
    ...(failed.length > 0 ? [`failed: ${failed.join(', ')}`] : []),
    ...(errors.length > 0 ? [`error: ${errors.join(', ')}`] : []),
  ];
  const head = `${passed}/${total - notApplicable} passed${notApplicable > 0 ? `, ${notApplicable} not applicable` : ''}`;
  const line = tails.length === 0 ? head : `${head} — ${tails.join('; ')}`;
  return result.incomplete ? `INCOMPLETE — ${line}` : line;
}

/**
 * `# · Check · Step · Layer · Result · Evidence` (Step only when a check judged one step), then
 * what each layer present means: a check on what users saw, on what the gateway absorbed, or on
 * what the providers saw.
 */
export function verdictTable(checks: readonly CheckResult[]): string[] {
  if (checks.length === 0) return ['No checks ran.'];
  const withStep = checks.some((check) => check.step !== undefined);
  const header = ['#', 'Check', ...(withStep ? ['Step'] : []), 'Layer', 'Result', 'Evidence'];
  const rows = checks.map((check, index) => [
    String(index + 1),
    escapeInline(check.title),
    ...(withStep ? [check.step === undefined ? 'whole run' : escapeInline(check.step)] : []),
    check.layer,
    STATUS_LABEL[check.status],
    escapeInline(check.summary),
  ]);
  return [...table(header, rows, ['right']), '', ...layerLegend(checks)];
}

/** `Layers: users — what users saw: …; gateway — …`, the layers the checks use, in layer order. */
function layerLegend(checks: readonly CheckResult[]): string[] {
  const used = LAYERS.filter((layer) => checks.some((check) => check.layer === layer));
  return [`Layers: ${used.map((layer) => `**${layer}**, ${LAYER_MEANING[layer]}`).join('; ')}.`];
}

/** One subsection per check: summary, evidence lines in a text block, the figures behind them. */
export function checkEvidence(checks: readonly CheckResult[]): string[] {
  return checks.flatMap((check, index) => [
    `### ${index + 1}. ${STATUS_LABEL[check.status]} — ${escapeInline(check.title)} (${check.layer})`,
    '',
    `${escapeInline(check.summary)}${check.step === undefined ? '' : ` — step ${escapeInline(check.step)}`}`,
    '',
    ...evidenceBlock(check.evidence),
    ...figuresLine(check.check, check.figures),
  ]);
}

function evidenceBlock(evidence: readonly string[]): string[] {
  if (evidence.length === 0) return ['No evidence lines recorded.', ''];
  const shown = evidence.slice(0, EVIDENCE_LINES_MAX).flatMap((line) => line.split('\n'));
  const more = evidence.length - EVIDENCE_LINES_MAX;
  const tail = more > 0 ? [`… ${formatCount(more)} more in the JSON result`] : [];
  return [...fenced('text', [...shown, ...tail]), ''];
}

function figuresLine(kind: string, figures: Readonly<Record<string, number>>): string[] {
  if (Object.keys(figures).length === 0) return [];
  return [`Figures: ${escapeInline(figuresInWords(kind, figures))}`, ''];
}

function titlesWith(checks: readonly CheckResult[], status: CheckStatus): string[] {
  return checks.filter((check) => check.status === status).map((check) => check.title);
}
