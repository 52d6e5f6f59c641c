/**
 * Gemini on Vertex AI: the Gemini API's wire format (gemini.ts: bodies,
 * usage, SSE, faults, error envelope) on Vertex's resource URLs,
 *
 *   POST https://{location}-aiplatform.googleapis.com/v1/projects/{project}/locations/{location}/publishers/google/models/{model}:streamGenerateContent?alt=sse
 *
 * and `:generateContent`, `v1beta1` alike. That is the URL @google/genai
 * builds with `vertexai: true` (its `ApiClient` base URL and
 * `projects/…/locations/…` prefix), which pi-ai's `streamGoogleVertex` uses in
 * openclaw@2026.2.26 (node_modules/@mariozechner/pi-ai/dist/providers/google-vertex.js,
 * `createClient`, API version `v1`), and the one openclaw@2026.9.6 builds itself
 * (dist/transport-stream-*.mjs `buildGoogleVertexRequestUrl`: `global` →
 * `aiplatform.googleapis.com`, `us`/`eu` → `aiplatform.{l}.rep.googleapis.com`).
 * A key travels as `x-goog-api-key`, Google credentials as a bearer token;
 * the mock takes either.
 *
 * Vertex serves Gemini 2.x and later under dynamic shared quota: no
 * per-project table (https://cloud.google.com/vertex-ai/generative-ai/docs/dynamic-shared-quota),
 * so the mock is unlimited unless the scenario sets limits (tiers.ts). Its
 * 429 is the shared-capacity one, without QuotaFailure or RetryInfo (observed
 * in google-gemini/gemini-cli#14811 and #15498); its 404 names the publisher
 * model resource (observed in genkit-ai/genkit#4688).
 */
import type { MockRoute } from '../routes.ts';
import { errorAnswer } from './dialect.ts';
import { createExchange, type ProviderMockSpec } from './exchange.ts';
import { geminiDialect, type GoogleFlavour, GOOGLE_ERRORS } from './gemini.ts';

/** The regional endpoints a simulation calls: the location quotastorm's gateway names, and the global one. */
export const VERTEX_ORIGINS = ['https://us-central1-aiplatform.googleapis.com', 'https://aiplatform.googleapis.com'] as const;
const VERTEX_API_VERSIONS = ['v1', 'v1beta1'] as const;

export function vertexRoutes(spec: ProviderMockSpec): MockRoute[] {
  const exchange = createExchange(spec, geminiDialect(spec.ledger.policies.vertex.tier, VERTEX_FLAVOUR));
  return VERTEX_ORIGINS.flatMap((origin) =>
    VERTEX_API_VERSIONS.flatMap((version) =>
      (['generateContent', 'streamGenerateContent'] as const).map(
        (api): MockRoute => ({
          method: 'POST',
          origin,
          path: `/${version}/projects/{project}/locations/{location}/publishers/google/models/{model}:${api}`,
          handle: (request, params) =>
            exchange(request, {
              api,
              version,
              modelId: params['model']!,
              stream: api === 'streamGenerateContent',
              resource: `projects/${params['project']!}/locations/${params['location']!}`,
            }),
        }),
      ),
    ),
  );
}

const CAPACITY_429 =
  'Resource exhausted. Please try again later. Please refer to https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more details.';

export const VERTEX_FLAVOUR: GoogleFlavour = {
  provider: 'vertex',
  notFoundMessage: (modelId, route) =>
    `Publisher Model \`${route.resource ?? 'projects/-/locations/-'}/publishers/google/models/${modelId}\` was not found or your project does not have access to it. ` +
    'Please ensure you are using a valid model version. For more information, see: https://cloud.google.com/vertex-ai/generative-ai/docs/learn/model-versions',
  // No retry hint in the body or the headers: the journal keeps none (`retryAfterMs` undefined).
  rateLimited: (_call, admission) =>
    errorAnswer(GOOGLE_ERRORS, 429, { status: 'RESOURCE_EXHAUSTED', message: CAPACITY_429 }, admission.retryAfterMs === undefined ? 'too-large' : 'rate-limited'),
};
