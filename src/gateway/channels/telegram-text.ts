/**
 * Reply text as OpenClaw hands it to sendMessage: cut into chunks of at most
 * `channels.telegram.textChunkLimit` characters (default 4,000, the Telegram
 * dock's `textChunkLimit`, under Telegram's 4,096 hard limit), then sent with
 * `parse_mode: "HTML"`.
 *
 * Chunking follows OpenClaw's `chunkText` (src/auto-reply/chunk.ts,
 * 2026.2.26): break at the window's last newline, else its last whitespace,
 * ignoring breaks inside parentheses; hard-cut when there is none; trim at
 * the cut. OpenClaw renders Markdown to Telegram HTML (bold, code, links)
 * before sending; here the text is taken as plain and HTML-escaped, which
 * keeps lengths and call counts and drops the formatting — except bare
 * http(s) URLs, which a profile can have linked (`linkifyUrls`).
 */
export const DEFAULT_TEXT_CHUNK_LIMIT = 4_000;
/** Telegram's limit on a message text (core.telegram.org/bots/api#sendmessage). */
export const TELEGRAM_MAX_MESSAGE_CHARS = 4_096;

export function chunkReplyText(text: string, limit: number = DEFAULT_TEXT_CHUNK_LIMIT): string[] {
  if (text.length === 0) return [];
  if (limit <= 0 || text.length <= limit) return [text];
  const chunks: string[] = [];
  let remaining = text;
  while (remaining.length > limit) {
    const candidate = breakIndex(remaining.slice(0, limit));
    const cut = candidate > 0 ? candidate : limit;
    const chunk = remaining.slice(0, cut).trimEnd();
    if (chunk.length > 0) chunks.push(chunk);
    const onSeparator = cut < remaining.length && /\s/.test(remaining[cut]!);
    remaining = remaining.slice(Math.min(remaining.length, cut + (onSeparator ? 1 : 0))).trimStart();
  }
  if (remaining.length > 0) chunks.push(remaining);
  return chunks;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Bare http(s) URLs of already-escaped text as `<a href="URL">URL</a>`, as 2026.9.6's
 * `markdownToTelegramHtml` (markdown-it's linkify, dist/text-chunk-limit-LqLRfc4Y.mjs) renders
 * them: "Visit https://platform.openai.com/account/rate-limits to learn more." gets its link
 * (golden trace test/golden/openclaw-2026.9.6/all-models-429.json); trailing punctuation and an
 * unbalanced ")" stay outside (checked against the real function). Schemeless domains
 * ("example.com"), which it links too, are not modelled.
 */
export function linkifyUrls(html: string): string {
  return html.replace(/https?:\/\/[^\s<>"]+/g, (candidate) => {
    const url = trimUrlTail(candidate);
    return `<a href="${url}">${url}</a>${candidate.slice(url.length)}`;
  });
}

function trimUrlTail(candidate: string): string {
  let url = candidate;
  for (;;) {
    const last = url.at(-1);
    if (last !== undefined && '.,;:!?\'"'.includes(last)) url = url.slice(0, -1);
    else if (last === ')' && count(url, '(') < count(url, ')')) url = url.slice(0, -1);
    else return url;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** The last newline in the window, else the last whitespace, outside parentheses; -1 if none. */
function breakIndex(window: string): number {
  let lastNewline = -1;
  let lastWhitespace = -1;
  let depth = 0;
  for (let i = 0; i < window.length; i++) {
    const char = window[i]!;
    if (char === '(') depth++;
    else if (char === ')' && depth > 0) depth--;
    else if (depth === 0 && char === '\n') lastNewline = i;
    else if (depth === 0 && /\s/.test(char)) lastWhitespace = i;
  }
  return lastNewline > 0 ? lastNewline : lastWhitespace;
}
