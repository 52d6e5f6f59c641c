import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/scenario/runner.ts';
import { checkWorkloadSize, MAX_MESSAGES_PER_RUN } from '../../src/scenario/workload.ts';
import { AFTER, inlineScenario } from './support.ts';

function scenarioSending(send: string, run = '1h'): string {
  return `{ name: "runaway", config: "${AFTER}", steps: [{ name: "flood", send: [${send}], run: "${run}", checks: [{ check: "error-replies", max: 0 }] }] }`;
}

// Each arrival is within the schema's bounds (SCENARIO_BOUNDS: 10,000 burst messages in all, 10,000 an
// hour for Poisson traffic); only hours of Poisson traffic can take a run past the limit.
const POISSON_AT_MAX = '{ kind: "poisson", perHour: 10000, tokens: 30 }';

describe('the workload size guard', () => {
  it('refuses a day of Poisson traffic past the limit before the run starts, naming the arrival and the limit', async () => {
    const loaded = inlineScenario(scenarioSending(POISSON_AT_MAX, '12h'));
    const run = runScenario({ loaded, configFile: AFTER, version: 'test' });
    await expect(run).rejects.toMatchObject({ name: 'UserError', exitCode: 2 });
    await expect(run).rejects.toThrow(/about 120,000 messages, more than the 100,000 one run may send \(the largest is step "flood" send\[0\] \(poisson\)/);
  });

  it('counts a Poisson arrival by its expected number over the step', () => {
    expect(() => checkWorkloadSize(inlineScenario(scenarioSending(POISSON_AT_MAX, '20h')).scenario, 'x.json5')).toThrow(
      /about 200,000 messages/,
    );
  });

  it('adds up every step and arrival', () => {
    const twoArrivals = `${POISSON_AT_MAX}, ${POISSON_AT_MAX}`; // 60,000 each in 6 h
    expect(() => checkWorkloadSize(inlineScenario(scenarioSending(twoArrivals, '6h')).scenario, 'x.json5')).toThrow(/about 120,000 messages, more than the 100,000/);
  });

  it('lets a workload of exactly the limit through', () => {
    const loaded = inlineScenario(scenarioSending(POISSON_AT_MAX, `${MAX_MESSAGES_PER_RUN / 10_000}h`));
    expect(() => checkWorkloadSize(loaded.scenario, loaded.file)).not.toThrow();
  });
});
