/**
 * OpenClaw's command queue (src/process/command-queue.ts in OpenClaw 2026.4.12):
 * a run first takes its session's lane (one run per session at a time), then
 * a global lane — `main` (agents.defaults.maxConcurrent, default 4) for user
 * turns and heartbeats, `cron` (cron.maxConcurrentRuns, default 1) for cron
 * jobs, `nested` (1) for a cron run's inner agent run. In-process FIFO. A
 * task that waited over 2 s logs `lane wait exceeded`; a task that throws
 * logs `lane task error` and rethrows.
 */
import type { Clock } from '../clock/clock.ts';
import type { GatewayLog } from './log.ts';

const LANE_WAIT_WARN_MS = 2_000;

type LaneName = string;

type LaneState = { readonly name: LaneName; readonly concurrency: number; active: number; readonly waiting: Array<() => void> };

export type Lanes = {
  /** Runs `task` holding each lane in `path` in order (e.g. `session:agent:main:main`, then `main`). */
  run<T>(path: readonly LaneName[], task: () => Promise<T>): Promise<T>;
  /** Active plus queued tasks on a lane: what heartbeat's `requests-in-flight` check reads. */
  load(name: LaneName): number;
};

export function createLanes(deps: { clock: Clock; log: GatewayLog; concurrency: Readonly<Record<string, number>> }): Lanes {
  const lanes = new Map<LaneName, LaneState>();
  const laneOf = (name: LaneName): LaneState => {
    let lane = lanes.get(name);
    if (lane === undefined) {
      // Session lanes and unconfigured lanes run one task at a time, as in OpenClaw's command queue.
      lane = { name, concurrency: deps.concurrency[name] ?? 1, active: 0, waiting: [] };
      lanes.set(name, lane);
    }
    return lane;
  };

  async function acquire(lane: LaneState): Promise<void> {
    if (lane.active < lane.concurrency && lane.waiting.length === 0) {
      lane.active++;
      return;
    }
    const queueAhead = lane.waiting.length + lane.active;
    const enqueuedMs = deps.clock.now();
    await new Promise<void>((resolve) => lane.waiting.push(resolve));
    const waitedMs = deps.clock.now() - enqueuedMs;
    if (waitedMs > LANE_WAIT_WARN_MS) {
      deps.log.write('warn', 'diagnostic', `lane wait exceeded: lane=${lane.name} waitedMs=${waitedMs} queueAhead=${queueAhead}`);
    }
  }

  function release(lane: LaneState): void {
    const next = lane.waiting.shift();
    if (next === undefined) lane.active--;
    else next(); // the slot passes straight to the next task
  }

  async function run<T>(path: readonly LaneName[], task: () => Promise<T>): Promise<T> {
    const [first, ...rest] = path;
    if (first === undefined) return task();
    const lane = laneOf(first);
    await acquire(lane);
    const startedMs = deps.clock.now();
    try {
      return await run(rest, task);
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      deps.log.write('error', 'diagnostic', `lane task error: lane=${lane.name} durationMs=${deps.clock.now() - startedMs} error="${message}"`);
      throw error;
    } finally {
      release(lane);
    }
  }

  return {
    run,
    load(name) {
      const lane = lanes.get(name);
      return lane === undefined ? 0 : lane.active + lane.waiting.length;
    },
  };
}
