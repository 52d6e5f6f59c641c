#!/usr/bin/env node
/**
 * quotastorm's command line. Thin on purpose: parse, call one function, set
 * the exit code (0 ok, 1 checks failed or path not found, 2 bad input, 70 a
 * bug in quotastorm: command-error.ts, 130/143 a run cut short by
 * SIGINT/SIGTERM: commands/interrupt.ts).
 * Heavy modules (msw, faker, SDKs, even the version profiles) are imported
 * inside `main` or the commands that need them, so `--help` and `config get`
 * start fast and SIGINT/SIGTERM are handled from the first moment.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { ProfileName } from './gateway/profiles/index.ts';
import { installInterrupts } from './commands/interrupt.ts';
import { openclawConfigPath } from './config/config-path.ts';
import type { GatewayInstallOptions } from './commands/gateway-install.ts';
import type { CheckCommandOptions } from './commands/check.ts';
import type { ScenarioConformanceOptions } from './commands/scenario-conformance.ts';
import type { CompareOptions } from './commands/compare.ts';
import type { IncidentOptions } from './commands/incident.ts';
import type { StartOptions } from './commands/start.ts';
import type { MocksServeOptions } from './commands/mocks-serve.ts';
import type { RunCommandOptions } from './commands/run.ts';
import type { RecordCommandOptions } from './commands/record.ts';
import type { ConformanceGenerateOptions } from './commands/conformance-generate.ts';
import type { ConformanceCompareOptions } from './commands/conformance-compare.ts';
import type { ConformanceMergeOptions } from './commands/conformance-merge.ts';
import type { ConformanceRunOptions } from './commands/conformance-run.ts';
import type { SessionsCleanupOptions, SessionsListOptions } from './commands/sessions.ts';
import { describeInternalError, handleCommandError, INTERNAL_ERROR_EXIT } from './command-error.ts';
import { UserError } from './errors.ts';
import { VERSION } from './version.ts';

export const EXIT = { ok: 0, failed: 1, badInput: 2, internalError: INTERNAL_ERROR_EXIT } as const;

// A run writes into an empty or new folder, so no stale file from an earlier run sits beside its own.
const FORCE_HELP = 'empty an existing non-empty --out folder before writing (without it such a folder is refused)';
// A config written for a newer OpenClaw carries keys the pinned one refuses; its owner would run doctor first.
const DOCTOR_FIX_HELP = 'remove the keys the version\'s schema does not know, as `openclaw doctor --fix` does, instead of refusing the config (the run notes list them)';

// The metric names and operators: src/scenario/thresholds.ts reads them, docs/thresholds.md lists them.
const THRESHOLD_FORMS =
  'METRIC<=N sets a check\'s max, METRIC>=N its min (also <N, >N, ==0); METRIC{TAG:VALUE,…} picks by step, window, model or metric. ' +
  'Metrics: config-verification, session-count, rate-limit-errors, bot-commands-too-much, replies-delivered, error-replies, peak-usage ' +
  "(also written with _, e.g. rate_limit_errors==0); time to reply as pN_reply<DURATION or <=DURATION (p50_reply, p95_reply, p99_reply, max_reply; e.g. 'p95_reply<30s'), " +
  'added for the whole run when the run has no such check. See docs/thresholds.md';
const RUN_THRESHOLD_HELP = `hold the run to a threshold, k6-style, repeatable; a failed one fails the run (exit 1): ${THRESHOLD_FORMS}`;
const PRICES_HELP =
  'prices for the cost table: a JSON file of provider/model → {"input": USD, "output": USD} per 1M tokens, replacing or adding to the built-in table (src/report/prices.ts)';

export function buildProgram(profileNames: readonly [ProfileName, ...ProfileName[]]): Command {
  const profileOption = () =>
    new Option('--profile <profile>', 'version profile: the OpenClaw version whose behaviour is modelled').choices(profileNames).default('2026.2');
  // On commands that run a scenario: unset, the scenario's own `profile` holds.
  const scenarioProfileOption = () =>
    new Option('--profile <profile>', "version profile: the OpenClaw version whose behaviour is modelled (default: the scenario's `profile`)").choices(profileNames);
  const program = new Command('quotastorm')
    .description('Load tests and chaos runs for multi-provider AI chat gateways (OpenClaw is the reference).')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('start')
    .description(
      'The default job (`npm start`): the stress suite on the fixed Feb 27 config, the incident replayed before and after, ' +
        'and the root-cause table, written under one new folder in reports/.',
    )
    .option('--out <dir>', 'folder for the report (default: a new folder under reports/)')
    .option('--force', FORCE_HELP)
    .addOption(profileOption())
    .option('-q, --quiet', "no progress; print only the suite's verdict, the incident's four verdict lines and the reports' paths")
    .option('--json', 'print the suite\'s and the incident runs\' results as one JSON document on stdout; everything else goes to stderr')
    .option('--no-color', 'no ANSI colour (also NO_COLOR=1; FORCE_COLOR=1 keeps colour in a pipe)')
    .action(async (options: StartOptions) => {
      const { runStart } = await import('./commands/start.ts');
      process.exitCode = await runStart(options);
    });

  const config = program.command('config').description('Read an OpenClaw config (openclaw.json, JSON5) as the gateway would');
  config
    .command('get')
    .description('Print the value at <path> as `openclaw config get` would (defaults materialized, secrets redacted)')
    .argument('<path>', 'dot/bracket path, e.g. session.maintenance or agents.defaults.model.fallbacks[0]')
    .addOption(configOption())
    .action(async (path: string, options: { config: string }) => {
      const { runConfigGet } = await import('./commands/config.ts');
      process.exitCode = await runConfigGet(path, options.config);
    });
  config
    .command('validate')
    .description('Check the config against what the version refuses to start with (legacy keys, its own config schema) and the schema quotastorm models; keys OpenClaw accepts but quotastorm does not model are warnings')
    .addOption(configOption())
    .addOption(profileOption())
    .option('--doctor-fix', DOCTOR_FIX_HELP)
    .action(async (options: { config: string; profile: ProfileName; doctorFix?: boolean }) => {
      const { runConfigValidate } = await import('./commands/config.ts');
      process.exitCode = await runConfigValidate(options.config, options.profile, options.doctorFix === true);
    });
  config
    .command('report')
    .description("The incident's root-cause settings of one or more configs, as the gateway would run them")
    .addOption(new Option('-c, --config <file>', 'OpenClaw config file; repeat to compare (default: as config get)').argParser(collect))
    .addOption(profileOption())
    .option('--doctor-fix', DOCTOR_FIX_HELP)
    .action(async (options: { config?: string[]; profile: ProfileName; doctorFix?: boolean }) => {
      const { runConfigReport } = await import('./commands/config.ts');
      process.exitCode = await runConfigReport(options.config ?? [openclawConfigPath()], options.profile, options.doctorFix === true);
    });

  const mocks = program.command('mocks').description('The provider and Telegram mocks on their own');
  mocks
    .command('serve')
    .description('Serve every mock over HTTP on 127.0.0.1 (prefixes /google /openai /anthropic /moonshot /xai /google-vertex /google-gemini-cli /amazon-bedrock /telegram)')
    .addOption(new Option('--port <n>', 'port; 0 picks a free one').argParser(portNumber('--port')).default(0))
    .addOption(new Option('--limit <spec>', 'quota override, repeatable: provider/model:rpm=N,tpm=N,rpd=N').argParser(collect).default([]))
    .option('--scope <scope>', 'quota scope for every provider: per-model|shared[,per-account|per-key]')
    .addOption(new Option('--seed <n>', 'seed of the mock replies').argParser(nonNegativeInteger('--seed')).default(20260227))
    .option('--faults <file>', 'fault schedule (JSON5 {rules: [...]}, or a trace case with a faults key)')
    .addOption(new Option('--telegram-tls-port <n>', 'also answer as https://api.telegram.org on this port').argParser(portNumber('--telegram-tls-port')))
    .option('--cert-dir <dir>', 'where the generated api.telegram.org certificate goes')
    // 10,000 entries of each log: a few MB, and minutes of history at the load a gateway makes.
    .addOption(new Option('--journal-recent <n>', 'entries of each log kept in memory and served').argParser(positiveInteger('--journal-recent')).default(10_000))
    .option('--journal-file <file>', 'write every log entry to this new JSONL file as it is recorded')
    .addOption(new Option('--max-body-bytes <n>', 'larger request bodies get a 413').argParser(positiveInteger('--max-body-bytes')).default(32 * 1024 * 1024))
    .addOption(new Option('--headers-timeout-ms <n>', 'close sockets whose headers take longer').argParser(positiveInteger('--headers-timeout-ms')).default(10_000))
    .addOption(new Option('--request-timeout-ms <n>', 'close sockets whose request takes longer').argParser(positiveInteger('--request-timeout-ms')).default(60_000))
    .option('--config <file>', "an openclaw.json: each provider it points at its own server (ollama, OpenRouter, vLLM, …) is mounted at /<provider id>")
    .addOption(profileOption())
    .action(async (options: MocksServeOptions) => {
      const { runMocksServe } = await import('./commands/mocks-serve.ts');
      process.exitCode = await runMocksServe(options);
    });

  const gateway = program.command('gateway').description('The real OpenClaw gateway under test (pinned versions, src/sut/)');
  gateway
    .command('install')
    .description('Install a pinned OpenClaw from its committed manifest + lockfile into the git-ignored .cache/openclaw/<version>/')
    .argument('<gateway>', 'openclaw@<version>, e.g. openclaw@2026.2.26 or openclaw@2026.9.6')
    .option('--force', 'reinstall even if the cache already holds this version')
    .option('--cache-dir <dir>', 'cache root (default: $QUOTASTORM_CACHE_DIR or .cache/)')
    .action(async (spec: string, options: GatewayInstallOptions) => {
      const { runGatewayInstall } = await import('./commands/gateway-install.ts');
      process.exitCode = await runGatewayInstall(spec, options);
    });

  program
    .command('record')
    .description(
      'Run trace cases against a real, installed OpenClaw (isolated in a network namespace when root) and write golden traces ' +
        'to test/golden/openclaw-<version>/<case>.json; with --compare, re-record into .cache/runs and diff against the committed ones',
    )
    .argument('[cases...]', 'case names (scenarios/trace-cases/<name>.json5) or paths')
    .addOption(new Option('--gateway <gateway>', 'openclaw@<version>; repeat for several').argParser(collect).default([]))
    .option('--all', 'every case in scenarios/trace-cases/')
    .option('--compare', 'write the new traces under --runs-dir and compare them with the committed ones (exit 1 on a difference)')
    .option('--out-dir <dir>', 'where traces go (default: test/golden, or <runs-dir>/rerecorded with --compare)')
    .option('--golden-dir <dir>', 'the committed traces', 'test/golden')
    .option('--runs-dir <dir>', 'run directories (gateway logs, mock journals, config)', '.cache/runs')
    .addOption(new Option('--tolerance-ms <n>', 'timing tolerance for --compare').argParser(nonNegativeInteger('--tolerance-ms')))
    .option('-c, --config <file>', 'your OpenClaw config (openclaw.json) instead of the cases\' base config; needs --out-dir')
    .option('--no-isolation', 'do not create a network namespace (only for versions with a Telegram API root)')
    .option('--virtual-time', "run the gateway on quotastorm's clock: back-offs are not waited out, offsets are virtual (default for openclaw@2026.2.26; src/sut/README.md)")
    .option('--real-time', 'run the gateway in real time (default for openclaw@2026.9.6, whose own CPU time shapes some traces)')
    .action(async (cases: string[], options: RecordCommandOptions) => {
      const { runRecord } = await import('./commands/record.ts');
      process.exitCode = await runRecord(cases, options);
    });

  const conformance = program
    .command('conformance')
    .description('The embedded gateway against the real OpenClaw: generated differential cases and scenarios side by side (docs/conformance.md)');
  conformance
    .command('generate')
    .description('Write N generated trace cases (gen-<seed>-<i>.json5) into --out; the same seed writes the same files')
    .requiredOption('--seed <n>', 'the seed every case is drawn from', nonNegativeInteger('--seed'))
    .requiredOption('--count <n>', 'how many cases', positiveInteger('--count'))
    .requiredOption('--out <dir>', 'the folder the cases go to (new or empty)')
    .option('--force', FORCE_HELP)
    .action(async (options: ConformanceGenerateOptions) => {
      const { runConformanceGenerate } = await import('./commands/conformance-generate.ts');
      process.exitCode = await runConformanceGenerate(options);
    });

  conformance
    .command('compare')
    .description(
      'Run the embedded gateway on recorded traces of the real OpenClaw (golden format) and write conformance.md + conformance.json: ' +
        'agreement per version and dimension, every disagreement with its differences (exit 1 if any)',
    )
    .argument('<traces...>', 'trace files, or folders searched for them (e.g. test/golden)')
    .requiredOption('--out <dir>', 'the report folder (new or empty)')
    .option('--shard <i/n>', 'judge only shard i of n (traces sorted by version/case, index mod n = i − 1) and write a partial report for `conformance merge`')
    .addOption(new Option('--cases <dir>', 'a folder with the traces\' case files, <case>.json5; repeat for several (default: scenarios/trace-cases)').argParser(collect))
    .option('--force', FORCE_HELP)
    .action(async (traces: string[], options: ConformanceCompareOptions) => {
      const { runConformanceCompare } = await import('./commands/conformance-compare.ts');
      process.exitCode = await runConformanceCompare(traces, options);
    });
  conformance
    .command('merge')
    .description('Combine the partial reports of `conformance compare --shard i/n` (every shard of one run) into the report the unsharded run writes')
    .argument('<parts...>', "each shard's conformance.json, or its --out folder")
    .requiredOption('--out <dir>', 'the report folder (new or empty)')
    .option('--force', FORCE_HELP)
    .action(async (parts: string[], options: ConformanceMergeOptions) => {
      const { runConformanceMerge } = await import('./commands/conformance-merge.ts');
      process.exitCode = await runConformanceMerge(parts, options);
    });

  conformance
    .command('run')
    .description(
      'Record cases on a real, installed OpenClaw (generated with --seed/--count, or given) one at a time as `record` does, ' +
        'then judge the embedded gateway on the new traces: <out>/cases, <out>/traces, <out>/conformance.md + .json (exit 1 if any disagrees)',
    )
    .argument('[cases...]', 'case files or names (instead of --seed/--count)')
    .addOption(new Option('--gateway <gateway>', 'openclaw@<version>; repeat for several').argParser(collect).default([]))
    .addOption(new Option('--seed <n>', 'generate the cases from this seed (with --count)').argParser(nonNegativeInteger('--seed')))
    .addOption(new Option('--count <n>', 'how many cases to generate').argParser(positiveInteger('--count')))
    .option('--shard <i/n>', 'record and judge only shard i of n (version/case sorted, index mod n = i − 1): a partial report for `conformance merge`')
    .requiredOption('--out <dir>', 'the run folder (new or empty)')
    .option('--runs-dir <dir>', 'run directories (gateway logs, mock journals, config)', '.cache/runs')
    .option('--no-isolation', 'do not create a network namespace (only for versions with a Telegram API root)')
    .option('--virtual-time', "run the gateway on quotastorm's clock (default for openclaw@2026.2.26)")
    .option('--real-time', 'run the gateway in real time (default for openclaw@2026.9.6)')
    .option('--shrink', 'shrink each disagreeing case to a smaller one that still disagrees, recording every candidate (<out>/shrunk/)')
    .addOption(new Option('--shrink-tries <n>', 'candidates recorded per disagreeing case at most').argParser(positiveInteger('--shrink-tries')).default(12))
    .option('--force', FORCE_HELP)
    .action(async (cases: string[], options: ConformanceRunOptions) => {
      const { runConformanceRun } = await import('./commands/conformance-run.ts');
      process.exitCode = await runConformanceRun(cases, options);
    });

  // `openclaw sessions` / `openclaw sessions cleanup` for a run's store. Like OpenClaw, the store flags
  // work before or after `cleanup`.
  const sessions = withSessionStoreOptions(program.command('sessions'))
    .description('List a session store as `openclaw sessions --store` prints it: 2026.2.26 for a sessions.json, 2026.9.6 for its SQLite store (ages from --now, else from its newest entry)')
    .addOption(new Option('--active <minutes>', 'only sessions updated in the last N minutes').argParser(positiveInteger('--active')))
    .option('--limit <count>', 'SQLite store (2026.9.6): max sessions to show (default 100; "all" for every one)')
    .action(async (options: SessionsListOptions) => {
      const { runSessions } = await import('./commands/sessions.ts');
      process.exitCode = await runSessions(options);
    });
  withSessionStoreOptions(sessions.command('cleanup'))
    .description('Session-store maintenance now, as `openclaw sessions cleanup` (settings from --config, else the profile defaults); a SQLite store (2026.9.6) takes --dry-run only')
    .option('--dry-run', 'preview what maintenance would remove, without writing')
    .option('--enforce', 'apply maintenance even when the configured mode is warn')
    .option('--active-key <key>', 'the session the write is for: warn mode warns if it would go; 2026.9 keeps it')
    .addOption(profileOption())
    .action(async (options: SessionsCleanupOptions, command: Command) => {
      const { runSessionsCleanup } = await import('./commands/sessions.ts');
      const profileGiven = command.getOptionValueSource('profile') === 'cli';
      process.exitCode = await runSessionsCleanup({ ...sessions.opts<SessionsListOptions>(), ...options, profileGiven });
    });

  // k6's run-time overrides: the scenario as written, changed for this run (src/scenario/overrides.ts).
  const overrideOptions = (command: Command) =>
    command
      .option('--duration <length>', "length of the scenario's longest step (its `run`), e.g. 10m, 2h, 24h; Poisson traffic in that step ends with it")
      .option('--rate <rate>', "peak rate of the scenario's Poisson arrival (its `perHour`), as N/s, N/min, N/h or N/d, e.g. 30/min")
      .option('--users <n>', "Telegram users writing to the bot (the scenario's `users.count`), 1 to 1000")
      .addOption(scenarioProfileOption())
      .addOption(new Option('--threshold <expr>', RUN_THRESHOLD_HELP).argParser(collect));
  const scenarioOptions = (command: Command) =>
    overrideOptions(command)
      .option(
        '-c, --config <file>',
        "OpenClaw config to run against, or a bundled config's name (default: $OPENCLAW_CONFIG_PATH when set, else the scenario's own). As OpenClaw does at start, ${VAR}s may come from ./.env and, " +
          'for a file named openclaw.json, from the .env beside it (standing in for ~/.openclaw/.env); neither overrides the environment',
      )
      .addOption(new Option('--seed <n>', "seed (default: the scenario's)").argParser(nonNegativeInteger('--seed')))
      .option('--out <dir>', 'run folder (default: a new folder under reports/)')
      .option('--force', FORCE_HELP)
      .option('--variant <name>', 'one of the scenario\'s named variants')
      .option('--junit <file>', 'also write the checks as JUnit XML')
      .option('--json', 'print the result as one JSON document on stdout (result.json plus the files written); the summary goes to stderr')
      .option('--doctor-fix', DOCTOR_FIX_HELP)
      .option('--gateway <gateway>', GATEWAY_HELP, 'embedded')
      .option('--no-isolation', 'with a real gateway: no network namespace (only for versions with a Telegram API root)')
      .option('-q, --quiet', 'no progress; print only the verdict, the report path and (on failure) the reproduce line')
      .option('--no-color', 'no ANSI colour (also NO_COLOR=1; FORCE_COLOR=1 keeps colour in a pipe)');
  scenarioOptions(program.command('run').description('Run a scenario: mocks, the embedded gateway, the workload and its checks, in virtual time'))
    .argument('<scenario>', 'scenario file (JSON5), e.g. scenarios/single-message.json5, or a bundled scenario\'s name, e.g. single-message')
    .action(async (file: string, options: RunCommandOptions) => {
      const { runRunCommand } = await import('./commands/run.ts');
      process.exitCode = await runRunCommand(file, options);
    });
  scenarioOptions(program.command('suite').description('Run a suite scenario and print k/N passed (the stress suite: scenarios/stress-suite.json5)'))
    .argument('<suite>', 'suite file, e.g. scenarios/stress-suite.json5, or a bundled suite\'s name, e.g. stress-suite')
    .action(async (file: string, options: RunCommandOptions) => {
      const { runRunCommand } = await import('./commands/run.ts');
      process.exitCode = await runRunCommand(file, options);
    });
  program
    .command('check')
    .description(
      'Judge a saved run folder again from its record (record.json, the journals, result.json): the checks it ran, or --suite\'s, ' +
        'with --threshold laid over them. Prints the verdict as run does; exit 1 when a check failed or could not judge',
    )
    .argument('<run-dir>', 'a folder written by run or suite (their --out)')
    .option('--suite <file>', "judge with this suite's checks instead of the run's own (steps matched by name)")
    .addOption(new Option('--threshold <expr>', `replace a check's limit, k6-style, repeatable: ${THRESHOLD_FORMS}`).argParser(collect))
    .option('--no-color', 'no ANSI colour (also NO_COLOR=1; FORCE_COLOR=1 keeps colour in a pipe)')
    .action(async (dir: string, options: CheckCommandOptions) => {
      const { runCheckCommand } = await import('./commands/check.ts');
      process.exitCode = await runCheckCommand(dir, options);
    });
  overrideOptions(program.command('compare'))
    .description('The same scenario and seed against two or more configs, in one report')
    .argument('<scenario>', 'scenario file')
    .addOption(new Option('-c, --config <file>', 'a config (a file or a bundled config\'s name); repeat for each').argParser(collect))
    .addOption(new Option('--seed <n>', "seed (default: the scenario's)").argParser(nonNegativeInteger('--seed')))
    .option('--variant <name>', "one of the scenario's named variants")
    .option('--out <dir>', 'folder for the runs and compare.md (default: a new folder under reports/)')
    .option('--force', FORCE_HELP)
    .option('--json', 'print every run\'s result and the report\'s path as one JSON document on stdout; progress goes to stderr')
    .option('--junit <file>', 'also write every run\'s checks as JUnit XML, one <testsuite> per config')
    .option('--doctor-fix', DOCTOR_FIX_HELP)
    .option('-q, --quiet', "no progress; print only each config's verdict line and the report's path")
    .option('--prices <file>', PRICES_HELP)
    .option('--gateway <gateway>', GATEWAY_HELP, 'embedded')
    .option('--no-isolation', 'with a real gateway: no network namespace (only for versions with a Telegram API root)')
    .action(async (file: string, options: CompareOptions) => {
      const { runCompare } = await import('./commands/compare.ts');
      process.exitCode = await runCompare(file, options);
    });
  program
    .command('incident')
    .description('Replay 2026-02-27: the incident scenario on the before and after configs, both variants, and the root-cause table')
    .addOption(new Option('--seed <n>', "seed (default: the scenario's)").argParser(nonNegativeInteger('--seed')))
    .option('--out <dir>', 'folder for the runs and the incident report (default: a new folder under reports/)')
    .option('--force', FORCE_HELP)
    .addOption(scenarioProfileOption())
    .option('-q, --quiet', 'no progress; print only the four verdict lines and the report\'s path')
    .option('--gateway <gateway>', GATEWAY_HELP, 'embedded')
    .option('--no-isolation', 'with a real gateway: no network namespace (only for versions with a Telegram API root)')
    .option('--json', 'print the four runs\' results and the report\'s path as one JSON document on stdout; the lines go to stderr')
    .action(async (options: IncidentOptions) => {
      const { runIncident } = await import('./commands/incident.ts');
      process.exitCode = await runIncident(options);
    });
  conformance
    .command('scenario')
    .description('One scenario on the embedded gateway and on real, installed OpenClaw gateways, per config, and conformance.md side by side')
    .argument('<scenario>', 'scenario file, or a bundled scenario\'s name, e.g. stress-suite')
    .addOption(new Option('-c, --config <file>', 'a config (a file or a bundled config\'s name); repeat for each').argParser(collect))
    .addOption(new Option('--gateway <gateway>', 'a real, installed openclaw@<version>; repeat for each').argParser(collect))
    .addOption(new Option('--seed <n>', "seed (default: the scenario's)").argParser(nonNegativeInteger('--seed')))
    .option('--variant <name>', "one of the scenario's named variants")
    .option('--out <dir>', 'folder for the runs and conformance.md (default: a new folder under reports/)')
    .option('--force', FORCE_HELP)
    .option('--no-isolation', 'no network namespace (only for versions with a Telegram API root)')
    .option('-q, --quiet', 'only the verdict lines and the report path')
    .action(async (file: string, options: ScenarioConformanceOptions) => {
      const { runScenarioConformance } = await import('./commands/scenario-conformance.ts');
      process.exitCode = await runScenarioConformance(file, options);
    });
  program
    .command('lint')
    .description('Static rules behind config verification: same-provider fallback, heartbeat on the primary, maintenance, menu size, token budget')
    .addOption(configOption())
    .addOption(profileOption())
    .option('--doctor-fix', DOCTOR_FIX_HELP)
    .action(async (options: { config: string; profile: ProfileName; doctorFix?: boolean }) => {
      const { runLint } = await import('./commands/lint.ts');
      process.exitCode = await runLint(options.config, options.profile, options.doctorFix === true);
    });
  program
    .command('scenario-schema')
    .description('Print the JSON Schema of scenario files (scenarios/scenario.schema.json is this output)')
    .action(async () => {
      const { scenarioJsonSchema } = await import('./scenario/json-schema.ts');
      // Over 64 KB: a pipe takes it in several writes, and the process exits when main returns, so wait until it is all out.
      const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
      await new Promise<void>((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
    });

  return program;
}

const GATEWAY_HELP =
  '"embedded" (quotastorm\'s model of OpenClaw, in virtual time) or a real, installed openclaw@<version> ' +
  '(`quotastorm gateway install openclaw@<version>` first), run on quotastorm\'s clock in a network namespace when root (src/sut/README.md)';

// Digits only and a safe integer: `1e30` and `9007199254740993` would otherwise parse to a different number than written.
function nonNegativeInteger(flag: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number)) {
      throw new InvalidArgumentError(`${flag} needs a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, written in digits, got "${value}".`);
    }
    return number;
  };
}

function portNumber(flag: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number > 65_535) throw new InvalidArgumentError(`${flag} needs a port from 0 to 65535 (0 picks a free one), got "${value}".`);
    return number;
  };
}

function positiveInteger(flag: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError(`${flag} needs a whole number > 0, got "${value}".`);
    return number;
  };
}

// An instant as epoch milliseconds or an ISO 8601 date (`2026-02-27T09:00:00Z`).
function instantMs(flag: string): (value: string) => number {
  return (value) => {
    const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    if (!Number.isFinite(ms)) throw new InvalidArgumentError(`${flag} needs epoch milliseconds or an ISO 8601 date, got "${value}".`);
    return ms;
  };
}

function withSessionStoreOptions(command: Command): Command {
  return command
    .option('--store <file>', 'a sessions.json (openclaw 2026.2.26) or openclaw-agent.sqlite (2026.9.6)')
    .option('--run <dir>', 'a run directory (its sessions.json)')
    .option('--json', 'print JSON')
    .addOption(new Option('--now <time>', "the instant ages and staleness are measured from (default: the store's newest updatedAt)").argParser(instantMs('--now')))
    .option('-c, --config <file>', 'OpenClaw config: default model and context shown; maintenance settings for cleanup');
}

function configOption(): Option {
  return new Option('-c, --config <file>', 'OpenClaw config file, or a bundled config\'s name (feb27-before, feb27-after)').default(
    openclawConfigPath(),
    '$OPENCLAW_CONFIG_PATH or ~/.openclaw/openclaw.json, as OpenClaw resolves it',
  );
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export async function main(argv: readonly string[]): Promise<number> {
  installInterrupts();
  try {
    const { PROFILE_NAMES } = await import('./gateway/profiles/index.ts');
    await buildProgram(PROFILE_NAMES).parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has already printed its message; --help and --version end here too.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    return handleCommandError(error, argv, (text) => process.stderr.write(text), process.env['QUOTASTORM_DEBUG'] === '1');
  }
}

if (import.meta.main) {
  // A rejection nobody awaited (a timer callback, a stream) is a bug too: the same paragraph, never Node's stack dump.
  const crash = (error: unknown) => {
    process.stderr.write(describeInternalError(error, process.argv.slice(2), process.env['QUOTASTORM_DEBUG'] === '1'));
    process.exit(EXIT.internalError);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // Every command has finished its work and written its files when main returns. A simulated run can end
  // with a request still parked in a mock (its turn pending on the virtual clock), and the provider SDK's own
  // request timer (real time, minutes) would keep the process alive with nothing left to do.
  // A pipe takes stdout asynchronously: a `--json` document larger than the pipe's buffer would be cut
  // short by exit, so exit waits until everything written so far has been handed over.
  const code = await main(process.argv.slice(2));
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))));
  process.exit(code);
}
