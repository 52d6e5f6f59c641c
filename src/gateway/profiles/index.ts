/**
 * The pinned OpenClaw versions the embedded gateway can be, by the name
 * scenarios and `--profile` use. Adding a version: README.md beside this file.
 */
import { OPENCLAW_2026_2 } from './openclaw-2026.2.ts';
import { OPENCLAW_2026_9 } from './openclaw-2026.9.ts';
import type { VersionProfile } from './profile.ts';

export const PROFILES = {
  '2026.2': OPENCLAW_2026_2,
  '2026.9': OPENCLAW_2026_9,
} as const satisfies Readonly<Record<string, VersionProfile>>;

export type ProfileName = keyof typeof PROFILES;

export const PROFILE_NAMES = Object.keys(PROFILES) as [ProfileName, ...ProfileName[]];

/** The profile calibrated on an exact release (`2026.2.26`), as golden traces name it; undefined for none. */
export function profileOfRelease(release: string): VersionProfile | undefined {
  return Object.values(PROFILES).find((profile) => profile.release === release);
}

/** The name (`2026.2`) of the profile calibrated on an exact release; undefined for none. */
export function profileNameOfRelease(release: string): ProfileName | undefined {
  return PROFILE_NAMES.find((name) => PROFILES[name].release === release);
}

/** The profile whose `openclaw sessions` reads the given kind of store. */
export function profileWithSessionStore(store: VersionProfile['sessionStore']): VersionProfile {
  const found = Object.values(PROFILES).find((profile) => profile.sessionStore === store);
  if (found === undefined) throw new Error(`no version profile reads a ${store} session store`);
  return found;
}

export type { VersionProfile } from './profile.ts';
