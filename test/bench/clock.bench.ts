import { createVirtualClock } from '../../src/clock/index.ts';
import { measure, type BenchRow } from './measure.ts';

const EVENTS = 200_000;
const TARGET_RATIO = 2;

/**
 * The virtual clock's price per timer event, against the floor it cannot beat:
 * each event needs one event-loop turn to let the woken work settle, so the
 * baseline is a bare `setImmediate` loop of the same count, measured in this run.
 */
export async function benchClock(): Promise<BenchRow[]> {
  const bare = await measure(bareImmediateLoop);
  const preScheduled = await measure(preScheduledTimers);
  const sleepChain = await measure(sleepChainOf1ms);
  return [
    { name: `bare setImmediate loop, ${EVENTS} turns`, ms: bare },
    row(`VirtualClock: ${EVENTS} pre-scheduled timers`, preScheduled, bare),
    row(`VirtualClock: one task sleeping ${EVENTS} times`, sleepChain, bare),
  ];
}

function row(name: string, ms: number, baselineMs: number): BenchRow {
  return { name, ms, ratio: ms / baselineMs, target: `≤ ${TARGET_RATIO}× bare`, met: ms / baselineMs <= TARGET_RATIO };
}

async function bareImmediateLoop(): Promise<void> {
  for (let i = 0; i < EVENTS; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

async function preScheduledTimers(): Promise<void> {
  const clock = createVirtualClock({ startMs: 0 });
  let fired = 0;
  for (let i = 0; i < EVENTS; i++) clock.setTimeout(() => fired++, (i * 7919) % EVENTS);
  await clock.runUntilIdle();
  if (fired !== EVENTS) throw new Error(`fired ${fired} of ${EVENTS}`);
}

async function sleepChainOf1ms(): Promise<void> {
  const clock = createVirtualClock({ startMs: 0 });
  const task = (async () => {
    for (let i = 0; i < EVENTS; i++) await clock.sleep(1);
  })();
  await clock.runUntilIdle();
  await task;
  if (clock.now() !== EVENTS) throw new Error(`clock at ${clock.now()}, expected ${EVENTS}`);
}
