/**
 * What the CLI prints and exits with when a command throws. A `UserError` is the user's to fix:
 * its one paragraph and its exit code (2). Anything else is a bug in quotastorm, never the
 * user's input: exit 70 and one paragraph that says so, the seed when the command line has one,
 * and the exact command that reproduces it (runs are deterministic, so the same command and seed
 * fail the same way). The stack is for developers: `QUOTASTORM_DEBUG=1` adds it.
 */
import { redactText } from './config/redact.ts';
import { isUserError } from './errors.ts';

/** Exit code for a bug in quotastorm (sysexits' EX_SOFTWARE). */
export const INTERNAL_ERROR_EXIT = 70;

/** Prints what `error` means for the user through `write` and returns the exit code. */
export function handleCommandError(error: unknown, argv: readonly string[], write: (text: string) => void, debug: boolean): number {
  if (isUserError(error)) {
    write(`quotastorm: ${error.message}\n`);
    return error.exitCode;
  }
  write(describeInternalError(error, argv, debug));
  return INTERNAL_ERROR_EXIT;
}

export function describeInternalError(error: unknown, argv: readonly string[], debug: boolean): string {
  const what = error instanceof Error ? `${error.name}: ${firstLine(error.message)}` : `thrown value ${firstLine(String(error))}`;
  const seed = seedOf(argv);
  const paragraph =
    `quotastorm: internal error (a bug in quotastorm, not in your input): ${what}. ` +
    `${seed === undefined ? '' : `Seed ${seed}. `}` +
    `Reproduce with: ${['quotastorm', ...argv].map(shellQuote).join(' ')} — please report it with this message; ` +
    'QUOTASTORM_DEBUG=1 prints the stack.';
  const stack = debug && error instanceof Error && error.stack !== undefined ? `\n${error.stack}` : '';
  // The message may quote a value from the user's config; a key-shaped one is masked like in every other message.
  return redactText(`${paragraph}${stack}\n`);
}

function seedOf(argv: readonly string[]): string | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg === '--seed') return argv[index + 1];
    if (arg.startsWith('--seed=')) return arg.slice('--seed='.length);
  }
  return undefined;
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}
