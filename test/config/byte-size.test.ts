import { describe, expect, it } from 'vitest';
import { tryParseByteSize } from '../../src/config/byte-size.ts';

describe('tryParseByteSize', () => {
  it('uses powers of 1024, so "10mb" is OpenClaw\'s default rotateBytes', () => {
    expect(tryParseByteSize('10mb')).toBe(10_485_760);
    expect(tryParseByteSize('2GB')).toBe(2 * 1024 ** 3);
    expect(tryParseByteSize('1.5k')).toBe(1536);
  });

  it('reads a bare number as bytes', () => {
    expect(tryParseByteSize(4096)).toBe(4096);
    expect(tryParseByteSize('4096')).toBe(4096);
  });

  it('rejects unknown units and negative sizes', () => {
    expect(tryParseByteSize('10 parsecs')).toBeUndefined();
    expect(tryParseByteSize(-1)).toBeUndefined();
  });
});
