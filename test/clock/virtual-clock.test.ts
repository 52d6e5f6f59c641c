import { describe, expect, it } from 'vitest';
import { createVirtualClock, DEFAULT_START_MS } from '../../src/clock/index.ts';

describe('VirtualClock', () => {
  it('starts at the incident day unless told otherwise', () => {
    expect(createVirtualClock().now()).toBe(DEFAULT_START_MS);
    expect(createVirtualClock({ startMs: 1_000 }).now()).toBe(1_000);
  });

  it('fires timers in time order, and equal times in registration order', async () => {
    const clock = createVirtualClock({ startMs: 0 });
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('c@30'), 30);
    clock.setTimeout(() => fired.push('a@10'), 10);
    clock.setTimeout(() => fired.push('b1@20'), 20);
    clock.setTimeout(() => fired.push('b2@20'), 20);
    await clock.runUntilIdle();
    expect(fired).toEqual(['a@10', 'b1@20', 'b2@20', 'c@30']);
    expect(clock.now()).toBe(30);
  });

  it('does not fire timers past runUntil’s target, and lands exactly on it', async () => {
    const clock = createVirtualClock({ startMs: 0 });
    const fired: number[] = [];
    for (const at of [5, 10, 15]) clock.setTimeout(() => fired.push(clock.now()), at);
    await clock.runUntil(10);
    expect(fired).toEqual([5, 10]);
    expect(clock.now()).toBe(10);
    expect(clock.pendingTimerCount()).toBe(1);
    await clock.advanceBy(100);
    expect(fired).toEqual([5, 10, 15]);
    expect(clock.now()).toBe(110);
  });

  it('resumes sleepers at their wake time, and a sleep(0) after the current instant’s timers', async () => {
    const clock = createVirtualClock({ startMs: 0 });
    const log: string[] = [];
    const sleeper = async (name: string, delays: number[]) => {
      for (const delay of delays) {
        await clock.sleep(delay);
        log.push(`${clock.now()} ${name}`);
      }
    };
    const done = Promise.all([sleeper('a', [10, 0, 5]), sleeper('b', [10, 5])]);
    await clock.runUntilIdle();
    await done;
    // b registered its 15 ms wake-up before a did (a slept 0 first), so b wakes first.
    expect(log).toEqual(['10 a', '10 b', '10 a', '15 b', '15 a']);
  });

  it('repeats intervals until cleared', async () => {
    const clock = createVirtualClock({ startMs: 0 });
    const ticks: number[] = [];
    const interval = clock.setInterval(() => {
      ticks.push(clock.now());
      if (ticks.length === 3) clock.clearInterval(interval);
    }, 30);
    await clock.runUntilIdle();
    expect(ticks).toEqual([30, 60, 90]);
  });

  it('refuses to run an endless interval to idle', async () => {
    const clock = createVirtualClock({ startMs: 0 });
    clock.setInterval(() => {}, 1);
    await expect(clock.runUntilIdle({ maxEvents: 1_000 })).rejects.toThrow(/interval never ends/);
  });

  it('never fires a cleared timer', async () => {
    const clock = createVirtualClock({ startMs: 0 });
    const fired: string[] = [];
    const handle = clock.setTimeout(() => fired.push('cleared'), 10);
    clock.setTimeout(() => fired.push('kept'), 20);
    clock.clearTimeout(handle);
    await clock.runUntilIdle();
    expect(fired).toEqual(['kept']);
    expect(clock.pendingTimerCount()).toBe(0);
  });

  it('keeps order when thousands of cleared timers force the heap to rebuild', async () => {
    const clock = createVirtualClock({ startMs: 0 });
    const fired: number[] = [];
    const handles = Array.from({ length: 5_000 }, (_, i) => clock.setTimeout(() => fired.push(i), 5_000 - i));
    handles.forEach((handle, i) => i % 10 !== 0 && clock.clearTimeout(handle));
    await clock.runUntilIdle();
    const expected = Array.from({ length: 500 }, (_, k) => 4_990 - 10 * k);
    expect(fired).toEqual(expected);
  });

  it('rejects an aborted sleep with the signal’s reason and forgets its timer', async () => {
    const clock = createVirtualClock({ startMs: 0 });
    const controller = new AbortController();
    const sleeping = clock.sleep(1_000, controller.signal);
    controller.abort(new Error('turn cancelled'));
    await expect(sleeping).rejects.toThrow('turn cancelled');
    expect(clock.pendingTimerCount()).toBe(0);
  });

  it('surfaces an exception thrown by a timer callback from runUntil', async () => {
    const clock = createVirtualClock({ startMs: 0 });
    clock.setTimeout(() => {
      throw new Error('boom in timer');
    }, 5);
    await expect(clock.runUntilIdle()).rejects.toThrow('boom in timer');
  });

  it('is not reentrant', async () => {
    const clock = createVirtualClock({ startMs: 0 });
    clock.setTimeout(() => {}, 5);
    const first = clock.runUntilIdle();
    await expect(clock.runUntil(10)).rejects.toThrow(/already being driven/);
    await first;
  });

  it('hands back tracked work in the order it was started, not the order it finished', async () => {
    const clock = createVirtualClock({ startMs: 0 });
    const order: string[] = [];
    const realWork = (turns: number) => async () => {
      for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
      return turns;
    };
    const slow = clock.track(realWork(20)).then(() => order.push('slow (started first)'));
    const fast = clock.track(realWork(1)).then(() => order.push('fast (started second)'));
    await clock.runUntilIdle();
    await Promise.all([slow, fast]);
    expect(order).toEqual(['slow (started first)', 'fast (started second)']);
  });

  it('lets time pass while tracked work is parked on one of its timers', async () => {
    const clock = createVirtualClock({ startMs: 0 });
    const answered = clock.track(async () => {
      await clock.sleep(800);
      return clock.now();
    });
    await clock.runUntilIdle();
    expect(await answered).toBe(800);
  });

  it('reports tracked work that never finishes nor parks, naming it', async () => {
    const clock = createVirtualClock({ startMs: 0, stallAfterRealMs: 50 });
    void clock.track(() => new Promise(() => {}), 'fetch POST https://stuck.test/v1').catch(() => {});
    await expect(clock.runUntilIdle()).rejects.toThrow(/stalled.*fetch POST https:\/\/stuck\.test\/v1/);
  });

  it('names its next timer, and jumps to an instant without firing what is due there', async () => {
    const clock = createVirtualClock({ startMs: 0 });
    const fired: number[] = [];
    expect(clock.nextTimerAt()).toBeUndefined();
    clock.setTimeout(() => fired.push(clock.now()), 50);
    expect(clock.nextTimerAt()).toBe(50);
    clock.jumpTo(50);
    expect(clock.now()).toBe(50);
    expect(fired).toEqual([]);
    await clock.runUntil(50);
    expect(fired).toEqual([50]);
  });

  it('refuses to jump past a live timer', () => {
    const clock = createVirtualClock({ startMs: 0 });
    clock.setTimeout(() => undefined, 10);
    expect(() => clock.jumpTo(11)).toThrow(/skip a timer due at 10/);
  });
});
