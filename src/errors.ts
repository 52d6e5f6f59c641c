/**
 * Errors a user can fix: bad config, bad scenario, bad flag, missing file.
 *
 * The CLI prints `message` as one paragraph (no stack trace) and exits with
 * `exitCode` (2, "bad input"). Everything else that escapes is a bug and keeps
 * its stack.
 */
export class UserError extends Error {
  readonly exitCode: number;

  constructor(message: string, options?: { cause?: unknown; exitCode?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.exitCode = options?.exitCode ?? 2;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
