import { describe, expect, it } from 'vitest';
import { gatewayEnv } from '../../src/sut/gateway-process.ts';

const launch = { home: '/run/home', runDir: '/run' };

describe('the gateway environment', () => {
  it('loads the virtual-time preload and the coordinator variables only when the recording runs in virtual time', () => {
    const real = gatewayEnv({ ...launch, seed: '1/case' });
    expect(real['NODE_OPTIONS']).toMatch(/seeded-math-random/);
    expect(real['NODE_OPTIONS']).not.toMatch(/follower/);
    const virtual = gatewayEnv({ ...launch, seed: '1/case', virtualTime: { QUOTASTORM_VT_PORT: '4242', QUOTASTORM_VT_NOW_FILE: '/run/now' } });
    expect(virtual['NODE_OPTIONS']).toMatch(/seeded-math-random.*clock\/coordinator\/follower/);
    expect(virtual).toMatchObject({ QUOTASTORM_VT_PORT: '4242', QUOTASTORM_VT_NOW_FILE: '/run/now' });
  });

  it('gives openclaw@2026.2.26 the warning flag its launcher would re-spawn itself to add, so the gateway is one process on the clock', () => {
    const virtual = gatewayEnv({ ...launch, virtualTime: { QUOTASTORM_VT_PORT: '1' } });
    expect(virtual['NODE_OPTIONS']?.split(' ')).toContain('--disable-warning=ExperimentalWarning');
    expect(gatewayEnv(launch)['NODE_OPTIONS']).toBeUndefined();
  });
});
