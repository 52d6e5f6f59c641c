import { describe, expect, it } from 'vitest';
import { describeInternalError } from '../src/internal-error.ts';

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
