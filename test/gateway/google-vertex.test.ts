import { describe, expect, it } from 'vitest';
import { vertexBaseUrl } from '../../src/gateway/providers/google-vertex.ts';

describe('the Vertex AI endpoint the gateway calls (openclaw@2026.9.6 resolveGoogleVertexBaseOrigin)', () => {
  const CATALOG = 'https://{location}-aiplatform.googleapis.com';

  it.each([
    ['us-central1', 'https://us-central1-aiplatform.googleapis.com'],
    ['global', 'https://aiplatform.googleapis.com'],
    ['eu', 'https://aiplatform.eu.rep.googleapis.com'],
  ])('fills the catalog placeholder for location %s', (location, expected) => {
    expect(vertexBaseUrl(CATALOG, location)).toBe(expected);
  });

  it('takes a base URL without the placeholder as written', () => {
    expect(vertexBaseUrl('http://127.0.0.1:4000/google-vertex/', 'us-central1')).toBe('http://127.0.0.1:4000/google-vertex');
  });
});
