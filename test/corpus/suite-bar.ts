/**
 * The bar a user's own config must meet when they run a scenario on it (`quotastorm suite
 * scenarios/stress-suite.json5 --config openclaw.json`), judged from outside quotastorm: the
 * exit code and printed text (the CLI's own error mapping, test/fuzz/judge.ts) and the run
 * folder it wrote (result.json, record.json, journal.jsonl).
 *
 * - exit 0, 1 or 2; never 70, an escaped exception, a stack trace or a secret of the config;
 * - exit 2 only as one paragraph that names the config file;
 * - exit 0/1: every message sent is replied, an error reply, dropped or pending; and either a
 *   user turn reached a provider, or an ERROR check says why none did — a reason of the config's,
 *   not a gap of quotastorm's ("… which quotastorm does not mock"); and no message check PASSes
 *   over a step whose messages never reached a provider (a vacuous pass).
 *
 * "Reached a provider" is read from both sides, as a reviewer would: the gateway started a user
 * turn (result.json `turns.user`) and the mock journal holds a request made while a user message
 * was in its turn (between its arrival and its fate in record.json's `messageFates`, or until the
 * step ended for a message still pending). A model attempt is not required: a turn that first
 * compacts a large session asks the provider for the summary before any attempt is logged (the
 * check before a prompt, pi-coding-agent 0.55.1 `AgentSession._checkCompaction` as
 * openclaw@2026.2.26 installs it; src/gateway/compaction.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { runRunCommand } from '../../src/commands/run.ts';
import type { RunRecord, StepRecord } from '../../src/scenario/record.ts';
import { readRunDir } from '../../src/scenario/run-dir.ts';
import type { CheckResult, RunResult } from '../../src/scenario/result.ts';
import { cliProblem, runCommand } from '../fuzz/judge.ts';

export type SuiteRun = {
  readonly exitCode: number;
  /** Everything the command printed (stdout and stderr). */
  readonly printed: string;
  /** The run folder's result and record, for exit 0 and 1. */
  readonly saved: SavedRun | undefined;
  /** Whether a user turn reached a provider (see above); false without a run. */
  readonly reachedProvider: boolean;
  /** Where the bar does not hold, one sentence each; empty when it holds. */
  readonly problems: readonly string[];
};

type SavedRun = { readonly result: RunResult; readonly record: RunRecord };

export type SuiteInput = {
  readonly scenarioFile: string;
  readonly configFile: string;
  readonly outDir: string;
  /** Values the config keeps under secret-named keys: none may be printed or written. */
  readonly canaries: readonly string[];
  /** Run with `--doctor-fix`: the keys the version does not know removed instead of refused. */
  readonly doctorFix?: boolean;
} & BarOptions;

export type BarOptions = {
  /**
   * Take quotastorm's own gap ("… which quotastorm does not mock") as the reason no turn reached
   * a provider. Off for the corpus, where each such config is a KNOWN_GAPS entry; on for
   * generated configs, which draw every API kind OpenClaw accepts.
   */
  readonly gapsExplain?: boolean;
};

/** The checks that judge the messages a step sent: a PASS from them means those messages were tested. */
const MESSAGE_CHECKS: ReadonlySet<string> = new Set(['rate-limit-errors', 'error-replies', 'replies-delivered', 'peak-usage']);
const UNMATCHED_CHECK = 'unmatched-requests';
const SAYS_NOTHING = 'no gateway log line says why';
/** How quotastorm words a config it cannot run for want of a mock or a model (src/gateway/router/index.ts, src/config/load.ts). */
const QUOTASTORM_GAP = /quotastorm does not (mock|model)/;

/** `quotastorm suite <scenario> --config <config> --out <dir> --force`, in process, judged against the bar. */
export async function runSuite(input: SuiteInput): Promise<SuiteRun> {
  const doctorFix = input.doctorFix === true;
  const argv = ['suite', input.scenarioFile, '--config', input.configFile, '--out', input.outDir, '--force', ...(doctorFix ? ['--doctor-fix'] : [])];
  const run = await runCommand(argv, () => runRunCommand(input.scenarioFile, { config: input.configFile, out: input.outDir, force: true, doctorFix }));
  const crash = cliProblem(run, input);
  const unsaved = { exitCode: run.code, printed: run.out, saved: undefined, reachedProvider: false };
  if (crash !== undefined) return { ...unsaved, problems: [`quotastorm ${argv.join(' ')}: ${crash}`] };
  if (run.code === 2) return { ...unsaved, problems: badInputProblems(run.out, input.configFile) };
  const saved = await readRunDir(input.outDir);
  const problems = [...(await leaksInFolder(input.outDir, input.canaries)), ...savedRunProblems(saved, input)];
  return { exitCode: run.code, printed: run.out, saved, reachedProvider: userTurnReachedProvider(saved), problems };
}

/** The bar over a finished run's folder: messages reconcile, a turn reached a provider or an error says why, no vacuous pass. */
export function savedRunProblems(saved: SavedRun, options: BarOptions = {}): string[] {
  return [
    ...accountingProblems(saved.result),
    ...(userTurnReachedProvider(saved) ? [] : unreachedProblems(saved.result.checks, options)),
    ...vacuousPasses(saved),
  ];
}

/** The ERROR check that says why no message reached a provider, as its title and summary. */
export function whyNoTurnReachedProvider(checks: readonly CheckResult[]): string | undefined {
  const why = checks.find(
    (check) => check.status === 'error' && (MESSAGE_CHECKS.has(check.check) || check.check === UNMATCHED_CHECK) && !check.summary.includes(SAYS_NOTHING),
  );
  return why === undefined ? undefined : `${why.title}: ${why.summary}`;
}

function unreachedProblems(checks: readonly CheckResult[], options: BarOptions): string[] {
  const why = whyNoTurnReachedProvider(checks);
  if (why === undefined) return ['no user turn reached a provider and no ERROR check says why'];
  if (QUOTASTORM_GAP.test(why) && options.gapsExplain !== true) return [`no user turn reached a provider, for a gap of quotastorm's rather than the config's: ${why}`];
  return [];
}

// A refused config is the user's to fix: one paragraph, and it says which file.
function badInputProblems(printed: string, configFile: string): string[] {
  const problems: string[] = [];
  if (!/^quotastorm: [^\n]+\n$/.test(printed)) problems.push(`exit 2 printed more than one paragraph: ${printed.slice(0, 300)}`);
  if (!printed.includes(basename(configFile))) problems.push(`exit 2 does not name the config file ${basename(configFile)}: ${printed.slice(0, 300)}`);
  return problems;
}

async function leaksInFolder(dir: string, canaries: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const text = await readFile(join(dir, name), 'utf8');
    const leaked = canaries.find((canary) => text.includes(canary));
    if (leaked !== undefined) problems.push(`${name} holds the config's secret ${leaked}`);
  }
  return problems;
}

function accountingProblems(result: RunResult): string[] {
  const { sent, replied, errorReplies, dropped, pending } = result.messages;
  const counts = [replied, errorReplies, dropped, pending];
  if (counts.some((count) => count < 0) || replied + errorReplies + dropped + pending !== sent) {
    return [`messages do not reconcile: ${sent} sent ≠ ${replied} replied + ${errorReplies} error replies + ${dropped} dropped + ${pending} pending`];
  }
  return [];
}

function userTurnReachedProvider({ result, record }: SavedRun): boolean {
  return result.turns.user > 0 && record.steps.some((step) => stepReachedProvider(record, step, step.fromMs));
}

// A message check's PASS stands only on messages of its step that reached a provider.
function vacuousPasses({ result, record }: SavedRun): string[] {
  const problems: string[] = [];
  for (const check of result.checks.filter((candidate) => candidate.status === 'pass' && MESSAGE_CHECKS.has(candidate.check))) {
    const step = record.steps.find((candidate) => candidate.name === check.step);
    // A check over the whole run (`window: "run"`) judges every message sent so far.
    const fromMs = step === undefined || step.messagesSent === 0 ? record.startMs : step.fromMs;
    if (step === undefined || !stepReachedProvider(record, step, fromMs)) {
      problems.push(`"${check.title}" passed though no message of step "${check.step ?? '(run)'}" reached a provider`);
    }
  }
  return problems;
}

/** A provider request in the journal while one of the window's user messages was in its turn. */
function stepReachedProvider(record: RunRecord, step: StepRecord, fromMs: number): boolean {
  const fates = record.messageFates.filter((fate) => fate.receivedAtMs >= fromMs && fate.receivedAtMs <= step.toMs);
  const sent = fromMs === step.fromMs ? step.messagesSent : step.messagesSentInRun;
  const spans = fates.map((fate) => [fate.receivedAtMs, fate.atMs] as const);
  if (fates.length < sent) spans.push([fromMs, step.toMs]);
  return record.journal.some((entry) => spans.some(([from, to]) => entry.atMs >= from && entry.atMs <= to));
}
