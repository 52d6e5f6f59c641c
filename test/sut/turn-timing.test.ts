import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/clock/virtual-clock.ts';
import { createTurnDriver } from '../../src/sut/turn-driver.ts';
import { dueAtMs, waitTurnOver, waitUntilDue } from '../../src/sut/turn-timing.ts';

const START_MS = Date.UTC(2026, 1, 27, 9, 0, 0);

/** A gateway seen from the mocks as provider requests on a virtual clock, and the driver that watches it. */
function scene(isRunning = () => true) {
  const clock = createVirtualClock({ startMs: START_MS });
  const journal = { entries: [] as { atMs: number }[] };
  const provider = (offsetMs: number) => clock.setTimeout(() => journal.entries.push({ atMs: clock.now() }), offsetMs);
  const driver = createTurnDriver({ clock, pass: (durationMs) => clock.advanceBy(durationMs), calls: [], journal, isRunning });
  return { clock, driver, provider, elapsed: () => clock.now() - START_MS };
}

describe('turn timing', () => {
  it('dates a turn with atMs from the instant given, and one without at no instant', () => {
    expect(dueAtMs({ atMs: 5_000 }, START_MS)).toBe(START_MS + 5_000);
    expect(dueAtMs({}, START_MS)).toBeUndefined();
    expect(dueAtMs(undefined, START_MS)).toBeUndefined();
  });

  it('sends the next turn at its instant while this one is still busy, and counts this one as settled', async () => {
    const { clock, driver, provider, elapsed } = scene();
    for (const offsetMs of [1_000, 3_000, 6_000, 9_000]) provider(offsetMs); // a retry chain that outlasts 5 s
    const settled = await waitTurnOver(driver, clock, { startMs: START_MS, settleMs: 12_000, timeoutMs: 240_000, nextDueAtMs: START_MS + 5_000 });
    expect([settled, elapsed()]).toEqual([true, 5_000]);
  });

  it('waits for the instant when the turn before it went quiet sooner', async () => {
    const { clock, driver, provider, elapsed } = scene();
    provider(200);
    const settled = await waitTurnOver(driver, clock, { startMs: START_MS, settleMs: 1_000, timeoutMs: 240_000, nextDueAtMs: START_MS + 5_000 });
    expect([settled, elapsed()]).toEqual([true, 1_200]);
    await waitUntilDue(driver, clock, START_MS + 5_000);
    expect(elapsed()).toBe(5_000);
  });

  it('without a next instant waits as before: quiet for settleMs', async () => {
    const { clock, driver, provider, elapsed } = scene();
    provider(2_000);
    expect(await waitTurnOver(driver, clock, { startMs: START_MS, settleMs: 3_000, timeoutMs: 240_000, nextDueAtMs: undefined })).toBe(true);
    expect(elapsed()).toBe(5_000);
  });

  it("reports a turn unsettled at its own timeout, before the next turn's instant", async () => {
    const { clock, driver, provider, elapsed } = scene();
    for (let offsetMs = 500; offsetMs < 20_000; offsetMs += 500) provider(offsetMs);
    expect(await waitTurnOver(driver, clock, { startMs: START_MS, settleMs: 2_000, timeoutMs: 4_000, nextDueAtMs: START_MS + 10_000 })).toBe(false);
    expect(elapsed()).toBe(4_000);
  });

  it('does not count a turn as cut short when the gateway exited before the next instant', async () => {
    let running = true;
    const { clock, driver, provider } = scene(() => running);
    for (let offsetMs = 500; offsetMs < 20_000; offsetMs += 500) provider(offsetMs);
    clock.setTimeout(() => (running = false), 2_000);
    expect(await waitTurnOver(driver, clock, { startMs: START_MS, settleMs: 2_000, timeoutMs: 240_000, nextDueAtMs: START_MS + 10_000 })).toBe(false);
  });

  it('does not wait for an instant already past', async () => {
    const { clock, driver, elapsed } = scene();
    await clock.advanceBy(3_000);
    await waitUntilDue(driver, clock, START_MS + 1_000);
    await waitUntilDue(driver, clock, undefined);
    expect(elapsed()).toBe(3_000);
  });
});
