/**
 * Requests no mock answered make the run an error. The gateway sees them as
 * failed network calls and fails over, so without this a config pointing a
 * provider at a wrong base URL reads as a run of failed turns; the error
 * names each request and the mounts it could have been meant for.
 */
import { formatOffsetMs } from '../clock/format-offset.ts';
import type { MountRoutes, RunRecord } from './record.ts';
import type { CheckResult } from './result.ts';

const UNMATCHED_CHECK = 'unmatched-requests';

const REQUESTS_SHOWN = 10;
const ROUTES_SHOWN = 4;

export function unmatchedRequestsError(record: RunRecord): CheckResult | undefined {
  if (record.unmatched.length === 0) return undefined;
  const distinct = new Map<string, { method: string; url: string; count: number; firstAtMs: number }>();
  for (const request of record.unmatched) {
    const key = `${request.method} ${request.url}`;
    const seen = distinct.get(key);
    if (seen === undefined) distinct.set(key, { method: request.method, url: request.url, count: 1, firstAtMs: request.atMs });
    else seen.count++;
  }
  const first = record.unmatched[0]!;
  const total = record.unmatched.length;
  return {
    check: UNMATCHED_CHECK,
    title: 'Every request answered by a mock',
    step: undefined,
    // Requests the gateway sent where no mock serves: the gateway's configuration, not a user outcome.
    layer: 'gateway',
    status: 'error',
    summary: `${total} request${total === 1 ? '' : 's'} no mock answered, first ${first.method} ${first.url}: a base URL in the config (models.providers.*.baseUrl, channels.telegram.apiRoot) points where no mock serves`,
    evidence: [...distinct.values()].slice(0, REQUESTS_SHOWN).map(
      (request) =>
        `${request.count} × ${request.method} ${request.url} (first at ${formatOffsetMs(request.firstAtMs - record.startMs)}); could have meant ${couldHaveMeant(request.url, record.mounts)}`,
    ),
    figures: { unmatched: total, distinct: distinct.size },
  };
}

/**
 * The mounts a URL was likely meant for: those on its origin (right host,
 * wrong path), else the one its first path segment names (a served mock's
 * `/google/…`), else every mount.
 */
export function couldHaveMeant(url: string, mounts: readonly MountRoutes[]): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  const sameOrigin = mounts.filter((mount) => mount.origin === parsed?.origin);
  if (sameOrigin.length > 0) return sameOrigin.map(withRoutes).join('; ');
  const segment = parsed?.pathname.split('/')[1];
  const named = mounts.filter((mount) => mount.mount === segment);
  if (named.length > 0) return named.map(withRoutes).join('; ');
  return mounts.map((mount) => `${mount.mount} (${mount.origin})`).join(', ');
}

function withRoutes(mount: MountRoutes): string {
  const shown = mount.routes.slice(0, ROUTES_SHOWN).join(', ');
  const more = mount.routes.length > ROUTES_SHOWN ? `, … ${mount.routes.length - ROUTES_SHOWN} more` : '';
  return `${mount.mount} at ${mount.origin}, which serves ${shown}${more}`;
}
