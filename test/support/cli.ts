import { execFile } from 'node:child_process';

/** What the CLI printed and its exit code. */
export type Outcome = { code: number; stdout: string; stderr: string };

/** Runs the real CLI in a child process, as a user would, without colour and without a config from the environment. */
export function cli(...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['src/cli.ts', ...args], { env: { ...process.env, NO_COLOR: '1', OPENCLAW_CONFIG_PATH: '' }, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}
