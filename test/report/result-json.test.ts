import { describe, expect, it } from 'vitest';
import { renderResultJson } from '../../src/report/result-json.ts';
import { passingRun } from './fixtures.ts';

describe('renderResultJson', () => {
  it('round-trips the result, ends with a newline, and redacts a key-shaped secret', () => {
    const result = passingRun();
    expect(JSON.parse(renderResultJson(result))).toEqual(JSON.parse(JSON.stringify(result)));
    expect(renderResultJson(result).endsWith('}\n')).toBe(true);
    const leaked = { ...result, reproduce: `${result.reproduce} --key sk-abcdefghijklmnopqrstuvwx` };
    expect(renderResultJson(leaked)).not.toContain('sk-abcdefghijklmnopqrstuvwx');
  });
});
