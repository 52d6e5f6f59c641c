/**
 * Compaction summary requests, answered as a model that follows the requested format would.
 *
 * OpenClaw's compaction sends one user message that opens with the conversation
 * to summarise and ends with instructions naming the summary's section headings:
 * `<conversation>\n…\n</conversation>\n\n`, an optional `<previous-summary>` block,
 * then the prompt (pi-coding-agent 0.55.1 `generateSummary` in 2026.2.26: "## Goal",
 * "## Constraints & Preferences", …; 2026.9.6 `runSummarizationCompletion` with
 * the safeguard's structured instructions: "## Decisions", "## Open TODOs",
 * "## Constraints/Rules", "## Pending user asks", "## Exact identifiers", which its
 * quality guard then requires — dist/builtin-openclaw-q1hiFm14.mjs
 * `REQUIRED_SUMMARY_SECTIONS`, `auditSummaryQuality`). The embedded gateway's
 * stand-ins (src/gateway/compaction.ts) have the same shape.
 *
 * A real model puts those headings in its reply; faker phrases never would, and
 * 2026.9.6's guard then cancels every compaction ("missing_section"). So the
 * seeded reply keeps its drawn length and text, laid out under the headings the
 * prompt asks for. A prompt that names no `## ` heading gets the plain reply.
 */
import type { Reply } from './reply.ts';
import { charactersForTokens, tokensForCharacters } from './tokens.ts';

const CONVERSATION_OPEN = '<conversation>\n';
const CONVERSATION_CLOSE = '\n</conversation>\n\n';
const PREVIOUS_SUMMARY = /<previous-summary>[\s\S]*?<\/previous-summary>/g;
const HEADING = /^## \S.*$/gm;
/** Every section gets some text, as a model writes at least "None." under a heading. */
const MIN_SECTION_CHARACTERS = 8;

/**
 * The `## ` headings a summary request asks for, in order; undefined when no text part is a
 * summary request. Only the instructions after the conversation count: headings quoted in the
 * conversation or in a previous summary are material, not format.
 */
export function requestedSummaryHeadings(promptTexts: Iterable<string>): readonly string[] | undefined {
  for (const text of promptTexts) {
    if (!text.startsWith(CONVERSATION_OPEN)) continue;
    const close = text.lastIndexOf(CONVERSATION_CLOSE);
    if (close < 0) continue;
    const instructions = text.slice(close + CONVERSATION_CLOSE.length).replace(PREVIOUS_SUMMARY, '');
    return [...new Set(instructions.match(HEADING) ?? [])].map((heading) => heading.trim());
  }
  return undefined;
}

/**
 * The reply laid out as `## heading\n<text>` sections, one per heading, the drawn text shared out
 * among them. Same length as the drawn reply unless the headings alone need more; nothing passes
 * the request's output cap (`capTokens`): a cut summary loses its later sections, as a real one does.
 */
export function asSummary(reply: Reply, headings: readonly string[], capTokens: number): Reply {
  if (headings.length === 0 || reply.text.length === 0) return reply;
  const frameCharacters = headings.reduce((sum, heading) => sum + heading.length + 1, 0) + 2 * (headings.length - 1);
  const bodyCharacters = Math.max(reply.text.length - frameCharacters, MIN_SECTION_CHARACTERS * headings.length);
  const source = reply.text.repeat(Math.ceil(bodyCharacters / reply.text.length));
  const sections: string[] = [];
  let used = 0;
  for (const [index, heading] of headings.entries()) {
    const end = Math.round((bodyCharacters * (index + 1)) / headings.length);
    sections.push(`${heading}\n${source.slice(used, end)}`);
    used = end;
  }
  const whole = sections.join('\n\n');
  const capCharacters = charactersForTokens(capTokens);
  const text = whole.slice(0, capCharacters);
  return { text, outputTokens: tokensForCharacters(text.length), truncated: reply.truncated || whole.length > capCharacters };
}
