/**
 * The command line's changes to a scenario (overrides.ts applies them), as
 * the user wrote them: what result.json records, the report header shows and
 * the reproduce line repeats. A leaf, so the result type can name it.
 */
export type ScenarioOverrides = {
  readonly duration?: string;
  readonly rate?: string;
  readonly users?: number;
  /** A version profile's name (src/gateway/profiles/). */
  readonly profile?: string;
  readonly thresholds?: readonly string[];
};

/** ` --duration 10m --rate 30/min …`: the overrides as flags, each with a leading space; empty without any. */
export function overrideFlags(overrides: ScenarioOverrides): string {
  const flags = [
    ...(overrides.duration === undefined ? [] : [`--duration ${overrides.duration}`]),
    ...(overrides.rate === undefined ? [] : [`--rate ${overrides.rate}`]),
    ...(overrides.users === undefined ? [] : [`--users ${overrides.users}`]),
    ...(overrides.profile === undefined ? [] : [`--profile ${overrides.profile}`]),
    ...(overrides.thresholds ?? []).map((threshold) => `--threshold '${threshold.replaceAll("'", "'\\''")}'`),
  ];
  return flags.map((flag) => ` ${flag}`).join('');
}

/** True when nothing is overridden: the result then carries no `overrides` key, so existing results keep their bytes. */
export function noOverrides(overrides: ScenarioOverrides): boolean {
  return overrideFlags(overrides) === '';
}
