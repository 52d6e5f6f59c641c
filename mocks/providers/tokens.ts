/**
 * The one token estimator of the mocks.
 *
 * tokens = ceil(characters / 4), over the text parts of a request, summed
 * first and rounded once. The ledger meters this number and the usage fields
 * report the very same number, so a check can reconcile what the gateway saw
 * with what the mock charged without a tokenizer.
 *
 * Why chars/4: it is the rule of thumb every provider publishes for English
 * (OpenAI: "~4 characters per token"), it is what OpenAI itself uses to
 * estimate a request against TPM before tokenizing ("estimated number of tokens
 * based on the character count", https://developers.openai.com/api/docs/guides/rate-limits),
 * and it costs one
 * `length` read per part: the mock is on the hot path of a simulated day and a
 * real BPE tokenizer on a 200K-token transcript would dominate the run.
 * Characters are UTF-16 code units (`string.length`), the cheapest stable
 * count; non-Latin text is underestimated, which is fine for load shapes.
 *
 * What counts as a text part is decided per wire format by the provider file
 * (`promptTexts` there): message and system text. Tool schemas, images and
 * metadata are not counted: they rarely matter to the incident's quota maths.
 */
const CHARACTERS_PER_TOKEN = 4;

/** Tokens of a list of text parts: ceil(total characters / 4). Empty → 0. */
export function estimateTokens(texts: Iterable<string>): number {
  let characters = 0;
  for (const text of texts) characters += text.length;
  return tokensForCharacters(characters);
}

/** Tokens for a character count, rounded up: 1–4 characters are one token. */
export function tokensForCharacters(characters: number): number {
  return Math.ceil(characters / CHARACTERS_PER_TOKEN);
}

/** Longest text that the estimator counts as at most `tokens` tokens. */
export function charactersForTokens(tokens: number): number {
  return tokens * CHARACTERS_PER_TOKEN;
}
