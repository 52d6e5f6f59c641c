/**
 * The incident day as a benchmark: how fast a simulated day runs, how close
 * that is to the unavoidable cost of its request bodies, and how cost grows
 * with the number of users.
 */
import { performance } from 'node:perf_hooks';
import type { OpenClawConfig } from '../../src/config/schema.ts';
import { loadScenario, type LoadedScenario } from '../../src/scenario/load.ts';
import { runScenario } from '../../src/scenario/runner.ts';
import type { BenchRow } from './measure.ts';

const INCIDENT = 'scenarios/incident-2026-02-27.json5';
const BEFORE = 'scenarios/configs/feb27-before.json5';
const AFTER = 'scenarios/configs/feb27-after.json5';

export async function benchIncident(): Promise<BenchRow[]> {
  const loaded = await loadScenario(INCIDENT);
  const day = await timedRun(loaded, BEFORE);
  const simulatedPerWall = day.simulatedMs / day.wallMs;
  const floorRatio = (day.wallMs - day.floorMs) / day.floorMs;
  const one = await scaledRun(loaded, 1);
  const ten = await scaledRun(loaded, 10);
  return [
    { name: `incident day (24 h, before-config): wall`, ms: day.wallMs },
    { name: 'simulated time per wall second', ms: day.wallMs, ratio: simulatedPerWall, target: '≥ 10,000×', met: simulatedPerWall >= 10_000 },
    {
      name: `serialization floor (${day.requests} bodies, parse+stringify)`,
      ms: day.floorMs,
      ratio: floorRatio,
      target: '≤ 2.5× floor',
      met: floorRatio <= 2.5,
    },
    { name: `4 users, 2 busy hours (${one.turns} turns)`, ms: one.wallMs },
    { name: `40 users, 2 busy hours (${ten.turns} turns)`, ms: ten.wallMs, ratio: ten.wallMs / one.wallMs, target: '≤ 12× the 4-user run', met: ten.wallMs / one.wallMs <= 12 },
  ];
}

/**
 * One run, timing JSON.parse + JSON.stringify of every request body inline (the floor: the
 * wire format forces both); the run's own cost is its wall time less that.
 */
async function timedRun(loaded: LoadedScenario, config: string) {
  let floorMs = 0;
  let requests = 0;
  const tapFetch = (inner: typeof fetch): typeof fetch =>
    (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (typeof init?.body === 'string') {
        const started = performance.now();
        JSON.stringify(JSON.parse(init.body));
        floorMs += performance.now() - started;
        requests++;
      }
      return inner(input, init);
    }) as typeof fetch;
  const started = performance.now();
  const { result } = await runScenario({ loaded, configFile: config, version: 'bench', tapFetch });
  return { wallMs: performance.now() - started, floorMs, requests, simulatedMs: result.simulatedMs };
}

/** Two daytime hours with `scale`× the users and messages, each user in a session of their own. */
async function scaledRun(loaded: LoadedScenario, scale: number) {
  const users = 4 * scale;
  const scaled: LoadedScenario = {
    ...loaded,
    scenario: {
      ...loaded.scenario,
      startAt: '2026-02-27T18:00:00Z',
      preload: { sessions: [], mainTranscriptTokens: 0 },
      users: { ...loaded.scenario.users, count: users },
      mocks: { ...loaded.scenario.mocks, tiers: {}, limits: { 'google/gemini-2.5-flash': { tpm: 1_000_000_000, rpm: 1_000_000 } } },
      steps: [{ name: 'busy hours', send: [{ kind: 'poisson', perHour: 20 * scale, from: 0, tokens: 500, dayCurve: false, chat: 'direct' }], run: 2 * 3_600_000, checks: [] }],
    },
  };
  // Every user in a session of their own and admitted: the work grows with the users, not behind one session lane.
  const configOverride = (config: OpenClawConfig): OpenClawConfig =>
    ({
      ...config,
      session: { ...config.session, dmScope: 'per-channel-peer' },
      channels: { ...config.channels, telegram: { ...config.channels?.telegram, dmPolicy: 'open' } },
    }) as OpenClawConfig;
  const started = performance.now();
  const { result } = await runScenario({ loaded: scaled, configFile: AFTER, version: 'bench', configOverride });
  return { wallMs: performance.now() - started, turns: result.turns.user };
}
