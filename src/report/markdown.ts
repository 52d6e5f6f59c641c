/**
 * The run report: one Markdown document per run, a pure function of the
 * result (same result ⇒ same bytes). Order follows what a reviewer asks:
 * did it pass, what exactly ran, why each verdict, then the load, the
 * cascade, the sessions, what users saw, the first failure from both sides,
 * and the config settings behind it all. Plain text first: it renders on
 * GitHub (tables, mermaid) and reads in a terminal (no HTML, charts in text
 * blocks).
 */
import type { RunResult } from '../scenario/result.ts';
import { cascadeSection } from './cascade.ts';
import { deliveriesSection } from './deliveries-section.ts';
import { firstFailureSection } from './first-failure-section.ts';
import { messagesSection } from './messages-section.ts';
import { redactResult } from './redact-result.ts';
import { replyTimeSection } from './reply-time-section.ts';
import { rootCausesSection } from './root-causes-section.ts';
import { headerTable, incompleteBanner, runTitle, verdictHeadline } from './run-header.ts';
import { sessionsSection } from './sessions-section.ts';
import { escapeInline, wrapProse } from './markdown-text.ts';
import { usageSection } from './usage-section.ts';
import { checkEvidence, verdictTable } from './verdict.ts';

export function renderRunReport(input: RunResult): string {
  const result = redactResult(input);
  const lines = [
    runTitle(result),
    '',
    ...incompleteBanner(result),
    verdictHeadline(result),
    '',
    ...headerTable(result),
    '',
    ...runNotesSection(result),
    '## Checks',
    '',
    ...verdictTable(result.checks),
    '',
    ...messagesSection(result),
    ...replyTimeSection(result),
    ...(result.checks.length > 0 ? ['## Evidence', '', ...checkEvidence(result.checks)] : []),
    ...usageSection(result),
    ...cascadeSection(result.failover),
    ...sessionsSection(result),
    ...deliveriesSection(result),
    ...firstFailureSection(result),
    ...rootCausesSection(result),
  ];
  return `${wrapProse(lines.join('\n')).trimEnd()}\n`;
}

/** The premises the run took as given (run-notes.ts), before the verdict they bear on. */
function runNotesSection(result: RunResult): string[] {
  const notes = result.runNotes ?? [];
  return notes.length === 0 ? [] : ['## Run notes', '', ...notes.map((note) => `- ${escapeInline(note)}`), ''];
}
