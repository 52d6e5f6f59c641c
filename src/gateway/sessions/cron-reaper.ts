/**
 * The cron run reaper (openclaw@2026.2.26
 * `src/cron/session-reaper.ts`): deletes `…:cron:<jobId>:run:<id>` entries
 * older than `cron.sessionRetention` (default 24h; `false` turns it off),
 * whatever the maintenance mode. The cron timer tick calls `sweep`; it
 * throttles itself to once per 5 minutes.
 *
 * Faithful details: the first sweep runs at once (the last-sweep time starts
 * at 0); a turned-off reaper still records the sweep time; an entry without
 * updatedAt counts as infinitely old (`updatedAt ?? 0`, unlike maintenance,
 * which keeps such entries); and the sweep is an ordinary store write, so
 * maintenance runs with it even when nothing was expired.
 */
import type { EffectiveSettings } from '../../config/effective.ts';
import type { GatewayLog } from '../log.ts';
import { isCronRunSessionKey } from './keys.ts';
import { CRON_LOG_SUBSYSTEM, reaperPrunedLine } from './log-lines.ts';
import type { SessionStore } from './store.ts';

export type CronReaperOptions = {
  readonly store: SessionStore;
  /** `effectiveSettings(config, profile).cron`: sessionRetentionMs (null = off), reaperMinSweepIntervalMs. */
  readonly settings: Pick<EffectiveSettings['cron'], 'sessionRetentionMs' | 'reaperMinSweepIntervalMs'>;
  readonly log?: Pick<GatewayLog, 'write'>;
};

type SweepResult = { readonly swept: boolean; readonly pruned: number };

export type CronReaper = {
  /** Called from every cron timer tick; does nothing within 5 minutes of the last sweep unless forced. */
  sweep(nowMs: number, options?: { force?: boolean }): SweepResult;
};

export function createCronReaper(options: CronReaperOptions): CronReaper {
  const { store, settings } = options;
  let lastSweepAtMs = 0;
  return {
    sweep(nowMs, sweepOptions = {}) {
      if (sweepOptions.force !== true && nowMs - lastSweepAtMs < settings.reaperMinSweepIntervalMs) return NOT_SWEPT;
      const retentionMs = settings.sessionRetentionMs;
      lastSweepAtMs = nowMs;
      if (retentionMs === null) return NOT_SWEPT;
      const pruned = expireCronRuns(store, nowMs - retentionMs);
      if (pruned > 0) options.log?.write('info', CRON_LOG_SUBSYSTEM, reaperPrunedLine(pruned));
      return { swept: true, pruned };
    },
  };
}

const NOT_SWEPT: SweepResult = { swept: false, pruned: 0 };

function expireCronRuns(store: SessionStore, cutoffMs: number): number {
  let pruned = 0;
  store.write(
    (entries) => {
      for (const [key, entry] of entries) {
        if (!isCronRunSessionKey(key) || (entry.updatedAt ?? 0) >= cutoffMs) continue;
        entries.delete(key);
        pruned++;
      }
    },
    { activeKey: null },
  );
  return pruned;
}
