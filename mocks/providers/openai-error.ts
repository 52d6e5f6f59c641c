/**
 * OpenAI's error object, every field always sent (`param: null` included);
 * the envelope is `{"error": …}` (https://developers.openai.com/docs/guides/error-codes).
 * Its own file: the Chat Completions (openai.ts) and Responses (responses.ts)
 * renderers both build it.
 */
export type OpenAiError = { readonly message: string; readonly type: string; readonly param: string | null; readonly code: string | null };
