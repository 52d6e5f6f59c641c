import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SCENARIOS_DIR, configFile, scenarioFile } from '../../src/commands/bundled-files.ts';

describe('bundled scenarios and configs by name', () => {
  it('reaches a bundled scenario by its name, with or without .json5', () => {
    expect(scenarioFile('stress-suite')).toBe(join(BUNDLED_SCENARIOS_DIR, 'stress-suite.json5'));
    expect(scenarioFile('stress-suite.json5')).toBe(join(BUNDLED_SCENARIOS_DIR, 'stress-suite.json5'));
  });

  it('reaches a bundled config by its name', () => {
    expect(configFile('feb27-after')).toBe(join(BUNDLED_SCENARIOS_DIR, 'configs', 'feb27-after.json5'));
  });

  it('leaves a path as given, even one that does not exist, for the loader to name', () => {
    expect(scenarioFile('./stress-suite')).toBe('./stress-suite');
    expect(configFile('elsewhere/feb27-after')).toBe('elsewhere/feb27-after');
  });

  it('leaves a name with no bundled file as given', () => {
    expect(scenarioFile('no-such-scenario')).toBe('no-such-scenario');
  });

  it('prefers a file of that name in the current folder', () => {
    // package.json is in the folder the tests run in; no bundled scenario is called that.
    expect(scenarioFile('package.json')).toBe('package.json');
    expect(configFile('README.md')).toBe('README.md');
  });
});
