/**
 * The gateway's own file log (`logging.file`, JSON lines from tslog), read
 * back as `[subsystem] message` lines like its console prints them, filtered
 * to the lines a golden trace keeps and normalized so two recordings of the
 * same behaviour print the same lines.
 *
 * Two shapes are read: tslog's positional `{"0": "{\"subsystem\":…}", "1": …,
 * "_meta": {logLevelName}, "time"}` (2026.2.26) and the flat
 * `{time, level, subsystem, message, …}` the docs describe.
 */
import { existsSync, readFileSync } from 'node:fs';

export type GatewayLogLine = { readonly atMs: number; readonly level: string; readonly subsystem: string; readonly message: string };

export function readGatewayLog(file: string): GatewayLogLine[] {
  if (!existsSync(file)) return [];
  const lines: GatewayLogLine[] = [];
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (text.trim() === '') continue;
    try {
      const parsed = parseLogRecord(JSON.parse(text) as Record<string, unknown>);
      if (parsed) lines.push(parsed);
    } catch {
      // A torn last line (the gateway was killed mid-write) is skipped.
    }
  }
  return lines;
}

export function parseLogRecord(record: Record<string, unknown>): GatewayLogLine | undefined {
  const meta = (record['_meta'] ?? {}) as { logLevelName?: string; date?: string };
  const time = typeof record['time'] === 'string' ? record['time'] : meta.date;
  const atMs = time === undefined ? Number.NaN : Date.parse(time);
  if (Number.isNaN(atMs)) return undefined;
  const level = String(meta.logLevelName ?? record['level'] ?? 'INFO').toUpperCase();
  const parts = Object.keys(record)
    .filter((key) => /^\d+$/.test(key))
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => record[key]);
  if (parts.length === 0) {
    // The flat shape: {time, level, subsystem, message, …}.
    if (typeof record['message'] !== 'string') return undefined;
    return { atMs, level, subsystem: String(record['subsystem'] ?? record['module'] ?? ''), message: record['message'] };
  }
  // tslog's positional shape; 2026.9.6 adds a flat `message` copy, which the parts already hold.
  let subsystem = '';
  const bindings = typeof parts[0] === 'string' ? tryJson(parts[0]) : undefined;
  if (bindings && typeof bindings === 'object' && bindings !== null && !Array.isArray(bindings)) {
    const named = bindings as { subsystem?: unknown; module?: unknown };
    if (typeof named.subsystem === 'string' || typeof named.module === 'string') {
      subsystem = String(named.subsystem ?? named.module);
      parts.shift();
    }
  }
  const strings = parts.filter((part): part is string => typeof part === 'string');
  const objects = parts.filter((part) => typeof part === 'object' && part !== null);
  const message = [...strings, ...objects.map((part) => JSON.stringify(part))].join(' ');
  return { atMs, level, subsystem, message };
}

function tryJson(text: string): unknown {
  if (!text.startsWith('{')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The console's subsystem label: `gateway/` and `channels/` dropped (openclaw/openclaw@2026.4.12 src/logging/subsystem.ts). */
export function consoleSubsystem(subsystem: string): string {
  return subsystem.replace(/^gateway\//, '').replace(/^channels\//, '');
}

/**
 * Lines a trace keeps: rate limits, retries, failover and fallback, the
 * all-models-failed summary, errors, session store maintenance, Telegram
 * command menus and sends, and the gateway's own lifecycle landmarks.
 */
const INTERESTING = [
  /rate.?limit|429|RESOURCE_EXHAUSTED|quota|overload/i,
  /retry|retrying|backoff|cooldown/i,
  /failover|fallback|candidate|all models failed|failed before reply|agent end|lane task error|unknown error|terminated/i,
  /error|failed|warn/i,
  /session|prun|capped|maintenance|reaper|store/i,
  /command|BOT_COMMANDS|setMyCommands|menu/i,
  /sendMessage|inbound|outbound|deliver/i,
  /agent model|listening on|ready|starting provider|shutdown|SIGTERM/i,
];

/** Noise that matches the patterns above but says nothing about behaviour. */
const BORING = [
  /autoSelectFamily|dnsResultOrder|bonjour|canvas host mounted|Browser control listening|gmail watcher/i,
  // Timing-dependent: only logged when the 2-core machine happened to be slow.
  /slow SQLite|slow .* operation|event loop (delay|lag)|took longer/i,
];

export function isInteresting(line: GatewayLogLine): boolean {
  const text = `${line.subsystem} ${line.message}`;
  if (BORING.some((pattern) => pattern.test(text))) return false;
  return line.level === 'ERROR' || line.level === 'WARN' || INTERESTING.some((pattern) => pattern.test(text));
}

export type NormalizeContext = { readonly runDir: string; readonly mockUrl: string };

/**
 * Volatile parts out: the run directory, the mock's port, uuids and run ids,
 * timestamps, pids, measured durations. Nominal values (delayMs=…, retry
 * counts, limits) stay: they are the behaviour.
 */
export function normalizeLogText(text: string, context: NormalizeContext): string {
  const mockPort = new URL(context.mockUrl).port;
  return text
    .split(context.runDir)
    .join('<run>')
    .replace(new RegExp(`127\\.0\\.0\\.1:${mockPort}\\b`, 'g'), '127.0.0.1:<mock>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>')
    .replace(/\b(runId|sessionId|requestId|traceId|id)=[\w:.-]+/g, '$1=<id>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g, '<time>')
    .replace(/\b(lastFailureAt|cooldownUntil|updatedAt|at|atMs|nextWakeAtMs)(["=:]+)\d{10,}/g, '$1$2<time>')
    .replace(/\(PID \d+\)/g, '(PID <pid>)')
    .replace(/\b(durationMs|elapsedMs|tookMs|latencyMs|queueWaitMs|writerExecutionMs|completionDelayMs)([=:"]+)\d+/g, '$1$2<ms>')
    .replace(/\b(pid|threadId|workerThreadId)([=:"]+)\d+/g, '$1$2<n>')
    .replace(/\b(traceId|spanId)([=:"]+)[0-9a-f]+/g, '$1$2<id>')
    .replace(/\b(duration)=\d+(?:\.\d+)?ms\b/g, '$1=<ms>ms')
    .replace(/\bin \d+(?:\.\d+)?\s?ms\b/g, 'in <ms>ms');
}
