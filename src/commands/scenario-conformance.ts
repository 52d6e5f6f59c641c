import { basename, join } from 'node:path';
import { createRealClock } from '../clock/real-clock.ts';
import { UserError } from '../errors.ts';
import { checkOutputDir, claimOutputDir } from '../io/output-path.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import { renderGatewayConformance, type ConformanceGroup } from '../report/gateway-conformance.ts';
import { loadScenario } from '../scenario/load.ts';
import { portable } from '../scenario/reproduce-line.ts';
import { parseGatewaySpec } from '../sut/versions.ts';
import { profileNameOfRelease, type ProfileName } from '../gateway/profiles/index.ts';
import { configFile, scenarioFile } from './bundled-files.ts';
import { throwIfInterrupted, whileRunning } from './interrupt.ts';
import { newReportDir } from './report-dir.ts';
import { inNamespaceIfNeeded, planRun, runAndWrite, shownPath, type RunCommandOptions, type RunPlan } from './run.ts';

export type ScenarioConformanceOptions = {
  config?: string[];
  gateway?: string[];
  seed?: number;
  variant?: string;
  out?: string;
  force?: boolean;
  isolation?: boolean;
  quiet?: boolean;
};

/** The behaviour profiles calibrated on the given `openclaw@V` versions, in order, once each. */
function profilesOf(gateways: readonly string[]): ProfileName[] {
  const names: ProfileName[] = [];
  for (const gateway of gateways) {
    const name = profileNameOfRelease(parseGatewaySpec(gateway).version);
    if (name === undefined) throw new UserError(`conformance scenario: no behaviour profile is calibrated on ${gateway}.`);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * `quotastorm conformance scenario <scenario> --config A [--config B] --gateway openclaw@V…`:
 * the scenario on the embedded gateway and on each real one, per config, each in its own run
 * folder, and conformance.md side by side (report/gateway-conformance.ts). Exit 0 when every
 * run finished (the verdicts are the report's subject, not this command's), 1 otherwise.
 */
export async function runScenarioConformance(file: string, options: ScenarioConformanceOptions): Promise<number> {
  const configs = options.config ?? [];
  const gateways = options.gateway ?? [];
  if (configs.length === 0) throw new UserError(`conformance scenario ${file}: give at least one --config (an OpenClaw config, or a bundled config's name).`);
  if (gateways.length === 0 || gateways.includes('embedded')) {
    throw new UserError(`conformance scenario ${file}: give at least one --gateway openclaw@<version> to put beside the embedded gateway (which always runs).`);
  }
  const loaded = await loadScenario(scenarioFile(file));
  const out = options.out ?? newReportDir(`conformance-${loaded.scenario.name}`);
  const force = options.force === true;
  await checkOutputDir(out, { flag: '--out', force });
  const shared: RunCommandOptions = {
    force,
    quiet: options.quiet === true,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.variant === undefined ? {} : { variant: options.variant }),
    ...(options.isolation === false ? { isolation: false } : {}),
  };
  const plans: { config: string; plans: { gateway: string; plan: RunPlan }[] }[] = [];
  for (const [index, config] of configs.entries()) {
    const name = `${index + 1}-${basename(config).replace(/\.json5?$/, '')}`;
    const runs = [];
    // The embedded gateway runs once per behaviour profile the real versions are calibrated on, each beside its version.
    for (const profile of profilesOf(gateways)) {
      const label = `embedded (profile ${profile})`;
      runs.push({ gateway: label, plan: await planRun(loaded, { ...shared, config: configFile(config), profile, out: join(out, name, `embedded-${profile}`) }) });
    }
    for (const gateway of gateways) {
      runs.push({ gateway, plan: await planRun(loaded, { ...shared, config: configFile(config), gateway, out: join(out, name, gateway.replace('@', '-')) }) });
    }
    plans.push({ config: configFile(config), plans: runs });
  }
  const isolated = inNamespaceIfNeeded(plans.flatMap((group) => group.plans.map(({ plan }) => plan)), shared);
  if (isolated !== undefined) return isolated;
  return whileRunning(async () => {
    await claimOutputDir(out, { force });
    const clock = createRealClock();
    const groups: ConformanceGroup[] = [];
    for (const group of plans) {
      const runs = [];
      for (const { gateway, plan } of group.plans) {
        const startedMs = clock.now();
        const { artifacts, dir } = await runAndWrite(plan);
        const wallMs = clock.now() - startedMs;
        process.stderr.write(`${basename(group.config)} on ${gateway}: ${artifacts.result.verdict.passed}/${artifacts.result.verdict.total} passed (${(wallMs / 1000).toFixed(1)} s)\n`);
        runs.push({ gateway, result: artifacts.result, wallMs, dir: portable(dir) });
        throwIfInterrupted();
      }
      groups.push({ config: group.config, runs });
    }
    const command = [
      'quotastorm conformance scenario',
      portable(loaded.file),
      ...configs.map((config) => `--config ${config}`),
      ...gateways.map((gateway) => `--gateway ${gateway}`),
      ...(options.seed === undefined ? [] : [`--seed ${options.seed}`]),
      ...(options.variant === undefined ? [] : [`--variant ${options.variant}`]),
      `--out ${portable(out)}`,
    ].join(' ');
    const reportFile = join(out, 'conformance.md');
    await writeFileAtomic(reportFile, renderGatewayConformance(groups, { command, scenario: loaded.scenario.name }));
    process.stdout.write(`report: ${shownPath(reportFile)}\n`);
    return groups.every((group) => group.runs.every((run) => !run.result.incomplete)) ? 0 : 1;
  });
}
