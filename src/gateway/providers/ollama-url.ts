/** openclaw@2026.2.26 `resolveOllamaChatUrl`: the base URL without trailing slashes or `/v1`, then `/api/chat`. */
export function chatUrlOf(baseUrl: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '').replace(/\/v1$/i, '') || 'http://127.0.0.1:11434'}/api/chat`;
}
