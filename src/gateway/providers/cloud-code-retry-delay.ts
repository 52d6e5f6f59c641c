/**
 * How long pi-ai waits before retrying a Cloud Code Assist error: the
 * server's hint, from the headers first (`retry-after` seconds or date,
 * `x-ratelimit-reset` epoch seconds, `x-ratelimit-reset-after` seconds), then
 * the body ("Your quota will reset after 18h31m10s", "Please retry in 37.5s",
 * `"retryDelay": "34.07s"`), plus one second, rounded up. Read in
 * openclaw@2026.2.26's node_modules/@mariozechner/pi-ai/dist/providers/google-gemini-cli.js
 * `extractRetryDelay`; the wall clock it reads is the run's clock here.
 */
export function cloudCodeRetryDelayMs(errorText: string, headers: Headers, nowMs: number): number | undefined {
  return fromHeaders(headers, nowMs) ?? fromBody(errorText);
}

function padded(ms: number): number | undefined {
  return ms > 0 ? Math.ceil(ms + 1000) : undefined;
}

function fromHeaders(headers: Headers, nowMs: number): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const delay = Number.isFinite(seconds) ? padded(seconds * 1000) : undefined;
    if (delay !== undefined) return delay;
    const atMs = new Date(retryAfter).getTime();
    const untilDate = Number.isNaN(atMs) ? undefined : padded(atMs - nowMs);
    if (untilDate !== undefined) return untilDate;
  }
  const reset = Number.parseInt(headers.get('x-ratelimit-reset') ?? '', 10);
  const untilReset = Number.isNaN(reset) ? undefined : padded(reset * 1000 - nowMs);
  if (untilReset !== undefined) return untilReset;
  const resetAfter = Number(headers.get('x-ratelimit-reset-after') ?? Number.NaN);
  return Number.isFinite(resetAfter) ? padded(resetAfter * 1000) : undefined;
}

function fromBody(text: string): number | undefined {
  const duration = /reset after (?:(\d+)h)?(?:(\d+)m)?(\d+(?:\.\d+)?)s/i.exec(text);
  if (duration) {
    const totalMs = ((Number(duration[1] ?? 0) * 60 + Number(duration[2] ?? 0)) * 60 + Number.parseFloat(duration[3]!)) * 1000;
    const delay = padded(totalMs);
    if (delay !== undefined) return delay;
  }
  for (const pattern of [/Please retry in ([0-9.]+)(ms|s)/i, /"retryDelay":\s*"([0-9.]+)(ms|s)"/i]) {
    const match = pattern.exec(text);
    const value = Number.parseFloat(match?.[1] ?? '');
    if (!Number.isNaN(value) && value > 0) {
      const delay = padded(match![2]!.toLowerCase() === 'ms' ? value : value * 1000);
      if (delay !== undefined) return delay;
    }
  }
  return undefined;
}
