import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reproduceLine } from '../../src/scenario/reproduce-line.ts';

const INSTALLED = '/home/me/project/node_modules/quotastorm';
const installed = { cliFile: join(INSTALLED, 'src/cli.js'), packageRoot: `${INSTALLED}/` };
const clone = { cliFile: resolve('src/cli.ts'), packageRoot: resolve('.') };

describe('the reproduce line', () => {
  it('from an installed package is the package command, with bundled files by name', () => {
    const line = reproduceLine(
      { scenarioFile: join(INSTALLED, 'scenarios/stress-suite.json5'), configFile: join(INSTALLED, 'scenarios/configs/feb27-after.json5'), seed: 7, overrides: { duration: '10m' } },
      installed,
    );
    expect(line).toBe('npx quotastorm run stress-suite --config feb27-after --seed 7 --duration 10m');
  });

  it("from an installed package names the user's own files as paths", () => {
    const line = reproduceLine({ scenarioFile: '/srv/mine/steady.json5', configFile: '/srv/mine/openclaw.json', seed: 1 }, installed);
    expect(line).toBe('npx quotastorm run /srv/mine/steady.json5 --config /srv/mine/openclaw.json --seed 1');
  });

  it('from a clone names the CLI by its path, relative below the working folder', () => {
    const line = reproduceLine({ scenarioFile: resolve('scenarios/burst-5s.json5'), configFile: resolve('scenarios/configs/feb27-before.json5'), seed: 3, variant: 'quotas', doctorFix: true }, clone);
    expect(line).toBe('node src/cli.ts run scenarios/burst-5s.json5 --config scenarios/configs/feb27-before.json5 --seed 3 --variant quotas --doctor-fix');
  });
});
