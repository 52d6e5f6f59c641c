import { setImmediate as realImmediate, setTimeout as realTimeout } from 'node:timers/promises';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrng, createVirtualClock, type Prng, type VirtualClock } from '../../src/clock/index.ts';

// The handler stands in for a provider mock behind msw's real fetch interception.
// It burns a *varying* amount of real time (event-loop turns and real timers, seeded
// per repetition) so completion order under real I/O differs between repetitions;
// the clock must hide that. `latencyMs` is slept on the virtual clock, as a mock's
// latency distribution is.
let clock: VirtualClock;
const server = setupServer(
  http.post('https://mock.quotastorm.test/work', async ({ request }) => {
    const body = (await request.json()) as { task: number; step: number; jitter: number[]; latencyMs: number };
    for (const turns of body.jitter) {
      if (turns % 3 === 0) await realTimeout(turns % 4);
      else for (let i = 0; i < turns; i++) await realImmediate();
    }
    if (body.latencyMs > 0) await clock.sleep(body.latencyMs);
    return HttpResponse.json({ task: body.task, step: body.step, answeredAtMs: clock.now() });
  }),
);

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

const TASKS = 12;
const STEPS = 5;

type Run = { events: string[]; jumpsDuringFetch: string[] };

async function simulate(jitterRng: Prng, track: boolean): Promise<Run> {
  clock = createVirtualClock();
  const start = clock.now();
  const events: string[] = [];
  const jumpsDuringFetch: string[] = [];
  const fetchFor = track ? clock.wrapFetch(globalThis.fetch) : globalThis.fetch;
  const plan = createPrng('determinism-plan'); // same plan every repetition
  const ticker = clock.setInterval(() => events.push(`${clock.now() - start} tick`), 50);

  const task = async (id: number) => {
    const steps = plan.fork(`task-${id}`);
    for (let step = 0; step < STEPS; step++) {
      await clock.sleep(steps.pick([0, 100, 100, 250]));
      events.push(`${clock.now() - start} task${id} step${step} send`);
      const latencyMs = steps.pick([0, 0, 30, 120]);
      const sentAt = clock.now();
      const response = await fetchFor('https://mock.quotastorm.test/work', {
        method: 'POST',
        body: JSON.stringify({
          task: id,
          step,
          latencyMs,
          jitter: Array.from({ length: jitterRng.int(1, 4) }, () => jitterRng.int(0, 6)),
        }),
      });
      const answer = (await response.json()) as { answeredAtMs: number };
      if (clock.now() !== sentAt + latencyMs) {
        jumpsDuringFetch.push(`task${id} step${step}: sent ${sentAt - start}, latency ${latencyMs}, back ${clock.now() - start}`);
      }
      events.push(`${clock.now() - start} task${id} step${step} answered@${answer.answeredAtMs - start}`);
    }
  };

  let finished = false;
  const done = Promise.all(Array.from({ length: TASKS }, (_, id) => task(id))).then(() => {
    finished = true;
    clock.clearInterval(ticker);
  });
  // Step in slices rather than runUntilIdle: the ticker is an interval, and an
  // untracked fetch can leave tasks behind the clock's back.
  for (let slice = 0; slice < 200_000 && !finished; slice++) await clock.advanceBy(50);
  await done;
  return { events, jumpsDuringFetch };
}

describe('VirtualClock with msw-intercepted fetches', () => {
  it('produces the same event order on each of 50 repetitions despite real I/O jitter', async () => {
    const first = await simulate(createPrng('jitter-0'), true);
    expect(first.events.filter((e) => e.includes('answered'))).toHaveLength(TASKS * STEPS);
    for (let repetition = 1; repetition < 50; repetition++) {
      const again = await simulate(createPrng(`jitter-${repetition}`), true);
      expect(again.events, `repetition ${repetition}`).toEqual(first.events);
    }
  }, 60_000);

  it('never moves virtual time while a tracked fetch is in flight, except by the handler’s own clock sleep', async () => {
    const run = await simulate(createPrng('jitter-jumps'), true);
    expect(run.jumpsDuringFetch).toEqual([]);
  });

  it('lets time jump during an untracked fetch (control: the check above can fail)', async () => {
    const run = await simulate(createPrng('jitter-jumps'), false);
    expect(run.jumpsDuringFetch.length).toBeGreaterThan(0);
  });

  it('orders events differently under different real jitter when fetches are untracked (control)', async () => {
    const a = await simulate(createPrng('jitter-a'), false);
    const b = await simulate(createPrng('jitter-b'), false);
    expect(a.events).not.toEqual(b.events);
  });
});
