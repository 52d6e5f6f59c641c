/**
 * `--doctor-fix`: a config written for a newer OpenClaw runs on a pinned one once the keys the
 * version does not know are removed, as `openclaw doctor --fix` removes them, and says which.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { stripUnknownConfigKeys } from '../../src/config/openclaw-schema/doctor-fix.ts';
import { UserError } from '../../src/errors.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';

const NEWER = {
  agents: { defaults: { model: { primary: 'google/gemini-2.5-flash' }, futureKnob: true } },
  models: { default: 'google/gemini-2.5-flash' },
  session: { maintenance: { mode: 'enforce' } },
};

describe('stripUnknownConfigKeys', () => {
  it('removes the keys the version does not know, at any depth, and names each', () => {
    const { config, removed } = stripUnknownConfigKeys(NEWER, '2026.2.26');
    expect(removed.toSorted()).toEqual(['agents.defaults.futureKnob', 'models.default']);
    expect(config).toEqual({ agents: { defaults: { model: { primary: 'google/gemini-2.5-flash' } } }, models: {}, session: { maintenance: { mode: 'enforce' } } });
  });

  it('leaves a config the version accepts as it is', () => {
    const accepted = { agents: { defaults: { model: { primary: 'google/gemini-2.5-flash' } } } };
    expect(stripUnknownConfigKeys(accepted, '2026.2.26')).toEqual({ config: accepted, removed: [] });
  });

  it('does not touch the object it was given', () => {
    const before = structuredClone(NEWER);
    stripUnknownConfigKeys(NEWER, '2026.2.26');
    expect(NEWER).toEqual(before);
  });
});

describe('loadConfig with doctorFix', () => {
  const write = async (config: object) => {
    const file = join(await mkdtemp(join(tmpdir(), 'quotastorm-doctor-fix-')), 'openclaw.json');
    await writeFile(file, JSON.stringify(config));
    return file;
  };

  it('refuses the unknown keys without it, and names the option in the refusal', async () => {
    const file = await write(NEWER);
    const loading = loadConfig(file, { openclaw: PROFILES['2026.2'], cwd: tmpdir() });
    await expect(loading).rejects.toBeInstanceOf(UserError);
    await expect(loading).rejects.toThrow(/Unrecognized key: "default".*--doctor-fix/s);
  });

  it('loads the config without them and notes what it removed', async () => {
    const loaded = await loadConfig(await write(NEWER), { openclaw: PROFILES['2026.2'], doctorFix: true, cwd: tmpdir() });
    expect(loaded.notes).toEqual([
      expect.stringMatching(/^--doctor-fix: 2 keys OpenClaw 2026\.2\.26 does not know removed, as `openclaw doctor --fix` does \((agents\.defaults\.futureKnob, models\.default|models\.default, agents\.defaults\.futureKnob)\)/),
    ]);
    expect(loaded.config.agents?.defaults?.model).toMatchObject({ primary: 'google/gemini-2.5-flash' });
  });
});

describe('a value doctor does not fix', () => {
  it('still refuses the config after --doctor-fix, asking for the value instead of the option', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'quotastorm-doctor-fix-')), 'openclaw.json');
    await writeFile(file, JSON.stringify({ ...NEWER, session: { maintenance: { mode: 'sometimes' } } }));
    const loading = loadConfig(file, { openclaw: PROFILES['2026.2'], doctorFix: true, cwd: tmpdir() });
    await expect(loading).rejects.toThrow(/session\.maintenance\.mode: .*Its unknown keys were removed \(--doctor-fix\); fix these values/s);
    await expect(loading).rejects.not.toThrow(/or pass --doctor-fix/);
  });
});
