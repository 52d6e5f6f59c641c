/**
 * Cloud Code Assist, the backend of Gemini CLI's "Login with Google"
 * (`google-gemini-cli`) and of Antigravity (`google-antigravity`): the Gemini
 * format (gemini.ts) wrapped. The request is `{model, project, request: {…a
 * Gemini request…}, userAgent, requestId}` and every response chunk is
 * `{response: {…a Gemini chunk…}}`, posted to
 *
 *   POST https://cloudcode-pa.googleapis.com/v1internal:streamGenerateContent?alt=sse
 *
 * (Antigravity: daily-cloudcode-pa.sandbox.googleapis.com), as pi-ai's
 * `streamGoogleGeminiCli` sends and reads them in openclaw@2026.2.26
 * (node_modules/@mariozechner/pi-ai/dist/providers/google-gemini-cli.js
 * `buildRequest`, `chunk.response`). Auth is an OAuth bearer token.
 *
 * Quota is per user across models (https://github.com/google-gemini/gemini-cli/blob/main/docs/resources/quota-and-pricing.md;
 * tiers.ts). Its 429 says when the quota resets: "You have exhausted your
 * capacity on this model. Your quota will reset after 39s." with an ErrorInfo
 * (`RATE_LIMIT_EXCEEDED` / `QUOTA_EXHAUSTED`, `quotaResetDelay`,
 * `quotaResetTimeStamp`) and a RetryInfo (observed in
 * liuw1535/antigravity2api-nodejs#44 and google-gemini/gemini-cli#29425).
 */
import type { Refusal } from './ledger.ts';
import type { MockRoute } from '../routes.ts';
import { type Answer, type Call, errorAnswer } from './dialect.ts';
import { createExchange, type ProviderMockSpec } from './exchange.ts';
import { type GeminiRequest, geminiDialect, type GoogleFlavour, GOOGLE_ERRORS } from './gemini.ts';

export const CLOUD_CODE_ORIGIN = 'https://cloudcode-pa.googleapis.com';
/** Antigravity's endpoint, the built-in google-antigravity provider's base URL in OpenClaw 2026.2.26. */
const ANTIGRAVITY_ORIGIN = 'https://daily-cloudcode-pa.sandbox.googleapis.com';

export function geminiCliRoutes(spec: ProviderMockSpec): MockRoute[] {
  const exchange = createExchange(spec, geminiDialect(spec.ledger.policies['gemini-cli'].tier, GEMINI_CLI_FLAVOUR));
  return [CLOUD_CODE_ORIGIN, ANTIGRAVITY_ORIGIN].flatMap((origin) =>
    (['generateContent', 'streamGenerateContent'] as const).map(
      (api): MockRoute => ({
        method: 'POST',
        origin,
        path: `/v1internal:${api}`,
        handle: (request) => exchange(request, { api, version: 'v1internal', stream: api === 'streamGenerateContent' }),
      }),
    ),
  );
}

export const GEMINI_CLI_FLAVOUR: GoogleFlavour = {
  provider: 'gemini-cli',
  unwrap(json) {
    const wrapper = typeof json === 'object' && json !== null ? (json as { model?: unknown; request?: unknown }) : {};
    return { request: wrapper.request, modelId: typeof wrapper.model === 'string' ? wrapper.model : undefined };
  },
  wrapChunk: (chunk) => ({ response: chunk }),
  // Google's generic NOT_FOUND wording; what Cloud Code Assist says for an unknown model is unverified.
  notFoundMessage: () => 'Requested entity was not found.',
  rateLimited: capacityExhausted,
};

function capacityExhausted(call: Call<GeminiRequest>, admission: Refusal): Answer {
  const retryAfterMs = admission.retryAfterMs;
  const daily = admission.violations.some((violation) => violation.dimension === 'requestsPerDay');
  const waitMs = retryAfterMs ?? 0;
  const details: object[] = [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: daily ? 'QUOTA_EXHAUSTED' : 'RATE_LIMIT_EXCEEDED',
      domain: 'cloudcode-pa.googleapis.com',
      metadata: {
        uiMessage: 'true',
        model: call.model.id,
        quotaResetDelay: goDuration(waitMs),
        quotaResetTimeStamp: new Date(Math.ceil((call.atMs + waitMs) / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
      },
    },
    { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${waitMs / 1000}s` },
  ];
  const message = `You have exhausted your capacity on this model. Your quota will reset after ${goDuration(Math.ceil(waitMs / 1000) * 1000)}.`;
  return {
    ...errorAnswer(GOOGLE_ERRORS, 429, { status: 'RESOURCE_EXHAUSTED', message, details }, retryAfterMs === undefined ? 'too-large' : 'rate-limited'),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

/** A Go duration as Google prints it: `39s`, `10m15s`, `161h39m41.3s`. */
function goDuration(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  return `${hours > 0 ? `${hours}h` : ''}${hours > 0 || minutes > 0 ? `${minutes}m` : ''}${seconds}s`;
}
