/**
 * The heartbeat (src/infra/heartbeat-runner.ts in OpenClaw 2026.4.12):
 * every `every` a turn in the main session on the main lane, sharing
 * `maxConcurrent` with user turns. It does not run while the main lane or the
 * session's lane has work active or queued (`requests-in-flight`; retried
 * every second until they are free), outside `activeHours` (`quiet-hours`),
 * or when HEARTBEAT.md has no tasks (`empty-heartbeat-file`; OpenClaw's
 * default template is headers only, so a fresh install never calls a model).
 */
import type { Clock, TimerHandle } from '../clock/clock.ts';
import type { EffectiveSettings } from '../config/effective.ts';
import type { Lanes } from './lanes.ts';
import type { GatewayLog } from './log.ts';

/** DEFAULT_RETRY_MS of the wake layer. */
const HEARTBEAT_RETRY_MS = 1_000;

type HeartbeatSkipReason = 'disabled' | 'quiet-hours' | 'empty-heartbeat-file' | 'requests-in-flight';

export type Heartbeat = {
  start(): void;
  stop(): void;
  readonly stats: { ran: number; skipped: Record<HeartbeatSkipReason, number> };
};

export function createHeartbeat(deps: {
  clock: Clock;
  log: GatewayLog;
  lanes: Lanes;
  settings: EffectiveSettings['heartbeat'];
  /** Whether HEARTBEAT.md has tasks (a scenario input). */
  hasTasks: boolean;
  /** The session lane the heartbeat's turn takes, e.g. `session:agent:main:main`. */
  sessionLane: string;
  runTurn: () => Promise<void>;
}): Heartbeat {
  const stats = { ran: 0, skipped: { disabled: 0, 'quiet-hours': 0, 'empty-heartbeat-file': 0, 'requests-in-flight': 0 } };
  let interval: TimerHandle | undefined;
  let retry: TimerHandle | undefined;
  let stopped = false;

  function skipReason(): HeartbeatSkipReason | undefined {
    if (!deps.settings.enabled) return 'disabled';
    if (!withinActiveHours(deps.settings.activeHours, deps.clock.now())) return 'quiet-hours';
    if (!deps.hasTasks) return 'empty-heartbeat-file';
    if (deps.lanes.load('main') > 0 || deps.lanes.load(deps.sessionLane) > 0) return 'requests-in-flight';
    return undefined;
  }

  function wake(): void {
    retry = undefined;
    if (stopped) return;
    const reason = skipReason();
    if (reason !== undefined) {
      stats.skipped[reason]++;
      if (reason === 'requests-in-flight') retry = deps.clock.setTimeout(wake, HEARTBEAT_RETRY_MS);
      return;
    }
    stats.ran++;
    void deps.lanes.run([deps.sessionLane, 'main'], deps.runTurn).catch(() => {
      // The lane already logged it; a failed heartbeat does not stop the next one.
    });
  }

  return {
    stats,
    start() {
      if (!deps.settings.enabled) return;
      deps.log.write('info', 'heartbeat', 'started');
      interval = deps.clock.setInterval(() => {
        if (retry === undefined) wake();
      }, deps.settings.everyMs);
    },
    stop() {
      stopped = true;
      deps.clock.clearInterval(interval);
      deps.clock.clearTimeout(retry);
    },
  };
}

/** `activeHours: {start: "08:00", end: "22:00", timezone}`; an end before the start wraps past midnight. */
function withinActiveHours(hours: EffectiveSettings['heartbeat']['activeHours'], nowMs: number): boolean {
  if (hours === null || hours.start === null || hours.end === null) return true;
  const minutes = minutesOfDay(nowMs, hours.timezone ?? 'UTC');
  const start = parseClockTime(hours.start);
  const end = parseClockTime(hours.end);
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

function minutesOfDay(nowMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(nowMs);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

function parseClockTime(text: string): number {
  const [hours = '0', minutes = '0'] = text.split(':');
  return Number(hours) * 60 + Number(minutes);
}
