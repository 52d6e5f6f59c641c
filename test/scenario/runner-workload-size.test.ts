import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/scenario/runner.ts';
import { checkWorkloadSize, MAX_MESSAGES_PER_RUN } from '../../src/scenario/workload.ts';
import { AFTER, inlineScenario } from './support.ts';

function scenarioSending(send: string, run = '1h'): string {
  return `{ name: "runaway", config: "${AFTER}", steps: [{ name: "flood", send: [${send}], run: "${run}", checks: [{ check: "error-replies", max: 0 }] }] }`;
}

describe('the workload size guard', () => {
  it('refuses a burst of 100,000,000 messages before the run starts, naming the arrival and the limit', async () => {
    const loaded = inlineScenario(scenarioSending('{ kind: "burst", count: 100000000, every: 0, tokens: 30 }'));
    const run = runScenario({ loaded, configFile: AFTER, version: 'test' });
    await expect(run).rejects.toMatchObject({ name: 'UserError', exitCode: 2 });
    await expect(run).rejects.toThrow(/about 100,000,000 messages, more than the 100,000 one run may send \(the largest is step "flood" send\[0\] \(burst\)/);
  });

  it('counts a Poisson arrival by its expected number over the step', () => {
    const perHour = MAX_MESSAGES_PER_RUN; // two hours of it is twice the limit
    expect(() => checkWorkloadSize(inlineScenario(scenarioSending(`{ kind: "poisson", perHour: ${perHour}, tokens: 30 }`, '2h')).scenario, 'x.json5')).toThrow(
      /about 200,000 messages/,
    );
  });

  it('adds up every step and arrival', () => {
    const half = MAX_MESSAGES_PER_RUN / 2 + 1;
    const burst = `{ kind: "burst", count: ${half}, every: 0, tokens: 30 }`;
    expect(() => checkWorkloadSize(inlineScenario(scenarioSending(`${burst}, ${burst}`)).scenario, 'x.json5')).toThrow(/more than the 100,000/);
  });

  it('lets a workload of exactly the limit through', () => {
    const loaded = inlineScenario(scenarioSending(`{ kind: "burst", count: ${MAX_MESSAGES_PER_RUN}, every: "1s", tokens: 30 }`));
    expect(() => checkWorkloadSize(loaded.scenario, loaded.file)).not.toThrow();
  });
});
