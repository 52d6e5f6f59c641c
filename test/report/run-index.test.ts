import { describe, expect, it } from 'vitest';
import { renderRunIndex } from '../../src/report/run-index.ts';
import { failingBeforeRun, incompleteRun, passingRun } from './fixtures.ts';

const index = () =>
  renderRunIndex({
    title: 'quotastorm compare: stress-suite',
    about: 'One scenario and seed against two configs.',
    runs: [
      { dir: '1-before', result: failingBeforeRun() },
      { dir: '2-after', result: passingRun() },
      { dir: '3-cut short', result: incompleteRun() },
    ],
    documents: [{ path: 'compare.md', what: 'the configs side by side' }],
  });

function rows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| ['))
    .map((line) => line.slice(2, -2).split(' | '));
}

describe('renderRunIndex', () => {
  it('has one row per run, linked to its report.md, with the verdict first', () => {
    expect(rows(index()).map((row) => [row[0], row[1]])).toEqual([
      ['[1-before](1-before/report.md)', '**FAIL 1/6**'],
      ['[2-after](2-after/report.md)', '**PASS 6/6**'],
      ['[3-cut short](3-cut%20short/report.md)', '**INCOMPLETE 1/2**'],
    ]);
  });

  it('shows each run’s messages as the result accounts for them', () => {
    const { sent, replied, errorReplies, dropped, pending } = failingBeforeRun().messages;
    expect(rows(index())[0]![4]).toBe(`${sent.toLocaleString('en-US')} sent: ${replied} replied, ${errorReplies} error replies, ${dropped} dropped, ${pending} pending`);
  });

  it('links the folder’s other reports above the runs', () => {
    const text = index();
    expect(text).toContain('- [compare.md](compare.md): the configs side by side');
    expect(text.indexOf('## Reports')).toBeLessThan(text.indexOf('## Runs'));
  });
});
