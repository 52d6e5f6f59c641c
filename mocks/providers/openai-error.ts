/**
 * OpenAI's error object, every field always sent (`param: null` included);
 * the envelope is `{"error": …}` (https://developers.openai.com/docs/guides/error-codes).
 * Its own file: the Chat Completions (openai.ts) and Responses (responses.ts)
 * renderers both build it.
 */
export type OpenAiError = {
  readonly message: string;
  readonly type: string;
  readonly param: string | null;
  /** A string label, or the HTTP status as a number in the answers of OpenAI's edge (`cf_bad_gateway` 502). */
  readonly code: string | number | null;
};
