import { describe, expect, it } from 'vitest';
import { describeInternalError, handleCommandError } from '../src/command-error.ts';
import { UserError } from '../src/errors.ts';

describe('describeInternalError', () => {
  const bug = new TypeError("Cannot read properties of undefined (reading 'find')");

  it('says it is a bug and gives the one-line command that reproduces it, with the seed', () => {
    const text = describeInternalError(bug, ['run', 'scenarios/burst-5s.json5', '--seed', '42'], false);
    expect(text).toContain("internal error (a bug in quotastorm, not in your input): TypeError: Cannot read properties of undefined (reading 'find')");
    expect(text).toContain('Seed 42.');
    expect(text).toContain('Reproduce with: quotastorm run scenarios/burst-5s.json5 --seed 42 ');
  });

  it('is one line without a stack unless debugging is asked for', () => {
    expect(describeInternalError(bug, ['lint'], false).trimEnd().split('\n')).toHaveLength(1);
    expect(describeInternalError(bug, ['lint'], true)).toContain('\n    at ');
  });

  it('quotes arguments the shell would split', () => {
    expect(describeInternalError(bug, ['lint', '--config', "my config's.json5"], false)).toContain(`quotastorm lint --config 'my config'\\''s.json5'`);
  });

  it('masks a key-shaped value the message quotes', () => {
    const key = `sk-${'c'.repeat(30)}`;
    expect(describeInternalError(new Error(`bad header ${key}`), ['lint'], false)).not.toContain(key);
  });
});

describe('handleCommandError', () => {
  function handled(error: unknown): { code: number; printed: string } {
    let printed = '';
    const code = handleCommandError(error, ['lint', '--config', 'x.json5'], (text) => (printed += text), false);
    return { code, printed };
  }

  it('prints a user error as its one paragraph and exits with its code', () => {
    expect(handled(new UserError('Config file x.json5 was not found.'))).toEqual({ code: 2, printed: 'quotastorm: Config file x.json5 was not found.\n' });
  });

  it('exits 70 for anything else, with the paragraph that names it a bug', () => {
    const { code, printed } = handled(new RangeError('Maximum call stack size exceeded'));
    expect(code).toBe(70);
    expect(printed).toContain('internal error (a bug in quotastorm, not in your input): RangeError: Maximum call stack size exceeded');
    expect(printed).toContain('Reproduce with: quotastorm lint --config x.json5');
  });
});
