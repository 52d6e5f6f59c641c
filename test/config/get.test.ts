import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { formatConfigValue, getConfigPath } from '../../src/config/get.ts';

const config = {
  agents: { defaults: { maxConcurrent: 4 }, list: [{ id: 'main' }, { id: 'work' }] },
  models: { providers: { google: { models: [{ id: 'flash' }, { id: 'pro' }] }, 'my.proxy': { baseUrl: 'http://p' } } },
  session: { maintenance: null },
};

describe('getConfigPath', () => {
  it('follows dots and bracket indices', () => {
    expect(getConfigPath(config, 'agents.list[0].id')).toEqual({ found: true, path: 'agents.list[0].id', value: 'main' });
    expect(getConfigPath(config, 'models.providers.google.models[1].id')).toMatchObject({ found: true, value: 'pro' });
  });

  it('accepts a numeric dot segment on a list', () => {
    expect(getConfigPath(config, 'agents.list.1.id')).toMatchObject({ found: true, value: 'work' });
  });

  it('reads keys containing dots through quoted brackets', () => {
    expect(getConfigPath(config, 'models.providers["my.proxy"].baseUrl')).toMatchObject({ found: true, value: 'http://p' });
  });

  it('reports a missing path with OpenClaw\'s message', () => {
    expect(getConfigPath(config, 'session.maintenance.mode')).toEqual({
      found: false,
      path: 'session.maintenance.mode',
      message: 'Config path not found: session.maintenance.mode',
    });
    expect(getConfigPath(config, 'agents.list[5]')).toMatchObject({ found: false });
  });

  it('finds a null value rather than reporting it missing', () => {
    expect(getConfigPath(config, 'session.maintenance')).toMatchObject({ found: true, value: null });
  });

  it('does not reach inherited properties', () => {
    expect(getConfigPath(config, 'agents.toString')).toMatchObject({ found: false });
    expect(getConfigPath(config, 'agents.list.length')).toMatchObject({ found: false });
  });

  it('throws a UserError for a malformed path', () => {
    for (const path of ['', 'agents..defaults', 'agents.list[x]', 'agents.list[0']) {
      expect(() => getConfigPath(config, path), path).toThrow(UserError);
    }
  });
});

describe('formatConfigValue', () => {
  it('prints scalars raw', () => {
    expect(formatConfigValue(4)).toBe('4');
    expect(formatConfigValue('enforce')).toBe('enforce');
    expect(formatConfigValue(false)).toBe('false');
    expect(formatConfigValue(null)).toBe('null');
  });

  it('prints objects and lists as 2-space JSON', () => {
    expect(formatConfigValue({ mode: 'enforce', maxEntries: 15 })).toBe('{\n  "mode": "enforce",\n  "maxEntries": 15\n}');
    expect(formatConfigValue(['a'])).toBe('[\n  "a"\n]');
  });
});
