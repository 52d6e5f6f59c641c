/**
 * JUnit XML for CI: one `<testsuite>` per run (`compare` writes one file with a suite per config), one `<testcase>` per check
 * (classname = scenario, name = check title), `<failure>` for a failed check,
 * `<error>` for one that could not judge (its fault never fired), `<skipped>`
 * for one that does not apply to the config (a channel it lacks), the
 * evidence in the body. A cut-short run adds one more test case, in error,
 * so a CI page can never show an incomplete run as green.
 *
 * Times are 0: the run is simulated, and the wall time it took is not part
 * of the result (same result ⇒ same bytes). The simulated length is a
 * property instead.
 */
import type { CheckResult, RunResult } from '../scenario/result.ts';
import { figuresInWords } from './figure-words.ts';
import { baseName, formatDurationMs } from './format.ts';
import { redactResult } from './redact-result.ts';
import { verdictLine } from './verdict.ts';

export function renderJUnit(input: RunResult): string {
  return renderJUnitSuites([input]);
}

/** Several runs in one file, a `<testsuite>` each, the totals summed on `<testsuites>`. */
export function renderJUnitSuites(inputs: readonly RunResult[]): string {
  const suites = inputs.map((input) => testsuite(redactResult(input)));
  const total = (key: 'tests' | 'failures' | 'errors') => String(suites.reduce((sum, suite) => sum + suite.counts[key], 0));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'quotastorm', tests: total('tests'), failures: total('failures'), errors: total('errors'), time: '0' })}>`,
    ...suites.flatMap((suite) => suite.lines),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

function testsuite(result: RunResult): { counts: { tests: number; failures: number; errors: number }; lines: string[] } {
  const cases = [...result.checks.map((check) => checkCase(result, check)), ...incompleteCase(result)];
  const failures = result.checks.filter((check) => check.status === 'fail').length;
  const errors = result.checks.filter((check) => check.status === 'error').length + (result.incomplete ? 1 : 0);
  const skipped = result.checks.filter((check) => check.status === 'n/a').length;
  const counts = { tests: String(cases.length), failures: String(failures), errors: String(errors) };
  const lines = [
    `  <testsuite${attributes({ name: suiteName(result), ...counts, skipped: String(skipped), time: '0' })}>`,
    '    <properties>',
    ...properties(result).map(([name, value]) => `      <property${attributes({ name, value })}/>`),
    '    </properties>',
    ...cases.flat().map((line) => `    ${line}`),
    '  </testsuite>',
  ];
  return { counts: { tests: cases.length, failures, errors }, lines };
}

function suiteName(result: RunResult): string {
  const variant = result.scenario.variant === undefined ? '' : ` (${result.scenario.variant})`;
  return `${result.scenario.name}${variant} on ${baseName(result.config.file)}`;
}

function properties(result: RunResult): Array<[string, string]> {
  return [
    ['verdict', verdictLine(result)],
    ['scenario.file', result.scenario.file],
    ['scenario.sha256', result.scenario.sha256],
    ...(result.scenario.variant === undefined ? [] : ([['scenario.variant', result.scenario.variant]] as Array<[string, string]>)),
    ['config.file', result.config.file],
    ['config.sha256', result.config.sha256],
    ['profile', result.config.profile],
    ['seed', String(result.seed)],
    ['simulated', formatDurationMs(result.simulatedMs)],
    ['startedAt.virtual', result.startedAt],
    ['incomplete', String(result.incomplete)],
    ['quotastorm.version', result.quotastorm.version],
    ['reproduce', result.reproduce],
  ];
}

function checkCase(result: RunResult, check: CheckResult): string[] {
  // The layer as a testcase property (GitLab and Jenkins show testcase properties): users, gateway or providers.
  const open = [
    `<testcase${attributes({ classname: result.scenario.name, name: check.title, time: '0' })}>`,
    `  <properties><property${attributes({ name: 'layer', value: check.layer })}/></properties>`,
  ];
  const body = escapeText(evidenceText(check));
  if (check.status === 'pass') return [...open, `  <system-out>${body}</system-out>`, '</testcase>'];
  // Not applicable: the config lacks what the check is about; CI shows it as skipped with the reason.
  if (check.status === 'n/a') return [...open, `  <skipped${attributes({ message: check.summary })}/>`, `  <system-out>${body}</system-out>`, '</testcase>'];
  const element = check.status === 'fail' ? 'failure' : 'error';
  return [...open, `  <${element}${attributes({ message: check.summary, type: check.status })}>${body}</${element}>`, '</testcase>'];
}

function incompleteCase(result: RunResult): string[][] {
  if (!result.incomplete) return [];
  const message = `incomplete run: stopped after ${formatDurationMs(result.simulatedMs)} of simulated time`;
  return [
    [
      `<testcase${attributes({ classname: result.scenario.name, name: 'run completed', time: '0' })}>`,
      `  <error${attributes({ message, type: 'incomplete' })}>${escapeText(`${message}\nreproduce: ${result.reproduce}`)}</error>`,
      '</testcase>',
    ],
  ];
}

/** Summary, step, evidence lines and figures: what a CI page shows when the case is opened. */
function evidenceText(check: CheckResult): string {
  return [
    check.summary,
    `layer: ${check.layer}`,
    ...(check.step === undefined ? [] : [`step: ${check.step}`]),
    ...check.evidence,
    ...(Object.keys(check.figures).length === 0 ? [] : [`figures: ${figuresInWords(check.check, check.figures)}`]),
  ].join('\n');
}

function attributes(values: Readonly<Record<string, string>>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
}

/** Character data: `&` and `<` always, `>` so `]]>` cannot appear. */
export function escapeText(text: string): string {
  return xmlChars(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Attribute values keep their newlines and tabs as character references; a parser would fold them to spaces. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replaceAll('"', '&quot;').replaceAll('\n', '&#10;').replaceAll('\r', '&#13;').replaceAll('\t', '&#9;');
}

/**
 * XML 1.0 forbids most control characters (an ANSI escape from a log line is one) and lone
 * surrogates even as references; they become U+FFFD so the file still parses.
 */
function xmlChars(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
