import { describe, expect, it } from 'vitest';
import { createVirtualClock, type VirtualClock } from '../../src/clock/virtual-clock.ts';
import type { TelegramCall } from '../../src/sut/telegram-spy.ts';
import { createTurnDriver, POLL_MS, STARTUP_QUIET_MS, STARTUP_SETTLE_MAX_MS, type TurnDriverOptions } from '../../src/sut/turn-driver.ts';

const START_MS = Date.UTC(2026, 1, 27, 9, 0, 0);

/** A gateway seen from the mocks: what it called and requested, scheduled on a virtual clock. */
function scene(options: Partial<Pick<TurnDriverOptions, 'isRunning'>> = {}) {
  const clock = createVirtualClock({ startMs: START_MS });
  const calls: TelegramCall[] = [];
  const journal = { entries: [] as { atMs: number }[] };
  const at = (offsetMs: number, what: () => void) => clock.setTimeout(what, offsetMs);
  const telegram = (offsetMs: number, method: string, params: Record<string, unknown> = {}) =>
    at(offsetMs, () => calls.push({ atMs: clock.now(), method, params }));
  const provider = (offsetMs: number) => at(offsetMs, () => journal.entries.push({ atMs: clock.now() }));
  const driver = createTurnDriver({ clock, pass: (durationMs) => clock.advanceBy(durationMs), calls, journal, ...options });
  return { clock, calls, driver, telegram, provider };
}

const elapsed = (clock: VirtualClock) => clock.now() - START_MS;

describe('turn driver', () => {
  it('counts Telegram calls and provider requests as activity, but not the long poll', async () => {
    const { clock, driver, telegram, provider } = scene();
    telegram(1_000, 'sendChatAction');
    provider(2_000);
    telegram(3_000, 'getUpdates', { timeout: 30 });
    await clock.advanceBy(4_000);
    expect(driver.lastActivityMs(0)).toBe(START_MS + 2_000);
    expect(driver.lastActivityMs(START_MS + 2_500)).toBe(START_MS + 2_500);
  });

  it('is ready at the first long poll after the given call, not at a short poll', async () => {
    const { clock, driver, telegram } = scene();
    telegram(0, 'getUpdates', { timeout: 30 }); // an earlier gateway's poll, before `fromCall`
    await clock.advanceBy(0);
    telegram(500, 'getUpdates', { timeout: 0 });
    telegram(1_250, 'getUpdates', { timeout: 30 });
    const ready = await driver.waitReady(1, 10_000);
    expect(ready).toEqual({ outcome: 'ready', readyAtMs: START_MS + 1_250 });
    expect(elapsed(clock)).toBe(1_300); // seen at the next poll
  });

  it('gives up on readiness at the timeout', async () => {
    const { clock, driver } = scene();
    expect(await driver.waitReady(0, 2_000)).toEqual({ outcome: 'timeout' });
    expect(elapsed(clock)).toBe(2_000);
  });

  it('stops waiting for readiness once the gateway has exited', async () => {
    let running = true;
    const { clock, driver } = scene({ isRunning: () => running });
    clock.setTimeout(() => (running = false), 700);
    expect(await driver.waitReady(0, 10_000)).toEqual({ outcome: 'exited' });
    expect(elapsed(clock)).toBe(700);
  });

  it('waits out startup until it has been quiet for STARTUP_QUIET_MS', async () => {
    const { clock, driver, telegram } = scene();
    telegram(0, 'getMe');
    await clock.advanceBy(0);
    telegram(1_000, 'setMyCommands');
    telegram(2_000, 'getUpdates', { timeout: 30 });
    await driver.waitStartupQuiet();
    expect(elapsed(clock)).toBe(1_000 + STARTUP_QUIET_MS);
  });

  it('stops waiting out a startup that never goes quiet after STARTUP_SETTLE_MAX_MS', async () => {
    const { clock, driver, telegram } = scene();
    for (let atMs = 0; atMs < 2 * STARTUP_SETTLE_MAX_MS; atMs += 1_000) telegram(atMs, 'sendChatAction');
    await clock.advanceBy(0);
    await driver.waitStartupQuiet();
    expect(elapsed(clock)).toBe(STARTUP_SETTLE_MAX_MS);
  });

  it('settles a turn once nothing has happened for settleMs since its last activity', async () => {
    const { clock, driver, telegram, provider } = scene();
    provider(200);
    telegram(3_000, 'sendMessage');
    expect(await driver.waitTurnSettled(START_MS, 8_000, 60_000)).toBe(true);
    expect(elapsed(clock)).toBe(11_000);
  });

  it('does not settle a turn that keeps sending typing until its timeout', async () => {
    const { clock, driver, telegram } = scene();
    for (let atMs = 0; atMs < 60_000; atMs += 3_500) telegram(atMs, 'sendChatAction');
    expect(await driver.waitTurnSettled(START_MS, 8_000, 30_000)).toBe(false);
    expect(elapsed(clock)).toBe(30_000);
  });

  it('ends a turn unsettled when the gateway exits', async () => {
    let running = true;
    const { clock, driver, telegram } = scene({ isRunning: () => running });
    telegram(0, 'sendChatAction');
    clock.setTimeout(() => (running = false), 2_000);
    expect(await driver.waitTurnSettled(START_MS, 8_000, 60_000)).toBe(false);
    expect(elapsed(clock)).toBe(2_000);
  });

  it('drives time until a promise settles, and no further', async () => {
    const { clock, driver } = scene();
    await driver.drive(clock.sleep(1_234), 10_000);
    expect(elapsed(clock)).toBe(1_300);
  });

  it('stops driving at the limit when the promise does not settle', async () => {
    const { clock, driver } = scene();
    await driver.drive(new Promise(() => {}), 5 * POLL_MS);
    expect(elapsed(clock)).toBe(5 * POLL_MS);
  });

  it('lets its polls pass with the clock\'s own sleep when given no other way', async () => {
    const clock = createVirtualClock({ startMs: START_MS });
    const driver = createTurnDriver({ clock, calls: [], journal: { entries: [] } });
    const waiting = driver.waitTurnSettled(START_MS, 300, 10_000);
    await clock.advanceBy(300);
    expect(await waiting).toBe(true);
  });
});
