/**
 * conformance.md: the report (report.ts) for a reader — agreement per
 * version and dimension first, then every disagreement with its
 * differences. Pure: the same report gives the same text.
 */
import { DIMENSIONS, type Dimension } from './judge.ts';
import type { ConformanceReport, Verdict, VersionTotals } from './report.ts';

const DIMENSION_TITLES: Readonly<Record<Dimension, string>> = {
  requests: 'requests',
  order: 'order',
  outcomes: 'outcomes',
  userTexts: 'user texts',
  logLines: 'log lines',
  timing: 'timing',
};

export function renderReportMarkdown(report: ConformanceReport): string {
  const lines: string[] = ['# Conformance: the embedded gateway against recordings of the real OpenClaw', ''];
  if (report.shard !== null) lines.push(`Partial report: shard ${report.shard.index}/${report.shard.count} (\`quotastorm conformance merge\` combines the shards).`, '');
  const tolerances = Object.entries(report.tolerances).map(([name, value]) => `${name} ${value}`).join(', ');
  lines.push(
    `Each recorded trace's case is replayed against the embedded gateway of its version (src/sut/conformance/golden-run.ts) and judged per dimension (src/sut/conformance/judge.ts). Timing tolerances: ${tolerances}.`,
    '',
    '## Agreement',
    '',
    `| version | cases | all agree | ${DIMENSIONS.map((dimension) => DIMENSION_TITLES[dimension]).join(' | ')} |`,
    `| --- | --: | --: | ${DIMENSIONS.map(() => '--:').join(' | ')} |`,
    ...report.totals.map(totalsRow),
    '',
  );
  const disagreements = report.verdicts.filter((verdict) => !verdict.agrees);
  lines.push('## Disagreements', '');
  if (disagreements.length === 0) lines.push('None.', '');
  for (const verdict of disagreements) lines.push(...disagreement(verdict));
  return `${lines.join('\n').trimEnd()}\n`;
}

function totalsRow(totals: VersionTotals): string {
  const cells = DIMENSIONS.map((dimension) => share(totals.dimensions[dimension], totals.cases));
  return `| ${totals.version} | ${totals.cases} | ${share(totals.agreeing, totals.cases)} | ${cells.join(' | ')} |`;
}

function share(count: number, of: number): string {
  return `${count} (${of === 0 ? '–' : `${((100 * count) / of).toFixed(1)} %`})`;
}

function disagreement(verdict: Verdict): string[] {
  const failing = DIMENSIONS.filter((dimension) => !verdict.dimensions[dimension]).map((dimension) => DIMENSION_TITLES[dimension]);
  return [
    `### openclaw@${verdict.version} ${verdict.case}`,
    '',
    verdict.description,
    '',
    `Disagrees on: ${failing.join(', ')}.`,
    '',
    ...(verdict.error === null ? [] : [`Not judged: ${verdict.error}`, '']),
    ...verdict.differences.map((difference) => `- \`${difference.replace(/`/g, "'")}\``),
    ...(verdict.differences.length > 0 ? [''] : []),
  ];
}
