/**
 * Reads a scenario file: JSON5, validated against the schema, every check's
 * parameters checked up front, and the gateway config path resolved next to
 * the scenario. Bad input is one paragraph naming file, path and expectation.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { dirname, resolve } from 'node:path';
import { parseJson5, readConfigFile } from '../config/load.ts';
import { collectSecrets, redactText } from '../config/redact.ts';
import { MAX_LISTED_ISSUES } from '../config/validation-error.ts';
import { UserError } from '../errors.ts';
import { checkParamIssues } from './checks/index.ts';
import { scenarioJsonSchema } from './json-schema.ts';
import { plainIssues } from './plain-issues.ts';
import { crossFieldIssues, ScenarioSchema, type Scenario } from './schema.ts';

export type LoadedScenario = {
  readonly file: string;
  readonly sha256: string;
  readonly scenario: Scenario;
  /** The gateway config the scenario names, resolved against its folder; undefined if it names none. */
  readonly configFile: string | undefined;
};

export async function loadScenario(file: string): Promise<LoadedScenario> {
  const text = await readConfigFile(file, 'Scenario file', 'Expected a quotastorm scenario (JSON5) at that path, e.g. scenarios/stress-suite.json5.');
  return parseScenarioText(text, file);
}

export function parseScenarioText(text: string, file: string): LoadedScenario {
  const raw = parseJson5(text, file, 'scenario');
  const parsed = ScenarioSchema.safeParse(raw);
  const issues = parsed.success ? [...crossFieldIssues(parsed.data), ...checkIssues(parsed.data)] : parsed.error.issues;
  if (issues.length > 0) {
    const problems = plainIssues(issues, raw, scenarioJsonSchema());
    const listed = problems.slice(0, MAX_LISTED_ISSUES).join('; ');
    const more = problems.length > MAX_LISTED_ISSUES ? `; and ${problems.length - MAX_LISTED_ISSUES} more` : '';
    // A scenario holds no secrets by design, but one pasted in by mistake is masked like in a config.
    throw new UserError(redactText(`Invalid scenario ${file}${problems.length > 1 ? ` (${problems.length} problems)` : ''}: ${listed}${more}.`, collectSecrets(raw)));
  }
  const scenario = parsed.data!;
  return {
    file,
    sha256: createHash('sha256').update(text).digest('hex'),
    scenario,
    configFile: scenario.config === undefined ? undefined : resolve(dirname(file), scenario.config),
  };
}

/** Check parameters are parsed again when the run is judged; checking them here names a bad one before anything runs. */
function checkIssues(scenario: Scenario): z.core.$ZodIssue[] {
  return scenario.steps.flatMap((step, stepIndex) =>
    step.checks.flatMap((spec, checkIndex) => checkParamIssues(spec).map((issue) => ({ ...issue, path: ['steps', stepIndex, 'checks', checkIndex, ...issue.path] }))),
  );
}
