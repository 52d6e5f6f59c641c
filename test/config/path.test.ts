import { describe, expect, it } from 'vitest';
import { formatConfigPath, parseConfigPath } from '../../src/config/path.ts';

describe('parseConfigPath', () => {
  it('splits dots and brackets into keys and indices', () => {
    expect(parseConfigPath('agents.list[0].id')).toEqual(['agents', 'list', 0, 'id']);
    expect(parseConfigPath(`models.providers['a.b'].models[12]`)).toEqual(['models', 'providers', 'a.b', 'models', 12]);
  });
});

describe('formatConfigPath', () => {
  it('round-trips through parseConfigPath', () => {
    for (const path of ['agents.defaults.model.fallbacks[3]', 'models.providers["my.proxy"].apiKey', 'x["with space"]', '$include']) {
      expect(formatConfigPath(parseConfigPath(path))).toBe(path);
    }
  });

  it('names the empty path as the top level', () => {
    expect(formatConfigPath([])).toBe('(top level)');
  });
});
