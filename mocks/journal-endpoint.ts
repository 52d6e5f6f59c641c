/**
 * `GET /_quotastorm/journal`: the world's logs as NDJSON, one entry per
 * line, written in batches as the socket drains — never one string of the
 * whole journal, which at millions of entries exceeds what a string can hold.
 *
 *   ?log=providers|telegram|unmatched   one log (default: all three, in that order)
 *   ?since=<seq>                        entries after this sequence number (default 0)
 *   ?last=<n>                           or: the newest n entries
 *   ?limit=<n>                          at most n entries per log (default: all retained)
 *
 * Each line is the entry with its log's name first: `{"log":"providers","seq":1,…}`.
 * A served mock keeps only its newest entries (recent-log.ts): a reader
 * pages with `since` = the last `seq` it saw, and `GET
 * /_quotastorm/journal/counts` gives the exact totals and what is retained.
 */
import type { ServerResponse } from 'node:http';
import type { LogCounts, RecentLog } from './recent-log.ts';
import { LOG_NAMES, type LogName, type MockWorld } from './world.ts';

type Query = { logs: readonly LogName[]; since: number | undefined; last: number | undefined; limit: number };

const BATCH = 1_000;

/** Parses the query; a string names what is wrong with it. */
export function parseJournalQuery(search: URLSearchParams): Query | string {
  const log = search.get('log');
  if (log !== null && !(LOG_NAMES as readonly string[]).includes(log)) return `log must be one of ${LOG_NAMES.join(', ')}, got "${log}"`;
  const numbers: Record<'since' | 'last' | 'limit', number | undefined> = { since: undefined, last: undefined, limit: undefined };
  for (const name of ['since', 'last', 'limit'] as const) {
    const text = search.get(name);
    if (text === null) continue;
    const value = Number(text);
    if (text === '' || !Number.isSafeInteger(value) || value < 0) return `${name} must be a whole number ≥ 0, got "${text}"`;
    numbers[name] = value;
  }
  if (numbers.since !== undefined && numbers.last !== undefined) return 'give since or last, not both';
  return { logs: log === null ? LOG_NAMES : [log as LogName], since: numbers.since, last: numbers.last, limit: numbers.limit ?? Number.MAX_SAFE_INTEGER };
}

export async function streamJournal(world: MockWorld, query: Query, response: ServerResponse): Promise<void> {
  response.writeHead(200, { 'content-type': 'application/x-ndjson' });
  for (const name of query.logs) {
    const log = logOf(world, name);
    const since = query.last === undefined ? (query.since ?? 0) : Math.max(0, counts(log).total - query.last);
    const prefix = `{"log":"${name}",`;
    for (let after = since, left = query.limit; left > 0; ) {
      const lines = linesSince(log, after, Math.min(BATCH, left));
      if (lines.length === 0) break;
      if (response.destroyed) return;
      const chunk = lines.map((line) => `${prefix}${line.slice(1)}\n`).join('');
      if (!response.write(chunk)) await drained(response);
      left -= lines.length;
      after = (JSON.parse(lines.at(-1)!) as { seq: number }).seq;
    }
  }
  response.end();
}

export function journalCounts(world: MockWorld): Record<LogName, LogCounts> {
  const result = {} as Record<LogName, LogCounts>;
  for (const name of LOG_NAMES) result[name] = counts(logOf(world, name));
  return result;
}

/** A log as a world holds it: the full record of an in-process run, or a served mock's recent log. */
type AnyLog = { readonly entries: readonly { readonly seq: number; readonly status?: number | undefined }[] } | RecentLog<{ seq: number }>;

function logOf(world: MockWorld, name: LogName): AnyLog {
  return { providers: world.journal, telegram: world.telegram.journal, unmatched: world.unmatched }[name];
}

function isRecent(log: AnyLog): log is RecentLog<{ seq: number }> {
  return 'linesSince' in log;
}

function linesSince(log: AnyLog, since: number, limit: number): string[] {
  if (isRecent(log)) return log.linesSince(since, limit);
  // A full log numbers its entries 1, 2, 3…: entry `seq` is at index seq − 1.
  return log.entries.slice(since, since + limit).map((entry) => JSON.stringify(entry));
}

function counts(log: AnyLog): LogCounts {
  if (isRecent(log)) return log.counts();
  const byStatus: Record<string, number> = {};
  for (const entry of log.entries) byStatus[String(entry.status)] = (byStatus[String(entry.status)] ?? 0) + 1;
  return { total: log.entries.length, retained: log.entries.length, byStatus };
}

function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.once('drain', done);
    response.once('close', done);
  });
}
