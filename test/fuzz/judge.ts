/**
 * Runs one hostile input through quotastorm's real entry points, in-process, and says whether
 * quotastorm behaved: every outcome is a result or a `UserError` (exit 0, 1 or 2), never another
 * exception, an exit 70 or a stack trace, and no output contains a planted secret.
 *
 * Configs go through the library (parse, lint, notes, redaction) and the command functions with
 * the CLI's own error handling (`config validate`, `config get`, `config report`, `lint`:
 * src/command-error.ts decides 2 or 70 as the CLI does); scenarios through
 * `parseScenarioText`, the whole of what loading does before a run starts (a run itself is too
 * slow for thousands of cases).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { handleCommandError } from '../../src/command-error.ts';
import { runConfigGet, runConfigReport, runConfigValidate } from '../../src/commands/config.ts';
import { runLint } from '../../src/commands/lint.ts';
import { parseConfigText } from '../../src/config/load.ts';
import { redact } from '../../src/config/redact.ts';
import { isUserError } from '../../src/errors.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';
import { lintConfig, lintNotes } from '../../src/scenario/lint.ts';
import { parseScenarioText } from '../../src/scenario/load.ts';
import type { HostileInput } from './hostile-inputs.ts';

/** What happened: the exit codes seen, or the first misbehaviour. */
export type Verdict = { readonly ok: true; readonly exitCodes: readonly number[] } | { readonly ok: false; readonly problem: string };

// Each as the CLI line it stands for, and the command function that line calls.
const CONFIG_COMMANDS = (file: string): { argv: string[]; run: () => Promise<number> }[] => [
  { argv: ['config', 'validate', '--config', file], run: () => runConfigValidate(file, '2026.2') },
  { argv: ['config', 'get', 'models.providers', '--config', file], run: () => runConfigGet('models.providers', file) },
  { argv: ['config', 'report', '--config', file, '--profile', '2026.9'], run: () => runConfigReport([file], '2026.9') },
  { argv: ['lint', '--config', file], run: () => runLint(file, '2026.2') },
  { argv: ['lint', '--config', file, '--profile', '2026.9'], run: () => runLint(file, '2026.9') },
];

export async function judgeConfig(input: HostileInput, scratchDir: string): Promise<Verdict> {
  const library = inProcess(input, () => {
    const loaded = parseConfigText(input.text, 'hostile.json5');
    const printed: unknown[] = [loaded.warnings, redact(loaded.config)];
    for (const profile of Object.values(PROFILES)) printed.push(lintConfig(loaded, profile), lintNotes(loaded, profile));
    return JSON.stringify(printed);
  });
  if (!library.ok) return library;
  const file = join(scratchDir, 'openclaw.json');
  await writeFile(file, input.text);
  const exitCodes: number[] = [];
  for (const { argv, run: command } of CONFIG_COMMANDS(file)) {
    const run = await runCommand(argv, command);
    const problem = cliProblem(run, input);
    if (problem !== undefined) return { ok: false, problem: `quotastorm ${argv.join(' ')}: ${problem}` };
    exitCodes.push(run.code);
  }
  return { ok: true, exitCodes };
}

export async function judgeScenario(input: HostileInput): Promise<Verdict> {
  const verdict = inProcess(input, () => JSON.stringify(parseScenarioText(input.text, 'hostile-scenario.json5').scenario));
  return verdict.ok ? { ok: true, exitCodes: [verdict.exitCodes[0]!] } : verdict;
}

// 0 when `use` returns (its text must hold no canary: a valid file's secrets are redacted), 2 for a UserError.
function inProcess(input: HostileInput, use: () => string): Verdict {
  try {
    const printed = use();
    const leaked = leakIn(printed, input);
    return leaked === undefined ? { ok: true, exitCodes: [0] } : { ok: false, problem: `redacted output holds the planted secret ${leaked}` };
  } catch (error) {
    if (!isUserError(error)) return { ok: false, problem: `escaped ${describeError(error)}` };
    const leaked = leakIn(error.message, input);
    return leaked === undefined ? { ok: true, exitCodes: [error.exitCode] } : { ok: false, problem: `error message echoes the planted secret ${leaked}: ${error.message}` };
  }
}

type CliRun = { code: number; out: string; escaped?: unknown };

/** One command as the CLI runs it (cli.ts `main`): its exit code, or the code its error maps to; output captured. */
export async function runCommand(argv: readonly string[], command: () => Promise<number>): Promise<CliRun> {
  const out: string[] = [];
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const capture = ((chunk: string | Uint8Array) => {
    out.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = capture;
  process.stderr.write = capture;
  try {
    return { code: await command(), out: out.join('') };
  } catch (error) {
    return { code: handleCommandError(error, argv, (text) => out.push(text), false), out: out.join(''), escaped: error };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
}

export function cliProblem(run: CliRun, input: Pick<HostileInput, 'canaries'>): string | undefined {
  if (![0, 1, 2].includes(run.code)) return `exit ${run.code}: ${run.out.slice(0, 400)}${run.escaped === undefined ? '' : `\n${describeError(run.escaped)}`}`;
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(run.out)) return `printed a stack trace: ${run.out.slice(0, 400)}`;
  const leaked = leakIn(run.out, input);
  return leaked === undefined ? undefined : `printed the planted secret ${leaked}`;
}

function leakIn(text: string, input: Pick<HostileInput, 'canaries'>): string | undefined {
  return input.canaries.find((canary) => text.includes(canary));
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}\n${error.stack ?? ''}` : String(error);
}
