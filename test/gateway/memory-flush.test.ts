import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../src/gateway/profiles/index.ts';
import { parseConfigText } from '../../src/config/index.ts';
import {
  MEMORY_FLUSH_PROMPT,
  MEMORY_FLUSH_SYSTEM_PROMPT,
  memoryFlushPrompt,
  memoryFlushSettings,
  memoryFlushThreshold,
  newMemoryFlushState,
  recordCompaction,
  recordFlush,
  shouldFlush,
} from '../../src/gateway/memory-flush.ts';

const FLUSH = PROFILES['2026.9'].memoryFlush!;
const config = (compaction: string) => parseConfigText(`{ agents: { defaults: { compaction: ${compaction} } } }`, 'test.json5').config;
const DEFAULTS = memoryFlushSettings(config('{}'), FLUSH)!;

describe('memory flush (2026.9.6 runMemoryFlushIfNeeded)', () => {
  it('is a 2026.9 behaviour only', () => {
    expect(PROFILES['2026.2'].memoryFlush).toBeNull();
    expect(FLUSH).not.toBeNull();
  });

  it('is on by default with a 4,000-token soft threshold, and off with memoryFlush.enabled false', () => {
    expect(DEFAULTS).toEqual({ softThresholdTokens: 4_000 });
    expect(memoryFlushSettings(config('{ memoryFlush: { enabled: false } }'), FLUSH)).toBeUndefined();
    expect(memoryFlushSettings(config('{ memoryFlush: { softThresholdTokens: 1000 } }'), FLUSH)).toEqual({ softThresholdTokens: 1_000 });
  });

  it('fires at window − min(20,000, 25 % of the window) − soft threshold: 26,000 for a 40,000-token model', () => {
    expect(memoryFlushThreshold(40_000, DEFAULTS, FLUSH)).toBe(26_000);
    expect(memoryFlushThreshold(1_048_576, DEFAULTS, FLUSH)).toBe(1_024_576);
  });

  it('ignores compaction.reserveTokensFloor: the reserve is the 20,000 constant', () => {
    const settings = memoryFlushSettings(config('{ reserveTokensFloor: 50000 }'), FLUSH)!;
    expect(memoryFlushThreshold(200_000, settings, FLUSH)).toBe(176_000);
  });

  it('caps the soft threshold at half of what the reserve leaves', () => {
    const settings = memoryFlushSettings(config('{ memoryFlush: { softThresholdTokens: 50000 } }'), FLUSH)!;
    expect(memoryFlushThreshold(40_000, settings, FLUSH)).toBe(15_000);
  });

  it('runs once per compaction cycle', () => {
    const state = newMemoryFlushState();
    expect(shouldFlush(state, 25_999, 26_000)).toBe(false);
    expect(shouldFlush(state, 26_000, 26_000)).toBe(true);
    recordFlush(state, true, FLUSH);
    expect(shouldFlush(state, 30_000, 26_000)).toBe(false);
    recordCompaction(state);
    expect(shouldFlush(state, 30_000, 26_000)).toBe(true);
  });

  it('tries a failed flush again after the next turn, and gives the cycle up after three failures in a row', () => {
    const state = newMemoryFlushState();
    recordFlush(state, false, FLUSH);
    recordFlush(state, false, FLUSH);
    expect(shouldFlush(state, 30_000, 26_000)).toBe(true);
    recordFlush(state, false, FLUSH);
    expect(shouldFlush(state, 30_000, 26_000)).toBe(false);
    recordCompaction(state);
    expect(shouldFlush(state, 30_000, 26_000)).toBe(true);
  });

  it('sends the flush prompt with its current-time lines, and the flush system prompt, at their real lengths', () => {
    expect(MEMORY_FLUSH_PROMPT.length).toBe(537);
    expect(memoryFlushPrompt().length).toBe(635);
    expect(MEMORY_FLUSH_SYSTEM_PROMPT.length).toBe(502);
  });
});
