/**
 * The top of a run report: title, a loud banner for a cut-short run, the
 * verdict line and the table that says exactly what ran and how to run it
 * again.
 */
import { overrideFlags } from '../scenario/override-flags.ts';
import type { RunResult } from '../scenario/result.ts';
import { baseName, formatDurationMs, shortSha } from './format.ts';
import { codeSpan, escapeInline, table } from './markdown-text.ts';
import { verdictLine } from './verdict.ts';

export function runTitle(result: RunResult): string {
  return `# quotastorm: ${scenarioLabel(result)} on ${escapeInline(baseName(result.config.file))}`;
}

/** `stress-suite (variant before)`: the scenario as people name it. */
function scenarioLabel(result: RunResult): string {
  const variant = result.scenario.variant === undefined ? '' : ` (variant ${escapeInline(result.scenario.variant)})`;
  return `${escapeInline(result.scenario.name)}${variant}`;
}

/** Empty for a complete run; otherwise a blockquote no reviewer can miss. */
export function incompleteBanner(result: RunResult): string[] {
  if (!result.incomplete) return [];
  return [
    `> **INCOMPLETE RUN.** The run stopped after ${formatDurationMs(result.simulatedMs)} of simulated time, ` +
      'before the scenario ended. Every figure below covers only that part, and the verdict is not the ' +
      "scenario's verdict. Rerun with the command in the table below.",
    '',
  ];
}

export function verdictHeadline(result: RunResult): string {
  return `**Verdict: ${escapeInline(verdictLine(result))}**`;
}

export function headerTable(result: RunResult): string[] {
  const { scenario, config } = result;
  const rows: string[][] = [
    ['Scenario', `${scenarioLabel(result)} — ${codeSpan(scenario.file)} (sha256 ${codeSpan(shortSha(scenario.sha256))})`],
    ['Config', `${codeSpan(config.file)} (sha256 ${codeSpan(shortSha(config.sha256))})`],
    ...gatewayRows(result),
    ...overrideRows(result),
    ...pairingRows(result),
    ['Seed', codeSpan(String(result.seed))],
    ['Simulated', `${formatDurationMs(result.simulatedMs)} from ${codeSpan(result.startedAt)} (virtual time)${result.incomplete ? ' — **incomplete**' : ''}`],
    ['quotastorm', codeSpan(result.quotastorm.version)],
    ['Reproduce', codeSpan(result.reproduce)],
  ];
  return table(['Run', ''], rows);
}

/**
 * The gateway that ran: the embedded one with its behaviour profile, or a real, installed OpenClaw
 * on quotastorm's clock, with the real time it took and what it could not reproduce.
 */
function gatewayRows(result: RunResult): string[][] {
  const { gateway } = result;
  if (gateway === undefined) return [['Gateway', `embedded, behaviour profile ${codeSpan(result.config.profile)}`]];
  const isolation = gateway.isolation === 'netns' ? 'in a loopback-only network namespace' : 'on this host\'s loopback';
  const rows = [['Gateway', `real ${codeSpan(gateway.name)}, ${isolation}, on quotastorm's clock: ${formatDurationMs(gateway.wallMs)} of real time, ${gateway.moves.toLocaleString('en-US')} moves of time`]];
  if (gateway.limits.length > 0) rows.push(['Not reproduced', gateway.limits.map(escapeInline).join(' · ')]);
  return rows;
}

/** What the command line changed in the scenario before it ran, as the flags were given. */
function overrideRows(result: RunResult): string[][] {
  const { overrides } = result.scenario;
  if (overrides === undefined) return [];
  const flags = overrideFlags(overrides).trim().split(/ (?=--)/);
  return [['Overrides', `${flags.map(codeSpan).join(' · ')} (the scenario file as changed by these flags)`]];
}

/**
 * Under dmPolicy "pairing" the users a run admits depend on the pairing store the scenario assumed
 * (`users.paired`): the header says so, so no reader takes pre-approved users for an open bot.
 */
function pairingRows(result: RunResult): string[][] {
  const { pairing } = result;
  if (pairing === undefined || (pairing.preApproved === 0 && pairing.unpaired === 0)) return [];
  const approved = `${pairing.preApproved} ${pairing.preApproved === 1 ? 'user' : 'users'} not in allowFrom, pre-approved in the pairing store, as after ${codeSpan('openclaw pairing approve telegram CODE')} (${codeSpan(pairing.store)})`;
  const unpaired = pairing.unpaired === 0 ? '' : ` · ${pairing.unpaired} unpaired (scenario ${codeSpan('users.paired')}): a pairing code, no turn`;
  return [['Users (dmPolicy "pairing")', `${approved}${unpaired}`]];
}
