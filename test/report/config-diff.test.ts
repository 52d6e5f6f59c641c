import { describe, expect, it } from 'vitest';
import { changedSettings } from '../../src/report/config-diff.ts';

const finding = (id: string, value: string, status = 'ok') => ({ id, setting: `s.${id}`, value, status, why: '' });

describe('changedSettings', () => {
  it('keeps settings whose values differ, in first-seen order, with every config’s value', () => {
    const changes = changedSettings([
      [finding('a', '1'), finding('b', 'same'), finding('c', 'x', 'risk')],
      [finding('a', '2'), finding('b', 'same'), finding('c', 'y')],
      [finding('b', 'same'), finding('c', 'x', 'risk')],
    ]);
    expect(changes.map((c) => c.id)).toEqual(['a', 'c']);
    expect(changes[0]!.values).toEqual([{ value: '1', status: 'ok' }, { value: '2', status: 'ok' }, undefined]);
  });
});
