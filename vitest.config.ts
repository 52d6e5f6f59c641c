import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The plain closing line ("N passed, N failed, N skipped") is what CI reads.
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    // nock and msw cannot share a process: every file runs in its own fork.
    isolate: true,
  },
});
