import { describe, expect, it } from 'vitest';
import { renderGatewayConformance } from '../../src/report/gateway-conformance.ts';
import type { RunResult } from '../../src/scenario/result.ts';
import { failingBeforeRun, passingRun } from './fixtures.ts';

const REAL = { name: 'openclaw@2026.2.26', clock: 'virtual', isolation: 'netns', wallMs: 68_000, moves: 23_730, limits: ['router decisions: not observable from outside'] } as const;
const onReal = (result: RunResult): RunResult => ({ ...result, gateway: REAL });
const about = { command: 'quotastorm conformance scenario stress-suite --config feb27-after.json5 --gateway openclaw@2026.2.26', scenario: 'stress-suite' };

function render(embedded: RunResult, real: RunResult): string {
  return renderGatewayConformance([{ config: 'scenarios/configs/feb27-after.json5', runs: [{ gateway: 'embedded', result: embedded, wallMs: 4_000, dir: 'out/embedded' }, { gateway: 'openclaw@2026.2.26', result: real, wallMs: 70_000, dir: 'out/real' }] }], about);
}

describe('the scenario conformance report', () => {
  it('says every row agrees when both gateways gave the same verdicts and counts', () => {
    const report = render(passingRun(), onReal(passingRun()));
    expect(report).toContain('| Verdict | 6/6 passed | 6/6 passed |  |');
    expect(report).toContain('Every row agrees.');
    expect(report).toContain(`Regenerate: \`${about.command}\``);
  });

  it('marks and lists the rows where the real gateway differs from the embedded one', () => {
    const report = render(passingRun(), onReal(failingBeforeRun()));
    expect(report).toMatch(/\| Verdict \| 6\/6 passed \| \d+\/\d+ passed \| ≠ \|/);
    expect(report).toMatch(/\*\*\d+ rows differ:\*\* Verdict · /);
  });

  it('says a run that stopped before the scenario ended was incomplete', () => {
    const report = render(passingRun(), onReal({ ...passingRun(), incomplete: true }));
    expect(report).toContain('| Verdict | 6/6 passed | 6/6 passed (incomplete run) | ≠ |');
  });

  it("lists what the real run could not reproduce, and each run's folder and reproduce line", () => {
    const report = render(passingRun(), onReal(passingRun()));
    expect(report).toContain('Not reproduced or not observable on `openclaw@2026.2.26`:');
    expect(report).toContain('- router decisions: not observable from outside');
    expect(report).toContain('- `openclaw@2026.2.26`: `out/real`');
  });
});
