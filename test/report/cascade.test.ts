import { describe, expect, it } from 'vitest';
import { cascadeFlowchart } from '../../src/report/cascade.ts';

describe('cascadeFlowchart', () => {
  it('draws recorded edges with counts, adds targets that made no attempt, and quotes labels safely', () => {
    const lines = cascadeFlowchart([
      { modelRef: 'a/x"y', attempts: 5, failed: 3, reasons: { rate_limit: 3 }, succeeded: 2, next: { 'b/z': 2, 'c/w': 1 } },
      { modelRef: 'b/z', attempts: 2, failed: 0, reasons: {}, succeeded: 2, next: {} },
    ]);
    expect(lines).toEqual([
      'flowchart LR',
      '  m0["a/x#quot;y · 5 attempts: 2 answered, 3 failed"]',
      '  m1["b/z · 2 attempts: 2 answered, 0 failed"]',
      '  m2["c/w · no attempts recorded"]',
      '  answered(["answered"])',
      '  m0 -->|"2"| m1',
      '  m0 -->|"1"| m2',
      '  m0 -.->|"2"| answered',
      '  m1 -.->|"2"| answered',
    ]);
  });

  it('labels a model so its attempts add up: answered, failed, and retried or unfinished', () => {
    const [, node] = cascadeFlowchart([{ modelRef: 'google/gemini-2.5-flash', attempts: 1_112, failed: 103, reasons: { rate_limit: 103 }, succeeded: 539, next: {} }]);
    expect(node).toBe('  m0["google/gemini-2.5-flash · 1,112 attempts: 539 answered, 103 failed, 470 retried or unfinished"]');
  });
});
