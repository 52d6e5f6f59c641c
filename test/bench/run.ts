/**
 * `npm run bench`: every benchmark, each reported as a ratio to a baseline
 * measured in the same run (absolute numbers on a shared machine mean little).
 * Exits 1 when a target is missed, so it can gate a change. Suite names as
 * arguments run only those: `npm run bench -- soak` (see soak.bench.ts for
 * its quick mode).
 */
import { benchClock } from './clock.bench.ts';
import { benchIncident } from './incident.bench.ts';
import { benchMocks } from './mocks.bench.ts';
import { benchSoak } from './soak.bench.ts';
import type { BenchRow } from './measure.ts';

const suites: Array<[string, () => Promise<BenchRow[]>]> = [
  ['clock', benchClock],
  ['mocks', benchMocks],
  ['incident', benchIncident],
  ['soak', benchSoak],
];
const chosen = process.argv.slice(2);

let missed = 0;
for (const [suite, run] of suites) {
  if (chosen.length > 0 && !chosen.includes(suite)) continue;
  console.log(`\n## ${suite}`);
  for (const row of await run()) {
    const ratio = row.ratio !== undefined ? `${row.ratio.toFixed(2)}×` : row.figure === undefined ? 'baseline' : '';
    const verdict = row.met === undefined ? '' : row.met ? `  target ${row.target}: met` : `  target ${row.target}: MISSED`;
    if (row.met === false) missed++;
    const figure = row.figure !== undefined ? row.figure : row.rps === undefined ? `${row.ms.toFixed(0).padStart(7)} ms` : `${row.rps.toFixed(0).padStart(7)} req/s`;
    console.log(`${row.name.padEnd(52)} ${figure}  ${ratio.padStart(8)}${verdict}`);
  }
}
if (missed > 0) {
  console.log(`\n${missed} target(s) missed`);
  process.exitCode = 1;
}
