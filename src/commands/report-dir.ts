/**
 * The default output folder of a command: `reports/<UTC time>-<name>` under
 * the current folder. The current folder, not quotastorm's own: installed
 * as a package, quotastorm lives in node_modules or npx's cache, where a
 * report would be lost (and a global install may not be writable). From a
 * clone, `npm start` and friends run in its root, so reports land in its
 * git-ignored reports/.
 */
import { resolve } from 'node:path';
import { createRealClock } from '../clock/real-clock.ts';

export function newReportDir(name: string): string {
  const stamp = new Date(createRealClock().now()).toISOString().replaceAll(':', '-').replace(/\.\d+Z$/, 'Z');
  return resolve('reports', `${stamp}-${name}`);
}
