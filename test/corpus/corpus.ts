/**
 * The real-config corpus (test/fixtures/real-configs/, sources in SOURCES.md) as users run it:
 * each config through `config validate`, `config get`, `config report`, `lint` on both profiles
 * (test/fuzz/judge.ts) and the stress suite (suite-bar.ts), and the one line per config that
 * reports/examples/real-configs.md shows. The shard tests (test/real-configs/) and the report's
 * generator (`npm run corpus`) both go through `runCorpusEntry`, so the committed report says
 * what the tests saw.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatWaitMs } from '../../src/report/reply-time-section.ts';
import { wrapProse } from '../../src/report/markdown-text.ts';
import { judgeConfig } from '../fuzz/judge.ts';
import { secretValuesIn } from './secret-values.ts';
import { runSuite, whyNoTurnReachedProvider, type SuiteRun } from './suite-bar.ts';

const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
export const CORPUS_DIR = 'test/fixtures/real-configs';
export const CORPUS_REPORT = 'reports/examples/real-configs.md';
const SUITE = 'scenarios/stress-suite.json5';

export const CORPUS_FIXTURES: readonly string[] = readdirSync(join(PROJECT_ROOT, CORPUS_DIR))
  .filter((name) => name.endsWith('.json5'))
  .sort();

/**
 * Configs that do not meet the bar yet, each with the text its failure must still contain: the
 * shard tests assert they fail exactly so, so the change that fixes one must remove its entry.
 */
export const KNOWN_GAPS: Readonly<Record<string, string>> = {
};

export type CorpusEntry = {
  readonly name: string;
  /** `config validate`, `config get models.providers`, `config report`, `lint` 2026.2, `lint` 2026.9, in that order. */
  readonly configExitCodes: readonly number[];
  readonly configProblem: string | undefined;
  readonly suite: SuiteRun;
  /** The suite again with `--doctor-fix`, when the version's schema refused the config: what its owner would run after `openclaw doctor --fix`. */
  readonly doctorFixed: SuiteRun | undefined;
};

export async function runCorpusEntry(name: string, scratchDir: string): Promise<CorpusEntry> {
  const configFile = join(CORPUS_DIR, name);
  const text = readFileSync(join(PROJECT_ROOT, configFile), 'utf8');
  const canaries = secretValuesIn(text);
  const configDir = join(scratchDir, `${name}.config`);
  await mkdir(configDir, { recursive: true });
  const { verdict, suite, doctorFixed } = await withoutVariablesOf(text, async () => {
    const verdict = await judgeConfig({ base: name, text, canaries, mutations: [] }, configDir);
    const suite = await runSuite({ scenarioFile: SUITE, configFile, outDir: join(scratchDir, `${name}.suite`), canaries });
    const refusedBySchema = suite.exitCode === 2 && suite.printed.includes('its config schema does not accept it');
    const doctorFixed = refusedBySchema ? await runSuite({ scenarioFile: SUITE, configFile, outDir: join(scratchDir, `${name}.doctor-fix`), canaries, doctorFix: true }) : undefined;
    return { verdict, suite, doctorFixed };
  });
  return {
    name,
    configExitCodes: verdict.ok ? verdict.exitCodes : [],
    configProblem: verdict.ok ? undefined : verdict.problem,
    suite,
    doctorFixed,
  };
}

/**
 * Runs `use` with every `${NAME}` the config refers to unset, as on a machine that never saw the
 * config's author's environment: the same corpus gives the same report wherever it runs.
 */
async function withoutVariablesOf<T>(text: string, use: () => Promise<T>): Promise<T> {
  const names = [...new Set([...text.matchAll(/\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)\}/g)].map(([, name]) => name!))];
  const saved = names.map((name) => [name, process.env[name]] as const);
  for (const name of names) delete process.env[name];
  try {
    return await use();
  } finally {
    for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
  }
}

/** Where the entry misses the bar, one sentence each. */
export function problemsOf(entry: CorpusEntry): string[] {
  const fixed = entry.doctorFixed?.problems.map((problem) => `with --doctor-fix: ${problem}`) ?? [];
  return [...(entry.configProblem === undefined ? [] : [entry.configProblem]), ...entry.suite.problems, ...fixed];
}

export const REPORT_HEADER = [
  ...wrapProse([
  '# The real-config corpus',
  '',
  `Every config in [${CORPUS_DIR}](../../${CORPUS_DIR}) (sources and licences in [SOURCES.md](../../${CORPUS_DIR}/SOURCES.md)), ` +
    'through `config validate`, `config get models.providers`, `config report`, `lint` (profiles 2026.2 and 2026.9) ' +
    `and \`quotastorm suite ${SUITE} --config <file>\`; a config the version's schema refuses runs again with \`--doctor-fix\` ` +
    '(its unknown keys removed, as `openclaw doctor --fix` does). Written by `npm run corpus`; the tests in test/real-configs/ ' +
    'check every line against a fresh run.',
  '',
  'Bar: exit 0, 1 or 2 and no secret printed; exit 2 as one paragraph naming the file; otherwise the messages reconcile, ' +
    'a user turn reached a provider or an ERROR check says why, and no message check passes without its messages reaching a provider.',
  ].join('\n')).split('\n'),
  '',
  '| Config | validate · get · report · lint 2.2 · lint 9.6 | suite | messages sent · replied · error · dropped · pending | reply time p95 · max | provider requests | verdict | with --doctor-fix: exit · messages · verdict | bar | why |',
  '|---|---|---|---|---|---|---|---|---|---|',
];

export function renderCorpusReport(entries: readonly CorpusEntry[]): string {
  return `${[...REPORT_HEADER, ...entries.map(corpusLine)].join('\n')}\n`;
}

/** One table row: what ran, the exit codes, the messages' fates, how long answered ones waited, the suite's verdict and why. */
export function corpusLine(entry: CorpusEntry): string {
  const { suite } = entry;
  const result = suite.saved?.result;
  const codes = entry.configExitCodes.length > 0 ? entry.configExitCodes.join(' · ') : 'crash';
  const messages = result === undefined ? '–' : [result.messages.sent, result.messages.replied, result.messages.errorReplies, result.messages.dropped, result.messages.pending].join(' · ');
  const requests = suite.saved === undefined ? '–' : `${suite.saved.record.journal.length}${suite.reachedProvider ? ' (user turns reached one)' : ''}`;
  const verdict = result === undefined ? (suite.exitCode === 2 ? 'bad input' : `exit ${suite.exitCode}`) : verdictText(result.verdict);
  const reply = result?.replyTime?.reply;
  const waited = reply === undefined ? '–' : `${formatWaitMs(reply.p95Ms)} · ${formatWaitMs(reply.maxMs)}`;
  const cells = [`[${entry.name}](../../${CORPUS_DIR}/${entry.name})`, codes, `exit ${suite.exitCode}`, messages, waited, requests, verdict, doctorFixText(entry.doctorFixed), barText(entry), whyText(entry)];
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** The `--doctor-fix` run in one cell: its exit, the messages' fates and the verdict; `–` when the schema did not refuse the config. */
function doctorFixText(run: SuiteRun | undefined): string {
  if (run === undefined) return '–';
  const result = run.saved?.result;
  if (result === undefined) return `exit ${run.exitCode}`;
  const { sent, replied, errorReplies, dropped, pending } = result.messages;
  return `exit ${run.exitCode} · ${[sent, replied, errorReplies, dropped, pending].join(' · ')} · ${verdictText(result.verdict)}`;
}

function verdictText(verdict: { passed: number; failed: number; errors: number; notApplicable: number }): string {
  return `${verdict.passed} pass · ${verdict.failed} fail · ${verdict.errors} error · ${verdict.notApplicable} n/a`;
}

function barText(entry: CorpusEntry): string {
  const problems = problemsOf(entry);
  if (problems.length === 0) return 'met';
  return KNOWN_GAPS[entry.name] === undefined ? `NOT MET: ${problems[0]}` : `known gap: ${KNOWN_GAPS[entry.name]}`;
}

/** The first ERROR, else the first FAIL, else the bad-input message. */
function whyText(entry: CorpusEntry): string {
  const result = entry.suite.saved?.result;
  if (result === undefined) return entry.suite.printed.replace(/^quotastorm: /, '');
  const first = whyNoTurnReachedProvider(result.checks) ?? [...result.checks.filter((check) => check.status === 'error'), ...result.checks.filter((check) => check.status === 'fail')].map((check) => `${check.title}: ${check.summary}`)[0];
  return first ?? 'every check passed';
}

const CELL_CHARS = 180;

// Paths relative to the project and short, so the line is the same on every machine.
function cell(text: string): string {
  const plain = text.replaceAll(`${PROJECT_ROOT}/`, '').replaceAll(/\s+/g, ' ').trim();
  const short = plain.length > CELL_CHARS ? `${plain.slice(0, CELL_CHARS - 1)}…` : plain;
  return short.replaceAll('|', '\\|');
}
