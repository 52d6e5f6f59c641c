/**
 * `--config` left out: `run` and `suite` test the config the user points OpenClaw at
 * ($OPENCLAW_CONFIG_PATH), as every other command does, before the scenario's own;
 * `start` keeps its bundled config whatever the environment says.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planRun } from '../../src/commands/run.ts';
import { planStart } from '../../src/commands/start.ts';
import { configPathFromEnv, openclawConfigPath } from '../../src/config/config-path.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const BEFORE = resolve('scenarios/configs/feb27-before.json5');
const saved = process.env['OPENCLAW_CONFIG_PATH'];
afterEach(() => {
  if (saved === undefined) delete process.env['OPENCLAW_CONFIG_PATH'];
  else process.env['OPENCLAW_CONFIG_PATH'] = saved;
});

const out = async () => join(await mkdtemp(join(tmpdir(), 'quotastorm-config-default-')), 'run');

describe('the config a run tests without --config', () => {
  it('is $OPENCLAW_CONFIG_PATH when set', async () => {
    process.env['OPENCLAW_CONFIG_PATH'] = BEFORE;
    const plan = await planRun(await loadScenario('scenarios/stress-suite.json5'), { out: await out() });
    expect(plan.configFile).toBe(BEFORE);
  });

  it("is the scenario's own when it is not", async () => {
    delete process.env['OPENCLAW_CONFIG_PATH'];
    const plan = await planRun(await loadScenario('scenarios/stress-suite.json5'), { out: await out() });
    expect(plan.configFile).toBe(resolve('scenarios/configs/feb27-after.json5'));
  });

  it('is what --config says, whatever the environment says', async () => {
    process.env['OPENCLAW_CONFIG_PATH'] = BEFORE;
    const plan = await planRun(await loadScenario('scenarios/stress-suite.json5'), { out: await out(), config: 'feb27-after' });
    expect(plan.configFile).toBe(resolve('scenarios/configs/feb27-after.json5'));
  });

  it("is start's bundled config whatever the environment says", async () => {
    process.env['OPENCLAW_CONFIG_PATH'] = BEFORE;
    const { suitePlan } = await planStart({ out: await out(), profile: '2026.2' });
    expect(suitePlan.configFile).toBe(resolve('scenarios/configs/feb27-after.json5'));
  });
});

describe("OpenClaw's config path", () => {
  it('is $OPENCLAW_CONFIG_PATH, a leading ~ being the home folder', () => {
    expect(openclawConfigPath({ OPENCLAW_CONFIG_PATH: '~/cfg/openclaw.json', HOME: '/ignored' })).toMatch(/\/cfg\/openclaw\.json$/);
    expect(configPathFromEnv({ OPENCLAW_CONFIG_PATH: '  ' })).toBeUndefined();
  });

  it("else the state folder's openclaw.json", () => {
    expect(openclawConfigPath({ OPENCLAW_STATE_DIR: '/srv/openclaw' })).toBe('/srv/openclaw/openclaw.json');
  });
});
