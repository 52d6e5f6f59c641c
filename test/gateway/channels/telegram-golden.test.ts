/**
 * The channel's startup against the golden traces recorded from the real
 * gateways (test/golden/openclaw-<version>/*.json): the menu-related calls in
 * their order with their scopes, and the command list. The recordings list
 * only deleteWebhook and the menu calls at startup, so those are compared. Which skills are eligible depends on the recording host
 * (binaries on its PATH), so the simulated host gets the skills the recorded
 * menu shows: every recorded command the profile's own catalogue does not
 * already hold, in recorded order.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCommandCatalog, type SkillSpec } from '../../../src/gateway/channels/commands-catalog.ts';
import { harness, started } from './support.ts';
import { PROFILES } from '../../../src/gateway/profiles/index.ts';

const VERSIONS = { '2026.2.26': '2026.2', '2026.9.6': '2026.9' } as const;

type GoldenTrace = {
  case: string;
  config: { channels?: { telegram?: Record<string, unknown> }; commands?: Record<string, unknown> };
  startup: { telegram: { method: string; params: { scope?: unknown } }[]; commandMenu: { count: number; commands: string[] } };
};

const traces = Object.entries(VERSIONS).flatMap(([version, profile]) => {
  const dir = join('test', 'golden', `openclaw-${version}`);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => [`${version} ${file}`, profile, JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldenTrace] as const);
});

describe.skipIf(traces.length === 0)('Telegram startup against the golden traces', () => {
  it.each(traces)('%s: same menu calls in the same order, same commands', async (_name, profile, trace) => {
    const skills = recordedSkills(profile, trace.startup.commandMenu.commands);
    const { apiRoot: _recordedApiRoot, ...telegram } = trace.config.channels?.telegram ?? {};
    const h = harness({ profile, config: { ...trace.config, channels: { telegram } }, overrides: { skills } });
    await started(h);
    const recorded = new Set(trace.startup.telegram.map((call) => call.method));
    const calls = (list: readonly { method: string; params: { scope?: unknown } }[]) => list.map((call) => [call.method, call.params.scope]);
    expect(calls(h.requests.filter((request) => recorded.has(request.method)))).toEqual(calls(trace.startup.telegram));
    expect(h.channel.menu.map((command) => command.command)).toEqual(trace.startup.commandMenu.commands);
    await h.channel.stop();
  });
});

/** Recorded commands that are not built-in, plugin or alias commands of the profile: the host's eligible skills. */
function recordedSkills(profile: '2026.2' | '2026.9', recorded: readonly string[]): SkillSpec[] {
  const own = new Set(buildCommandCatalog({ catalog: PROFILES[profile].commands, nativeCommands: true, nativeSkills: false, skills: [], customCommands: [] }).commands.map((command) => command.command));
  return recorded.filter((command) => !own.has(command)).map((command) => ({ name: command, description: command }));
}

