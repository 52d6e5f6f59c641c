/**
 * Changes to a scenario from the command line, as k6 takes them: `--duration`,
 * `--rate`, `--users`, `--threshold` (and `--profile`, the OpenClaw version
 * modelled). They change the scenario before it runs and are validated as the
 * file is, each error naming its flag; the result records them as written and
 * the reproduce line repeats them.
 *
 *   --duration 10m   the length (`run`) of the scenario's longest step: the
 *                    incident's day, heartbeat-storm's two hours, the suite's
 *                    hour of uptime; Poisson traffic in it ends with it
 *   --rate 30/min    the peak rate of the scenario's Poisson arrival (its
 *                    `perHour`; with `dayCurve` the day's peak), per s, min, h or d
 *   --users 8        `users.count`
 */
import { tryParseDurationMs } from '../config/duration.ts';
import { UserError } from '../errors.ts';
import { PROFILE_NAMES, type ProfileName } from '../gateway/profiles/index.ts';
import { overrideFlags, type ScenarioOverrides } from './override-flags.ts';
import type { LoadedScenario } from './load.ts';
import { crossFieldIssues, SCENARIO_BOUNDS, type Arrival, type Scenario } from './schema.ts';
import { parseThreshold, withThresholds } from './thresholds.ts';

const HOUR_MS = 3_600_000;
const RATE_UNIT_MS: Readonly<Record<string, number>> = { s: 1_000, sec: 1_000, m: 60_000, min: 60_000, h: HOUR_MS, hour: HOUR_MS, d: 24 * HOUR_MS, day: 24 * HOUR_MS };
const RATE_GRAMMAR = /^(\d+(?:\.\d+)?)\/(s|sec|m|min|h|hour|d|day)$/;

/** `10m`, `24h`, `1h30m`: a unit is required, so `--duration 10` is not silently ten milliseconds. */
export function parseDurationFlag(text: string): number {
  const ms = /[a-z]$/i.test(text.trim()) ? tryParseDurationMs(text.trim(), 'ms') : undefined;
  if (ms === undefined || ms <= 0 || ms > SCENARIO_BOUNDS.durationMs) {
    throw new UserError(`--duration needs a length with a unit, above 0 and at most 31 days, e.g. 10m, 2h, 24h or 1h30m; got "${text}".`);
  }
  return ms;
}

/** `30/min` → 1800 messages per hour. */
export function parseRateFlag(text: string): number {
  const match = RATE_GRAMMAR.exec(text.trim());
  const perHour = match === null ? Number.NaN : (Number(match[1]) * HOUR_MS) / RATE_UNIT_MS[match[2]!]!;
  if (!(perHour > 0 && perHour <= SCENARIO_BOUNDS.messagesPerHour)) {
    throw new UserError(
      `--rate needs messages per unit, above 0 and at most ${SCENARIO_BOUNDS.messagesPerHour.toLocaleString('en-US')} an hour, written N/s, N/min, N/h or N/d, e.g. 30/min or 20/h; got "${text}".`,
    );
  }
  return perHour;
}

export function parseUsersFlag(text: string): number {
  const users = Number(text);
  if (!/^\d+$/.test(text.trim()) || users < 1 || users > SCENARIO_BOUNDS.users) {
    throw new UserError(`--users needs a whole number of Telegram users from 1 to ${SCENARIO_BOUNDS.users.toLocaleString('en-US')}; got "${text}".`);
  }
  return users;
}

/** The scenario with the overrides laid over it; a `UserError` naming the flag when one does not fit this scenario. */
export function applyOverrides(loaded: LoadedScenario, overrides: ScenarioOverrides): LoadedScenario {
  let scenario = loaded.scenario;
  if (overrides.profile !== undefined) scenario = { ...scenario, profile: profileOf(overrides.profile) };
  if (overrides.users !== undefined) scenario = { ...scenario, users: { ...scenario.users, count: overrides.users } };
  if (overrides.duration !== undefined) scenario = withDuration(scenario, loaded.file, overrides.duration);
  if (overrides.rate !== undefined) scenario = withRate(scenario, loaded.file, overrides.rate);
  if (overrides.thresholds !== undefined && overrides.thresholds.length > 0) scenario = withCheckThresholds(scenario, overrides.thresholds);
  if (scenario === loaded.scenario) return loaded;
  const issue = crossFieldIssues(scenario)[0];
  if (issue !== undefined) {
    throw new UserError(`Scenario ${loaded.file} with${overrideFlags(overrides)} is invalid: at ${issue.path.join('.')} it needs ${issue.message}.`);
  }
  return { ...loaded, scenario };
}

function profileOf(name: string): ProfileName {
  if ((PROFILE_NAMES as readonly string[]).includes(name)) return name as ProfileName;
  throw new UserError(`--profile needs one of ${PROFILE_NAMES.join(', ')}; got "${name}".`);
}

/** The longest step runs for `text` instead; its Poisson traffic ends with it, and no fixed message may fall after its end. */
function withDuration(scenario: Scenario, file: string, text: string): Scenario {
  const durationMs = parseDurationFlag(text);
  const lengths = scenario.steps.map((step) => step.run ?? 0);
  const longest = Math.max(...lengths);
  const candidates = scenario.steps.filter((step) => (step.run ?? 0) === longest);
  if (longest === 0 || candidates.length > 1) {
    const why = longest === 0 ? 'gives no step a length (`run`)' : `has ${candidates.length} steps of the longest length (${candidates.map((step) => `"${step.name}"`).join(', ')})`;
    throw new UserError(`--duration ${text} sets the length of the scenario's longest step, but scenario ${file} ${why}: change the step's \`run\` in the file instead.`);
  }
  const target = candidates[0]!;
  const late = target.send.map(lastMessageAtMs).find((atMs) => atMs !== undefined && atMs >= durationMs);
  if (late !== undefined) {
    throw new UserError(`--duration ${text} is shorter than step "${target.name}" of scenario ${file}, which sends a message at ${late / 1000} s into the step: give a longer duration.`);
  }
  const send = target.send.map((arrival) => (arrival.kind === 'poisson' && (arrival.until ?? Infinity) > durationMs ? { ...arrival, until: durationMs } : arrival));
  return { ...scenario, steps: scenario.steps.map((step) => (step === target ? { ...step, run: durationMs, send } : step)) };
}

/** When a fixed arrival's last message goes out (undefined: Poisson traffic, which follows the step). */
function lastMessageAtMs(arrival: Arrival): number | undefined {
  if (arrival.kind === 'message') return arrival.at;
  if (arrival.kind === 'burst') return arrival.at + (arrival.count - 1) * arrival.every;
  return undefined;
}

function withRate(scenario: Scenario, file: string, text: string): Scenario {
  const perHour = parseRateFlag(text);
  const poisson = scenario.steps.flatMap((step) => step.send.filter((arrival) => arrival.kind === 'poisson').map(() => step.name));
  if (poisson.length !== 1) {
    const why = poisson.length === 0 ? 'sends only single messages and bursts at fixed times' : `has ${poisson.length} (in steps ${poisson.map((name) => `"${name}"`).join(', ')})`;
    throw new UserError(`--rate ${text} sets the rate of the scenario's one Poisson arrival (\`kind: "poisson"\`), but scenario ${file} ${why}: change \`perHour\` in the file instead.`);
  }
  const steps = scenario.steps.map((step) => ({ ...step, send: step.send.map((arrival) => (arrival.kind === 'poisson' ? { ...arrival, perHour } : arrival)) }));
  return { ...scenario, steps };
}

/** Each step's checks with the thresholds laid over them, as `check --threshold` lays them over a saved run's. */
function withCheckThresholds(scenario: Scenario, sources: readonly string[]): Scenario {
  const checksOf = withThresholds(scenario.steps, (step) => step.checks, sources.map(parseThreshold));
  return { ...scenario, steps: scenario.steps.map((step) => ({ ...step, checks: [...checksOf(step)] })) };
}
