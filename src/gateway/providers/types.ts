/**
 * What the router asks of a provider, whatever its wire format: one chat
 * completion, streamed or not, and either a reply or a `ProviderError` that
 * carries everything the router classifies on (status, headers, body,
 * message) and how many HTTP requests the attempt took.
 */
import type { ModelApi } from '../../config/schema.ts';

export type ChatMessage = { readonly role: 'user' | 'assistant'; readonly text: string };

export type ChatCall = {
  readonly modelId: string;
  readonly system: string;
  readonly messages: readonly ChatMessage[];
  readonly maxOutputTokens?: number;
  /** The model's context window as the gateway resolved it, where it knows one; ollama sends it as `num_ctx`. */
  readonly contextWindowTokens?: number;
  readonly stream: boolean;
};

/**
 * `stopReason` follows pi-ai's mapping (the library OpenClaw's embedded runner
 * calls): `stop` and `length` end a turn normally, `missing` is a stream that
 * ended without saying why (its partial text is the reply), and every other
 * provider reason is an error the adapter throws instead of returning.
 */
export type ChatReply = {
  readonly text: string;
  readonly stopReason: 'stop' | 'length' | 'missing';
  readonly usage: { readonly inputTokens: number; readonly outputTokens: number };
  /** HTTP requests this call made, SDK-level retries included. */
  readonly httpRequests: number;
};

/**
 * The API kind a client speaks: one a config may name, or `google-gemini-cli`, which only
 * built-in catalogs use (pi-ai's Cloud Code Assist kind behind OpenClaw 2026.2.26's
 * google-gemini-cli and google-antigravity providers; not in OpenClaw's config enum).
 */
export type ClientApi = ModelApi | 'google-gemini-cli';

export type ProviderClient = {
  readonly providerId: string;
  readonly api: ClientApi;
  call(call: ChatCall): Promise<ChatReply>;
};

/** The providers' API kinds quotastorm's gateway can call. */
export const SUPPORTED_APIS = [
  'google-generative-ai',
  'openai-completions',
  'openai-responses',
  'openai-codex-responses',
  'azure-openai-responses',
  'anthropic-messages',
  'ollama',
  'google-vertex',
  'google-gemini-cli',
  'bedrock-converse-stream',
] as const;
export type SupportedApi = (typeof SUPPORTED_APIS)[number];
