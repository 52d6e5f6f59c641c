import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/clock/index.ts';
import { createLanes } from '../../src/gateway/lanes.ts';
import { createGatewayLog } from '../../src/gateway/log.ts';

function setup(mainConcurrency = 4) {
  const clock = createVirtualClock({ startMs: 0 });
  const log = createGatewayLog(clock);
  const lanes = createLanes({ clock, log, concurrency: { main: mainConcurrency } });
  let running = 0;
  let peak = 0;
  const work = (ms: number, label: string, order: string[]) => async () => {
    running++;
    peak = Math.max(peak, running);
    order.push(`${clock.now()} start ${label}`);
    await clock.sleep(ms);
    running--;
    order.push(`${clock.now()} end ${label}`);
  };
  return { clock, log, lanes, work, peak: () => peak };
}

describe('lanes', () => {
  it('runs at most maxConcurrent turns at once across sessions', async () => {
    const s = setup(4);
    const order: string[] = [];
    const done = Promise.all(Array.from({ length: 6 }, (_, i) => s.lanes.run([`session:chat${i}`, 'main'], s.work(1_000, `chat${i}`, order))));
    await s.clock.runUntilIdle();
    await done;
    expect(s.peak()).toBe(4);
    expect(order.filter((line) => line.startsWith('0 start'))).toHaveLength(4);
    expect(order.filter((line) => line.startsWith('1000 start'))).toHaveLength(2);
  });

  it('serializes turns of one session, in arrival order', async () => {
    const s = setup(4);
    const order: string[] = [];
    const done = Promise.all(['a', 'b', 'c'].map((label) => s.lanes.run(['session:same', 'main'], s.work(500, label, order))));
    await s.clock.runUntilIdle();
    await done;
    expect(order).toEqual(['0 start a', '500 end a', '500 start b', '1000 end b', '1000 start c', '1500 end c']);
  });

  it('logs a lane wait over two seconds with the tasks ahead', async () => {
    const s = setup(1);
    const order: string[] = [];
    const done = Promise.all([1, 2].map((i) => s.lanes.run([`session:${i}`, 'main'], s.work(3_000, `t${i}`, order))));
    await s.clock.runUntilIdle();
    await done;
    expect(s.log.errorText()).toBe('00:00:03 [diagnostic] lane wait exceeded: lane=main waitedMs=3000 queueAhead=1\n');
  });

  it('reports a lane’s load: active plus queued', async () => {
    const s = setup(1);
    const order: string[] = [];
    const done = Promise.all([1, 2, 3].map((i) => s.lanes.run(['main'], s.work(100, `t${i}`, order))));
    expect(s.lanes.load('main')).toBe(3);
    await s.clock.runUntilIdle();
    await done;
    expect(s.lanes.load('main')).toBe(0);
  });

  it('logs and rethrows a failing task, and frees its slot', async () => {
    const s = setup(1);
    const failing = s.lanes.run(['main'], async () => {
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(s.log.errorText()).toContain('lane task error: lane=main durationMs=0 error="Error: boom"');
    expect(s.lanes.load('main')).toBe(0);
  });
});
