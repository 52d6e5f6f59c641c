/**
 * `npm run fuzz -- [--runs N] [--seed N] [--kind config|scenario|both] [--path P]`: the long
 * hostile-input campaign. The same generators and judge as the fixed-seed batch in `npm test`
 * (test/property/hostile-input.test.ts), for as many cases as asked, from a seed that is printed
 * first. Exit 0 when every case behaved, 1 with the failing case, its seed and path, and the
 * command that replays exactly that case.
 *
 * A case that takes more than CASE_TIMEOUT_MS counts as a hang.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { hostileConfig, hostileScenario, type HostileInput } from './hostile-inputs.ts';
import { judgeConfig, judgeScenario, type Verdict } from './judge.ts';

const CASE_TIMEOUT_MS = 10_000;

type Kind = 'config' | 'scenario';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    kind: { type: 'string', default: 'both' },
    path: { type: 'string' },
  },
});
const runs = Number(values.runs);
// The campaign's own seed is the one thing drawn from the wall clock; it is printed before any case runs.
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const kinds: Kind[] = values.kind === 'both' ? ['config', 'scenario'] : [values.kind as Kind];
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed) || !kinds.every((kind) => kind === 'config' || kind === 'scenario')) {
  process.stderr.write('usage: npm run fuzz -- [--runs N] [--seed N] [--kind config|scenario|both] [--path P]\n');
  process.exit(2);
}

const scratchDir = await mkdtemp(join(tmpdir(), 'quotastorm-fuzz-'));
let failed = false;
try {
  for (const [index, kind] of kinds.entries()) {
    const kindRuns = Math.ceil(runs / kinds.length);
    // Each kind has its own seed, so `--kind K --seed S` replays one kind of a `both` campaign.
    process.stdout.write(`fuzz ${kind}: ${kindRuns} cases, seed ${seed + index}${values.path === undefined ? '' : `, path ${values.path}`}\n`);
    const tally = await campaign(kind, kindRuns, seed + index);
    failed ||= !tally.passed;
  }
} finally {
  await rm(scratchDir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;

async function campaign(kind: Kind, numRuns: number, kindSeed: number): Promise<{ passed: boolean }> {
  const exitCodes = new Map<number, number>();
  let slowestMs = 0;
  const judge = (input: HostileInput): Promise<Verdict> => (kind === 'config' ? judgeConfig(input, scratchDir) : judgeScenario(input));
  const property = fc.asyncProperty(kind === 'config' ? hostileConfig : hostileScenario, async (input) => {
    const started = performance.now();
    const verdict = await judge(input);
    const elapsedMs = performance.now() - started;
    slowestMs = Math.max(slowestMs, elapsedMs);
    if (!verdict.ok) throw new Error(verdict.problem);
    if (elapsedMs > CASE_TIMEOUT_MS) throw new Error(`took ${Math.round(elapsedMs)} ms (over ${CASE_TIMEOUT_MS} ms: a hang)`);
    for (const code of verdict.exitCodes) exitCodes.set(code, (exitCodes.get(code) ?? 0) + 1);
  });
  const details = await fc.check(property, { seed: kindSeed, numRuns, ...(values.path === undefined ? {} : { path: values.path, endOnFailure: true }) });
  const codes = [...exitCodes.entries()].sort(([a], [b]) => a - b).map(([code, count]) => `exit ${code} × ${count}`).join(', ');
  if (!details.failed) {
    process.stdout.write(`  ${details.numRuns} cases, 0 crashes, 0 leaks, 0 hangs; ${codes}; slowest case ${Math.round(slowestMs)} ms\n`);
    return { passed: true };
  }
  const [input] = details.counterexample ?? [];
  process.stdout.write(
    `  FAILED after ${details.numRuns} cases (seed ${details.seed}, path ${details.counterexamplePath ?? '?'}): ${String(details.errorInstance).slice(0, 2_000)}\n` +
      `  base ${input?.base ?? '?'}; mutations:\n${(input?.mutations ?? []).map((m) => `    ${m.slice(0, 300)}\n`).join('')}` +
      `  replay: npm run fuzz -- --kind ${kind} --seed ${details.seed} --path ${details.counterexamplePath ?? ''} --runs 1\n`,
  );
  return { passed: false };
}
