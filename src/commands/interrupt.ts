/**
 * Ctrl-C (SIGINT) and SIGTERM (a cancelled CI job, `kill`) for the whole
 * CLI, installed before anything heavy is imported so there is no moment
 * when a signal kills the process silently.
 *
 * Outside a run nothing is half-written, so the first signal ends the
 * process at once with one line. Inside a run (`whileRunning`) the first
 * signal aborts `interruptSignal()`: the runner stops at its next slice, the
 * command writes the run's files with the result marked incomplete, and
 * `throwIfInterrupted` ends the command with 130 (SIGINT) or 143 (SIGTERM).
 * A second signal exits at once. Commands that own a signal themselves
 * (`mocks serve`, the isolated real gateway) listen to it beside this
 * handler, which then stays out of their way.
 */
import { UserError } from '../errors.ts';

const INTERRUPT_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

type InterruptName = keyof typeof INTERRUPT_EXIT_CODES;

const controller = new AbortController();
let received: InterruptName | undefined;
let runsInProgress = 0;

/** Called once, first thing in `main`. */
export function installInterrupts(): void {
  for (const name of Object.keys(INTERRUPT_EXIT_CODES) as InterruptName[]) process.on(name, () => onInterrupt(name));
}

/** Aborted by the first signal inside `whileRunning`; the runner polls it. */
export function interruptSignal(): AbortSignal {
  return controller.signal;
}

/**
 * Marks `work` as a run that stops cleanly on a signal (its files are then
 * written, marked incomplete). Before it, a signal exits at once and writes
 * nothing: inputs are still being read and no folder exists yet.
 */
export async function whileRunning<T>(work: () => Promise<T>): Promise<T> {
  throwIfInterrupted();
  runsInProgress++;
  try {
    const outcome = await work();
    // A signal during the last writes still ends the command with its code.
    throwIfInterrupted();
    return outcome;
  } finally {
    runsInProgress--;
  }
}

/** The command was interrupted: ends it with 130 or 143 and says what was kept. */
class Interrupted extends UserError {
  constructor(name: InterruptName) {
    super(`interrupted by ${name}: the files written so far are complete and the last run's result is marked incomplete.`, {
      exitCode: INTERRUPT_EXIT_CODES[name],
    });
    this.name = 'Interrupted';
  }
}

/** Throws `Interrupted` once a signal has arrived: between runs, the next one is not started. */
export function throwIfInterrupted(): void {
  if (received !== undefined) throw new Interrupted(received);
}

function onInterrupt(name: InterruptName): void {
  if (runsInProgress > 0 && received === undefined) {
    received = name;
    process.stderr.write(`\nquotastorm: ${name}: stopping after the current slice and writing the run's files as incomplete (again to quit at once)\n`);
    controller.abort(new Interrupted(name));
    return;
  }
  if (runsInProgress > 0 || process.listenerCount(name) === 1) {
    const what = runsInProgress > 0 ? `second ${name}: quit at once; the run folder may lack its result` : `interrupted by ${name} before any run started; nothing was written`;
    process.stderr.write(`\nquotastorm: ${what}.\n`);
    process.exit(INTERRUPT_EXIT_CODES[name]);
  }
  // Another part of the command owns this signal (mocks serve, the isolated real gateway) and ends the process itself.
}
