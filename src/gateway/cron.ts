/**
 * Cron jobs with isolated sessions (src/cron/ in OpenClaw 2026.4.12): each run
 * takes the cron lane (cron.maxConcurrentRuns, default 1), then the nested
 * lane for its agent run, and writes a per-run session entry
 * `agent:main:cron:<job>:run:<sessionId>` — which is how the incident's
 * store collected 56 stale entries. OpenClaw keeps jobs in its cron store,
 * not in openclaw.json, so jobs come from the scenario. The cron timer tick
 * also drives the cron-run reaper (src/cron/session-reaper.ts), at most once per 5 minutes.
 */
import type { Clock, TimerHandle } from '../clock/clock.ts';
import type { Lanes } from './lanes.ts';

export type CronJob = {
  readonly id: string;
  readonly everyMs: number;
  /** Size of the job's prompt. */
  readonly promptTokens: number;
};

export type Cron = { start(): void; stop(): void; readonly runs: number };

export function createCron(deps: {
  clock: Clock;
  lanes: Lanes;
  jobs: readonly CronJob[];
  enabled: boolean;
  runJob: (job: CronJob) => Promise<void>;
  /** Called on every timer tick; the reaper throttles itself. */
  onTick: (nowMs: number) => void;
}): Cron {
  const timers: TimerHandle[] = [];
  let runs = 0;
  return {
    get runs() {
      return runs;
    },
    start() {
      if (!deps.enabled) return;
      for (const job of deps.jobs) {
        timers.push(
          deps.clock.setInterval(() => {
            deps.onTick(deps.clock.now());
            runs++;
            void deps.lanes.run(['cron', 'nested'], () => deps.runJob(job)).catch(() => {
              // Logged by the lane; the job runs again on its next tick.
            });
          }, job.everyMs),
        );
      }
    },
    stop() {
      for (const timer of timers.splice(0)) deps.clock.clearInterval(timer);
    },
  };
}
