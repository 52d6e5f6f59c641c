/**
 * The gateway's own log, as OpenClaw's supervisor files hold it
 * (src/daemon/launchd.ts `resolveGatewayLogPaths` in OpenClaw 2026.4.12): `gateway.log` gets every line, `gateway.err.log`
 * the warnings and errors, each `<time> [<subsystem>] <message>` — the console
 * format, which is what a service's stdout/stderr capture. The incident
 * write-up's monitoring (`grep -c 'rate limit' gateway.err.log`,
 * `grep -c BOT_COMMANDS_TOO_MUCH gateway.err.log`) runs on these files unchanged.
 *
 * Times are the run's clock in UTC (`HH:MM:SS`), so a virtual run's log is
 * deterministic.
 */
import type { Clock } from '../clock/clock.ts';

export type LogLevel = 'info' | 'warn' | 'error';

export type LogRecord = { readonly atMs: number; readonly level: LogLevel; readonly subsystem: string; readonly message: string };

export type GatewayLog = {
  write(level: LogLevel, subsystem: string, message: string): void;
  readonly records: readonly LogRecord[];
  /** `gateway.log`: every line. */
  allText(): string;
  /** `gateway.err.log`: warnings and errors. */
  errorText(): string;
};

export function createGatewayLog(clock: Clock): GatewayLog {
  const records: LogRecord[] = [];
  return {
    records,
    write(level, subsystem, message) {
      records.push({ atMs: clock.now(), level, subsystem, message });
    },
    allText: () => logText(records),
    errorText: () => logText(records.filter((record) => record.level !== 'info')),
  };
}

/** Records as `gateway.log` / `gateway.err.log` print them: `HH:MM:SS [subsystem] message`, one a line. */
export function logText(records: readonly LogRecord[]): string {
  return records.map(formatLine).join('');
}

function formatLine(record: LogRecord): string {
  const time = new Date(record.atMs).toISOString().slice(11, 19);
  const prefix = record.subsystem === '' ? '' : `[${record.subsystem}] `;
  return `${time} ${prefix}${record.message}\n`;
}
