import { describe, expect, it } from 'vitest';
import { PROFILE_NAMES, PROFILES, profileOfRelease, profileWithSessionStore, type VersionProfile } from '../../../src/gateway/profiles/index.ts';
import { OPENCLAW_2026_9 } from '../../../src/gateway/profiles/openclaw-2026.9.ts';

describe('version profiles', () => {
  it('a profile that leaves a field out does not compile', () => {
    const { compaction: _dropped, ...withoutCompaction } = OPENCLAW_2026_9;
    // @ts-expect-error `compaction` is a required field of every version profile; `npm run typecheck` fails if it is not.
    const incomplete: VersionProfile = withoutCompaction;
    expect(Object.keys(incomplete)).not.toContain('compaction');
  });

  it('names each profile by its release’s year.month', () => {
    for (const name of PROFILE_NAMES) expect(PROFILES[name].release.startsWith(`${PROFILES[name].name}.`)).toBe(true);
  });

  it('finds a profile by the exact release golden traces name, and none for an unpinned one', () => {
    expect(profileOfRelease('2026.2.26')).toBe(PROFILES['2026.2']);
    expect(profileOfRelease('2026.9.6')).toBe(PROFILES['2026.9']);
    expect(profileOfRelease('2026.9.7')).toBeUndefined();
  });

  it('has one version that reads a SQLite session store', () => {
    expect(profileWithSessionStore('sqlite')).toBe(PROFILES['2026.9']);
    expect(profileWithSessionStore('sessions-json')).toBe(PROFILES['2026.2']);
  });

  it('bundles the skills of its own package', () => {
    expect(PROFILES['2026.2'].bundledSkills.map((skill) => skill.name)).toContain('wacli');
    expect(PROFILES['2026.9'].bundledSkills.map((skill) => skill.name)).toContain('taskflow');
    expect(PROFILES['2026.9'].bundledSkills.map((skill) => skill.name)).not.toContain('wacli');
  });
});
