import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { isCaseFileName, loadTraceCase, parseTraceCase, TRACE_CASES_DIR } from '../../src/sut/trace-case.ts';

const caseNames = readdirSync(TRACE_CASES_DIR).filter(isCaseFileName).map((file) => file.replace(/\.json5$/, ''));

describe('trace cases', () => {
  it('has the trace cases of the incident', () => {
    expect(caseNames.sort()).toEqual(
      expect.arrayContaining([
        'all-ok',
        'primary-429-cross-provider-ok',
        'flash-429-pro-429-other-ok',
        'all-models-429',
        'flash-429-pro-malformed-function-call',
        'empty-stream',
        'reset-mid-stream',
        'stale-cron-sessions',
        'command-menu-native-skills-on',
        'command-menu-native-skills-off',
      ]),
    );
  });

  it.each(caseNames)('%s parses, with a valid fault schedule', async (name) => {
    const traceCase = await loadTraceCase(name);
    expect(traceCase.name).toBe(name);
    expect(traceCase.description.length).toBeGreaterThan(10);
    expect(traceCase.turns.length > 0 || traceCase.warmup !== false).toBe(true);
  });

  it('fills in defaults', () => {
    const parsed = parseTraceCase('{ description: "x", turns: [{ text: "hi" }] }', join(TRACE_CASES_DIR, 'x.json5'));
    expect(parsed).toMatchObject({ name: 'x', seed: 20260227, config: 'base.openclaw.json5', warmup: false, sessions: [], faults: { rules: [] } });
  });

  it('names the file and path of a bad field', () => {
    expect(() => parseTraceCase('{ description: "x", turns: [{ txt: "hi" }] }', 'bad.json5')).toThrow(UserError);
    expect(() => parseTraceCase('{ description: "x", turns: [{ txt: "hi" }] }', 'bad.json5')).toThrow(/bad\.json5.*turns\[0\]/);
  });

  it('refuses a bad fault schedule with the fault schedule\'s own message', () => {
    expect(() => parseTraceCase('{ description: "x", faults: { rules: [{ fault: "teapot" }] } }', 'f.json5')).toThrow(/rules\[0\]\.fault/);
  });

  it('takes a turn sent at a set offset, and refuses one in the warm-up', () => {
    const parsed = parseTraceCase('{ description: "x", turns: [{ text: "one" }, { text: "two", atMs: 5000 }] }', 'burst.json5');
    expect(parsed.turns.map((turn) => turn.atMs)).toEqual([undefined, 5_000]);
    expect(() => parseTraceCase('{ description: "x", turns: [{ text: "one", atMs: -1 }] }', 'b.json5')).toThrow(/turns\[0\]\.atMs/);
    expect(() => parseTraceCase('{ description: "x", warmup: { turns: [{ text: "w", atMs: 10 }] } }', 'w.json5')).toThrow(/warmup/);
  });

  it('refuses an unknown version in versions', () => {
    expect(() => parseTraceCase('{ description: "x", versions: { "2026.1.1": { skip: "no" } } }', 'v.json5')).toThrow(/versions/);
  });
});
