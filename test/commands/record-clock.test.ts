import { describe, expect, it } from 'vitest';
import { recordsInVirtualTime, runRecord } from '../../src/commands/record.ts';
import { UserError } from '../../src/errors.ts';
import { OPENCLAW_VERSIONS } from '../../src/sut/versions.ts';

const V2026_2 = OPENCLAW_VERSIONS['2026.2.26']!;
const V2026_9 = OPENCLAW_VERSIONS['2026.9.6']!;

describe('the clock a recording runs on', () => {
  it("is the version's own unless a flag says otherwise: virtual for 2026.2.26, real for 2026.9.6", () => {
    expect(recordsInVirtualTime(V2026_2, {})).toBe(true);
    expect(recordsInVirtualTime(V2026_9, {})).toBe(false);
  });

  it('follows --virtual-time and --real-time over the default', () => {
    expect(recordsInVirtualTime(V2026_2, { realTime: true })).toBe(false);
    expect(recordsInVirtualTime(V2026_9, { virtualTime: true })).toBe(true);
  });

  it('refuses both flags at once as bad input', async () => {
    const options = { gateway: ['openclaw@2026.2.26'], goldenDir: 'test/golden', runsDir: '.cache/runs', isolation: false, virtualTime: true, realTime: true };
    await expect(runRecord(['all-ok'], options)).rejects.toThrow(UserError);
    await expect(runRecord(['all-ok'], options)).rejects.toThrow(/--virtual-time or --real-time, not both/);
  });
});
