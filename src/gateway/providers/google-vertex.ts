/**
 * `google-vertex`: Gemini on Vertex AI through `@google/genai` with
 * `vertexai: true`, as pi-ai's `streamGoogleVertex` calls it in openclaw@2026.2.26
 * (node_modules/@mariozechner/pi-ai/dist/providers/google-vertex.js `createClient`:
 * project, location, API version `v1`, streamed). The SDK then posts to
 * `https://{location}-aiplatform.googleapis.com/v1/projects/{p}/locations/{l}/publishers/google/models/{m}:streamGenerateContent?alt=sse`.
 * Everything after the request (stream reading, stop reasons, errors) is the
 * Gemini adapter's: the wire format is the same.
 *
 * Real OpenClaw takes the project and location from GOOGLE_CLOUD_PROJECT /
 * GOOGLE_CLOUD_LOCATION and authenticates with Application Default
 * Credentials (2026.9.6 sends a configured key as `x-goog-api-key` instead:
 * dist/transport-stream-*.mjs `buildGoogleVertexHeaders`). A simulation looks
 * nothing up: it names its own project and location and sends a stand-in key,
 * so nothing leaves the mocks.
 */
import { GoogleGenAI } from '@google/genai';
import type { AdapterDeps } from './adapter-deps.ts';
import { genAiClient } from './google-generative-ai.ts';
import type { ProviderClient } from './types.ts';

/** The project and location the simulated gateway names; the Vertex mock answers this location's endpoint. */
const SIMULATED_PROJECT = 'quotastorm-simulation';
const SIMULATED_LOCATION = 'us-central1';

export function googleVertexClient(deps: AdapterDeps): ProviderClient {
  const client = new GoogleGenAI({
    vertexai: true,
    project: SIMULATED_PROJECT,
    location: SIMULATED_LOCATION,
    apiKey: deps.apiKey ?? 'quotastorm-vertex-credentials',
    apiVersion: 'v1',
    httpOptions: { baseUrl: vertexBaseUrl(deps.baseUrl, SIMULATED_LOCATION), fetch: deps.fetch } as never,
  });
  return genAiClient(deps, 'google-vertex', client);
}

/**
 * openclaw@2026.9.6 `resolveGoogleVertexBaseOrigin`: a base URL with a
 * `{location}` placeholder (the built-in catalog's) is the location's regional
 * endpoint (`global` → aiplatform.googleapis.com, `us`/`eu` → the `rep`
 * multi-region hosts); any other base URL is used as written. OpenClaw keeps
 * only its origin; this keeps the path too, so a base URL under
 * `quotastorm mocks serve`'s `/google-vertex` prefix reaches the mount.
 */
export function vertexBaseUrl(baseUrl: string, location: string): string {
  if (!baseUrl.includes('{location}')) return baseUrl.replace(/\/+$/, '');
  if (location === 'global') return 'https://aiplatform.googleapis.com';
  if (location === 'eu' || location === 'us') return `https://aiplatform.${location}.rep.googleapis.com`;
  return `https://${location}-aiplatform.googleapis.com`;
}
