/**
 * A reply's text as OpenClaw delivers it. The embedded runner trims the
 * assistant's text when it reads it off the model's message and again when
 * it builds the run's reply payloads, so the chat never gets the blanks a
 * reply starts or ends with (a reply cut at the output cap can end on the
 * space between two words). The session transcript keeps the message as the
 * model sent it: the trim is on the delivered copy only.
 *
 * - `trim` (read in 2026.2.26's dist): String.prototype.trim, both ends.
 *   dist/image-BaNRoyvf.js src/agents/pi-embedded-utils.ts `extractAssistantText` trims each text block;
 *   dist/pi-embedded-CQnl8oWA.js `handleMessageEnd` (`text.trim()`) and
 *   src/agents/pi-embedded-runner/run/payloads.ts `buildEmbeddedRunPayloads` (`item.text.trim()`).
 * - `trim-keeping-indented-code` (read in 2026.9.6's dist, and shown by its golden trace below): the end
 *   always; the start unless the text opens
 *   with an indented code block, whose indentation stays (only the blank lines before it go).
 *   dist/embedded-agent-utils-C9EyRsVl.mjs `prepareEmbeddedAssistantTextForPhase` (`.join("\n").trimEnd()`);
 *   dist/payloads-_3FIIqYv.mjs `buildEmbeddedRunPayloads` → dist/text-projection-DLGaFuGQ.mjs
 *   `trimTextPreservingCode(text, "both")`, which keeps a leading block code region (CommonMark code regions:
 *   a fenced block's indentation is trimmed, an indented block's kept — checked against the real function).
 *   Golden trace test/golden/openclaw-2026.9.6/compaction-model-window.json turn 4: the model's 660 characters
 *   ("…then you can ") reach Telegram as 659; the session's transcript event keeps all 660.
 */
export type ReplyTrim = 'trim' | 'trim-keeping-indented-code';

export function deliveredReplyText(text: string, trim: ReplyTrim): string {
  if (trim === 'trim') return text.trim();
  const end = text.trimEnd();
  const codeStart = leadingIndentedCodeStart(end);
  return codeStart === undefined ? end.trimStart() : end.slice(codeStart);
}

/** Where the first non-blank line starts, when it is indented code (4+ columns of spaces and tabs). */
function leadingIndentedCodeStart(text: string): number | undefined {
  let lineStart = 0;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, newline === -1 ? text.length : newline);
    if (!/^[ \t]*\r?$/.test(line)) return indentColumns(line) >= 4 ? lineStart : undefined;
    if (newline === -1) return undefined;
    lineStart = newline + 1;
  }
}

/** Columns of a line's leading spaces and tabs, a tab advancing to the next multiple of 4 (CommonMark). */
function indentColumns(line: string): number {
  let columns = 0;
  for (const char of line) {
    if (char === ' ') columns += 1;
    else if (char === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}
