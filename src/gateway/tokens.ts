/**
 * The gateway's token estimate: ceil(characters / 4), OpenClaw's own
 * CHARS_PER_TOKEN_ESTIMATE (2026.4.12, src/agents/pi-hooks/context-pruning/) and the rule the mocks
 * meter by (mocks/providers/tokens.ts), so both sides count alike.
 */
const CHARS_PER_TOKEN = 4;

export function tokensOfChars(chars: number): number {
  return Math.ceil(chars / CHARS_PER_TOKEN);
}

export function charsOfTokens(tokens: number): number {
  return tokens * CHARS_PER_TOKEN;
}
