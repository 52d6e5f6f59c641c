import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** The files that install msw's setupServer, which patches the same globals nock does. */
const SETUP_SERVER_FILES = ['test/mocks/setup-server.test.ts', 'test/clock/determinism.test.ts'];

export default defineConfig({
  test: {
    // The plain closing line ("N passed, N failed, N skipped") is what CI reads.
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    // nock and msw cannot share a process: every file runs in its own fork.
    isolate: true,
    // One fork per core, not vitest's cores − 1: many files wait on child processes (the CLI, the clock
    // coordinator's followers), and on CI's 2 cores one fork left a core idle (suite 282–297 s → 197 s).
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        // Everything else runs offline: nock refuses any request that is not to loopback.
        test: { name: 'offline', include: ['test/**/*.test.ts'], exclude: SETUP_SERVER_FILES, setupFiles: ['./test/support/no-network.ts'] },
      },
      {
        extends: true,
        // msw's own guard fails these files' stray requests (`onUnhandledFrame: 'error'`).
        test: { name: 'setup-server', include: SETUP_SERVER_FILES },
      },
    ],
  },
});
